/**
 * `sovcode rename-frame OLD NEW [--into TARGET]`: renames a frame (or merges it into another) across the
 * codebook and every annotation file, as one change a reviewer reads in `git diff`. Everything is computed and
 * checked first; only when every sidecar could be read and the edited codebook is valid is anything written,
 * each file atomically. A sidecar with errors stops the whole rename: half-renamed coding would orphan decisions.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatProblem, hasErrors } from '../core/input';
import { renameFrameInCodebook, renameFrameInSidecar, RenameError } from '../core/rename';
import { nodeFilePort, sourcePathFor, writeSidecarSafely } from '../core/sidecar';
import { findWorkspaceCodebook, readTextFile } from './codebookFile';
import { CliError } from './errors';
import { sidecarsFor } from './codedDocuments';

export interface RenamePlan {
  codebookFile: string;
  codebookText: string;
  sidecars: { file: string; before: string; after: string; retagged: number }[];
}

/** What the rename would write; throws a CliError (naming files and lines) when it cannot be done whole. */
export function planRename(
  positionals: readonly string[],
  options: { codebook?: string; into?: string },
): { plan: RenamePlan; from: string; to: string; merge: boolean } {
  const [from, newName, ...paths] = positionals;
  const merge = options.into !== undefined;
  const to = options.into ?? newName;
  if (from === undefined || to === undefined)
    throw new CliError('usage: sovcode rename-frame OLD NEW [PATH...], or OLD --into TARGET [PATH...]');
  const scope = merge && newName !== undefined ? [newName, ...paths] : paths;
  const codebookFile = options.codebook ?? findWorkspaceCodebook(scope[0] ?? '.');
  if (codebookFile === undefined)
    throw new CliError('no codebook.yaml in this folder or above it: name the codebook to edit with --codebook');
  let codebookText: string;
  try {
    codebookText = renameFrameInCodebook(readTextFile(codebookFile), codebookFile, from, to, merge);
  } catch (e) {
    if (e instanceof RenameError) throw new CliError(e.message);
    throw e;
  }
  const sidecars: RenamePlan['sidecars'] = [];
  const problems = [];
  const { sidecars: found, skipped } = sidecarsFor(scope);
  problems.push(...skipped);
  for (const { path: file } of found) {
    const before = readTextFile(file);
    const source = sourcePathFor(file) as string;
    const result = renameFrameInSidecar(before, file, existsSync(source) ? readTextFile(source) : undefined, from, to);
    problems.push(...result.problems);
    if (result.text !== undefined) sidecars.push({ file, before, after: result.text, retagged: result.retagged });
  }
  if (hasErrors(problems))
    throw new CliError(
      `nothing renamed: fix these annotation files first, so that no coding decision is left behind:\n${problems.map(formatProblem).join('\n')}`,
    );
  return { plan: { codebookFile, codebookText, sidecars }, from, to, merge };
}

/** Runs the rename; returns the summary line. */
export async function renameFrame(
  positionals: readonly string[],
  options: { codebook?: string; into?: string },
): Promise<string> {
  const { plan, from, to, merge } = planRename(positionals, options);
  const port = nodeFilePort;
  for (const s of plan.sidecars) {
    const result = await writeSidecarSafely(port, resolve(s.file), s.after, s.before);
    if (!result.ok)
      throw new CliError(
        `${s.file}: not written (${result.message}); files before it in this list were renamed: ${plan.sidecars.map((x) => x.file).join(', ')}`,
      );
  }
  const codebookBefore = readTextFile(plan.codebookFile);
  const written = await writeSidecarSafely(port, resolve(plan.codebookFile), plan.codebookText, codebookBefore);
  if (!written.ok)
    throw new CliError(
      `${plan.codebookFile}: not written (${written.message}); the annotation files were renamed already`,
    );
  const count = plan.sidecars.reduce((n, s) => n + s.retagged, 0);
  const what = merge
    ? `merged frame '${from}' into '${to}' (its definition and examples left the codebook; its terms moved to '${to}')`
    : `renamed frame '${from}' to '${to}'`;
  return `sovcode: ${what}: ${count} annotation(s) in ${plan.sidecars.length} file(s), and ${plan.codebookFile}\n`;
}
