/**
 * The workspace's coded documents, as the export commands and the agreement view read them: every annotation
 * file of the workspace turned into a coded document by the core's one pure step (`codedDocumentFrom`). A
 * document open in an editor is taken as the coder sees it (its in-memory annotations over its current text),
 * the others as they are on disk. An annotation file with errors stops the reading and is named with its line:
 * no coding decision is left out. Warnings (a missing source, a frame not in the codebook) go to the log.
 */
import * as vscode from 'vscode';
import type { Codebook } from '../core/codebook';
import { codedDocumentFrom, unknownFrameProblems, type CodedDocument, type SourceOrigin } from '../core/documents';
import { formatProblem, hasErrors, type Problem } from '../core/input';
import { originFromProvenance, PROVENANCE_MAX_BYTES } from '../core/export/sourceOrigin';
import { TEXT_MAX_BYTES } from '../core/files';
import { provenancePathFor } from '../core/import/provenance';
import { sourcePathFor } from '../core/sidecar';
import { documentText, openDocument } from './convert';
import { readSourceText, readStrictText, workspaceFilePort } from './filePort';
import type { Services } from './services';
import { RefusedRead } from './workspaceReads';

const SIDECARS = '**/*.annotations.yaml';
const EXCLUDED = '{**/node_modules/**,**/.git/**}';

/** Whether the workspace holds a codebook at a folder's root or any annotation file (at most one search hit). */
export async function workspaceHasCoding(): Promise<boolean> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const hits = await Promise.all(
    folders.map((f) =>
      vscode.workspace.findFiles(new vscode.RelativePattern(f, `{codebook.yaml,${SIDECARS}}`), EXCLUDED, 1),
    ),
  );
  return hits.some((found) => found.length > 0);
}

async function readCodedDocument(
  services: Services,
  sidecar: vscode.Uri,
  problems: Problem[],
  inputs: vscode.Uri[],
): Promise<CodedDocument | undefined> {
  const sourcePath = sourcePathFor(sidecar.path);
  if (sourcePath === undefined) return undefined; // findFiles only gives sidecars; a guard for the type
  const source = sidecar.with({ path: sourcePath });
  inputs.push(sidecar, source);
  const path = vscode.workspace.asRelativePath(
    source,
    vscode.workspace.workspaceFolders !== undefined && vscode.workspace.workspaceFolders.length > 1,
  );
  const origin = await originOf(source, path, problems);
  const open = openDocument(source);
  const entry = open ? services.store.get(open.uri) : undefined;
  if (open && entry && !entry.readOnly) {
    const done = entry.done;
    return { path, text: documentText(open), annotations: entry.annotations, ...origin, ...(done ? { done } : {}) };
  }
  let yaml: string | undefined;
  let raw: string | undefined;
  try {
    yaml = await readStrictText(workspaceFilePort(sidecar), sidecar.path, sidecar.fsPath, 'annotation file');
    raw = yaml === undefined ? undefined : await readSourceText(workspaceFilePort(source, TEXT_MAX_BYTES), source.path);
  } catch (e) {
    if (!(e instanceof RefusedRead)) throw e;
    return void problems.push({ file: sidecar.fsPath, line: 1, column: 1, severity: 'error', message: e.message });
  }
  if (yaml === undefined) return undefined; // deleted since it was found
  const read = codedDocumentFrom(path, sidecar.fsPath, yaml, raw);
  problems.push(...read.problems);
  return read.readOnly || !read.document ? undefined : { ...read.document, ...origin };
}

/** `{ origin }` from the provenance record of an added text, or nothing (no record; a bad one is a warning). */
async function originOf(source: vscode.Uri, path: string, problems: Problem[]): Promise<{ origin?: SourceOrigin }> {
  const record = source.with({ path: provenancePathFor(source.path) });
  let yaml: string | undefined;
  try {
    yaml = await readStrictText(
      workspaceFilePort(record, PROVENANCE_MAX_BYTES),
      record.path,
      record.fsPath,
      'provenance record',
    );
  } catch (e) {
    if (!(e instanceof RefusedRead)) throw e;
    problems.push({ file: record.fsPath, line: 1, column: 1, severity: 'warning', message: e.message });
    return {};
  }
  if (yaml === undefined) return {};
  const found = originFromProvenance(path, yaml, record.fsPath);
  if ('problem' in found) problems.push(found.problem);
  return 'origin' in found ? { origin: found.origin } : {};
}

/** The codebook file in force, the first input of every export (which an export may not overwrite). */
export function codebookInputs(services: Services): vscode.Uri[] {
  const uri = services.codebooks.active?.uri;
  return uri ? [uri] : [];
}

/** The active codebook, or undefined after telling the user why there is none. */
export function activeCodebook(services: Services): Codebook | undefined {
  const codebook = services.codebooks.active?.codebook;
  if (!codebook)
    void vscode.window.showErrorMessage(
      'Sovereignty Coder: no codebook is loaded, so frames cannot be named (see Problems).',
    );
  return codebook;
}

/**
 * Every coded document of the workspace, or undefined (after saying which files and lines) when one has errors.
 * The files read are added to `inputs`.
 */
export async function collectDocuments(
  services: Services,
  codebook: Codebook,
  interactive: boolean,
  inputs: vscode.Uri[] = [],
): Promise<CodedDocument[] | undefined> {
  const found = await vscode.workspace.findFiles(SIDECARS, EXCLUDED);
  // an open document whose sidecar is not on disk (deleted, or not written yet) still has its coding in memory
  const onDisk = new Set(found.map((u) => u.toString()));
  const inMemoryOnly = services.store
    .all()
    .filter((e) => (e.annotations.length > 0 || e.done !== undefined) && !onDisk.has(e.sidecarUri.toString()))
    .map((e) => e.sidecarUri);
  const sidecars = [...found, ...inMemoryOnly].sort((a, b) => a.path.localeCompare(b.path));
  const problems: Problem[] = [];
  const documents = (await Promise.all(sidecars.map((s) => readCodedDocument(services, s, problems, inputs)))).filter(
    (d): d is CodedDocument => d !== undefined,
  );
  if (!hasErrors(problems)) {
    for (const p of [...problems, ...unknownFrameProblems(codebook, documents)]) services.log.warn(formatProblem(p));
    return documents;
  }
  const first = problems
    .filter((p) => p.severity === 'error')
    .slice(0, 3)
    .map(formatProblem)
    .join('\n');
  services.log.error(`export refused:\n${problems.map(formatProblem).join('\n')}`);
  void vscode.window.showErrorMessage(
    `Nothing exported: fix these annotation files first, so that no coding decision is left out.\n${first}`,
    { modal: interactive },
  );
  return undefined;
}
