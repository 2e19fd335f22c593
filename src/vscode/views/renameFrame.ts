/**
 * Rename or merge a frame across all coded data from VS Code: the same core steps as `sovcode rename-frame`.
 * Every sidecar of the workspace and the codebook are computed and checked first; a sidecar with errors, or a
 * codebook edit that would not be valid, stops everything before anything is written. Open texts are retagged
 * through the annotation store (so memory and disk agree); the others are written atomically with a check that
 * nothing changed on disk since they were read. The result is one change for `git diff`.
 */
import * as vscode from 'vscode';
import { sortAnnotations } from '../../core/annotations';
import { formatProblem, hasErrors, type Problem } from '../../core/input';
import { renameFrameInCodebook, renameFrameInSidecar, RenameError } from '../../core/rename';
import { sourcePathFor, writeSidecarSafely } from '../../core/sidecar';
import { readSourceText, readStrictText, workspaceFilePort } from '../filePort';
import type { Services } from '../services';

export interface RenameResult {
  annotations: number;
  files: number;
}

/** Renames `from` to `to` (merge: into the existing frame `to`); resolves to what changed, or undefined. */
export async function renameFrameEverywhere(
  services: Services,
  from: string,
  to: string,
  merge: boolean,
  confirm: boolean,
): Promise<RenameResult | undefined> {
  const active = services.codebooks.active;
  if (!active) return undefined;
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(
      'Renaming a frame writes the codebook and annotation files: trust the workspace first (Restricted Mode is on).',
    );
    return undefined;
  }
  if (!vscode.workspace.getWorkspaceFolder(active.uri)) {
    void vscode.window.showWarningMessage(
      `The codebook in use (${active.uri.fsPath}) is not in the workspace (the shipped one?): copy it to codebook.yaml in the workspace to rename its frames.`,
    );
    return undefined;
  }
  const port = workspaceFilePort(active.uri);
  const codebookBefore = (await readStrictText(port, active.uri.path, active.uri.fsPath, 'codebook')) ?? '';
  let codebookAfter: string;
  try {
    codebookAfter = renameFrameInCodebook(codebookBefore, vscode.workspace.asRelativePath(active.uri), from, to, merge);
  } catch (e) {
    if (!(e instanceof RenameError)) throw e;
    services.log.warn(`rename refused: ${e.message}`);
    void vscode.window.showErrorMessage(`Nothing renamed: ${e.message}`);
    return undefined;
  }
  const planned: { sidecar: vscode.Uri; before: string; after: string; retagged: number }[] = [];
  const problems: Problem[] = [];
  for (const sidecar of await vscode.workspace.findFiles('**/*.annotations.yaml', '{**/node_modules/**,**/.git/**}')) {
    const sidecarPort = workspaceFilePort(sidecar);
    const before = await readStrictText(sidecarPort, sidecar.path, sidecar.fsPath, 'annotation file');
    if (before === undefined) continue;
    const source = sourcePathFor(sidecar.path);
    const sourceText = source === undefined ? undefined : await readSourceText(sidecarPort, source);
    const r = renameFrameInSidecar(before, vscode.workspace.asRelativePath(sidecar), sourceText, from, to);
    problems.push(...r.problems);
    if (r.text !== undefined) planned.push({ sidecar, before, after: r.text, retagged: r.retagged });
  }
  if (hasErrors(problems)) {
    services.log.error(`rename refused:\n${problems.map(formatProblem).join('\n')}`);
    void vscode.window.showErrorMessage(
      `Nothing renamed: fix these annotation files first, so that no coding decision is left behind.\n${problems
        .filter((p) => p.severity === 'error')
        .slice(0, 3)
        .map(formatProblem)
        .join('\n')}`,
      { modal: confirm },
    );
    return undefined;
  }
  const annotations = planned.reduce((n, p) => n + p.retagged, 0);
  const what = merge ? `Merge frame '${from}' into '${to}'` : `Rename frame '${from}' to '${to}'`;
  if (confirm) {
    const detail = `${annotations} annotation(s) in ${planned.length} file(s), and the codebook.${merge ? ` '${from}' leaves the codebook; its cue terms move to '${to}'.` : ''} Review the change with git diff.`;
    if ((await vscode.window.showWarningMessage(what, { modal: true, detail }, 'Rename')) !== 'Rename')
      return undefined;
  }
  for (const p of planned) {
    const source = p.sidecar.with({ path: sourcePathFor(p.sidecar.path) ?? p.sidecar.path });
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === source.toString());
    const ok =
      open && services.store.get(open.uri)
        ? await services.sidecars.applyDecision(open, (list) =>
            sortAnnotations(list.map((a) => (a.frame === from ? { ...a, frame: to } : a))),
          )
        : (await writeSidecarSafely(workspaceFilePort(p.sidecar), p.sidecar.path, p.after, p.before)).ok;
    if (!ok) {
      services.log.error(`rename stopped at ${p.sidecar.toString()}: it could not be written`);
      void vscode.window.showErrorMessage(
        `${vscode.workspace.asRelativePath(p.sidecar)} could not be written: the rename stopped there (see the log); files before it were renamed, the codebook was not.`,
      );
      return undefined;
    }
  }
  const written = await writeSidecarSafely(port, active.uri.path, codebookAfter, codebookBefore);
  if (!written.ok) {
    services.log.error(`rename: the codebook was not written: ${written.message}`);
    void vscode.window.showErrorMessage(
      `The codebook was not written (${written.message}); the annotation files were renamed already.`,
    );
    return undefined;
  }
  await services.codebooks.reload();
  services.log.info(`${what}: ${annotations} annotation(s) in ${planned.length} file(s) and ${active.uri.toString()}`);
  return { annotations, files: planned.length };
}
