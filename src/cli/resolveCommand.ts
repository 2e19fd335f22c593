/**
 * `sovcode resolve FILE…`: for a sidecar that Git left with conflict markers (no merge driver configured), the
 * same merge by annotation id as the driver. The three versions come from Git's index when the merge is still
 * in progress (stages 1–3: exact, with the base), else from the markers themselves; without a base section,
 * only what both sides hold alike counts as the base, so nothing present on either side is ever removed. The
 * annotations are re-anchored on the source as it is now in the working tree (already merged by Git), unless it
 * still has conflict markers itself. Exit code 0 when every file is resolved without conflict entries, 1 when
 * some remain (or a version did not parse; the file is then left as it was).
 */
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { hasConflictMarkers, splitConflict } from '../core/git/conflictMarkers';
import {
  isSidecarPath,
  parseSidecar,
  serializeSidecar,
  sidecarPathFor,
  sourcePathFor,
  tempPathFor,
} from '../core/sidecar';
import type { Sidecar } from '../core/sidecar';
import { canonicalText } from '../core/text';
import { readTextFile } from './codebookFile';
import { CliError } from './errors';
import { nodeGitPort } from '../core/git/nodeGit';
import { mergeSidecarTexts, mergeSummary, type SidecarTexts } from './sidecarMerge';

/** The versions Git keeps in the index during a conflicted merge, when it has both sides. */
function indexStages(file: string): SidecarTexts | undefined {
  const git = nodeGitPort(dirname(resolve(file)));
  const stage = (n: number): string | undefined => {
    const r = git.run(['cat-file', 'blob', `:${n}:./${basename(file)}`]);
    return r.code === 0 ? r.stdout : undefined;
  };
  const [base, ours, theirs] = [stage(1), stage(2), stage(3)];
  return ours === undefined || theirs === undefined ? undefined : { base: base ?? '', ours, theirs };
}

/** The annotations both sides hold identically, as a stand-in base when the markers have none. */
function commonBase(file: string, ours: string, theirs: string): string | undefined {
  const [o, t] = [parseSidecar(ours, file).sidecar, parseSidecar(theirs, file).sidecar];
  if (o === undefined || t === undefined) return undefined;
  const same = new Map(t.annotations.map((a) => [a.id, JSON.stringify(a)]));
  const done = o.done?.filter((c) => t.done?.includes(c) === true);
  const base: Sidecar = { ...o, annotations: o.annotations.filter((a) => same.get(a.id) === JSON.stringify(a)) };
  // a mark only one side has was added on that side: the stand-in base has the marks both sides share
  if (done === undefined || done.length === 0) delete base.done;
  else base.done = done;
  return serializeSidecar(base);
}

function sidesFromMarkers(file: string, text: string): SidecarTexts {
  const sides = splitConflict(text);
  if ('error' in sides) throw new CliError(`${file}:${sides.line}: ${sides.error}`);
  return { base: sides.base ?? commonBase(file, sides.ours, sides.theirs), ours: sides.ours, theirs: sides.theirs };
}

/** The working tree's source as canonical text, unless it is missing or still conflicted. */
function currentSource(file: string, err: (s: string) => void): string | undefined {
  const source = sourcePathFor(file);
  if (source === undefined || !existsSync(source)) return undefined;
  const text = readTextFile(source);
  if (!hasConflictMarkers(text)) return canonicalText(text);
  err(`sovcode: ${source} still has conflict markers: resolve it first to re-anchor the annotations on it\n`);
  return undefined;
}

/** Resolves each file; returns the exit code. */
export function resolveFiles(paths: readonly string[], err: (s: string) => void): number {
  if (paths.length === 0) throw new CliError('resolve needs the sidecar (or text) files to resolve');
  let exit = 0;
  for (const path of paths) {
    const file = isSidecarPath(path) ? path : sidecarPathFor(path);
    const text = readTextFile(file);
    if (!hasConflictMarkers(text)) {
      err(`sovcode: ${file} has no conflict markers: nothing to resolve\n`);
      continue;
    }
    const result = mergeSidecarTexts(file, indexStages(file) ?? sidesFromMarkers(file, text), currentSource(file, err));
    if (!result.ok) {
      for (const reason of result.reasons) err(`sovcode: ${reason}\n`);
      err(`sovcode: ${file} left as it is: fix the version named above, then run resolve again\n`);
      exit = 1;
      continue;
    }
    const temp = tempPathFor(file);
    writeFileSync(temp, result.text);
    renameSync(temp, file);
    err(mergeSummary(file, result));
    if (result.conflicts > 0) exit = 1;
  }
  return exit;
}
