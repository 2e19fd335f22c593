/**
 * The merge shared by `sovcode merge-driver` and `sovcode resolve`: parse the three versions of a sidecar,
 * merge them by annotation id (src/core/git/merge.ts), and give the file text to write. A version that does not
 * parse cleanly is never merged by id (its bad entry would be lost): the caller is told why, naming the version
 * and line, and falls back to Git's line merge.
 */
import { mergeSidecars } from '../core/git';
import { formatProblem } from '../core/input';
import { parseSidecar, serializeSidecar } from '../core/sidecar';
import type { Sidecar } from '../core/sidecar';

export interface SidecarTexts {
  base: string | undefined;
  ours: string;
  theirs: string;
}

export type SidecarMergeResult =
  | {
      ok: true;
      text: string;
      conflicts: number;
      annotations: number;
      keptDespiteRemoval: string[];
      reanchored: boolean;
    }
  | { ok: false; reasons: string[] };

/**
 * Merges the three texts of the sidecar at `path` (used to name the versions in messages). With `mergedText`
 * (the source text as merged) the annotations are re-anchored on it and line/column come from it.
 */
export function mergeSidecarTexts(
  path: string,
  texts: SidecarTexts,
  mergedText: string | undefined,
): SidecarMergeResult {
  const reasons: string[] = [];
  const read = (text: string, version: string): Sidecar | undefined => {
    const parsed = parseSidecar(text, path);
    const errors = parsed.problems.filter((p) => p.severity === 'error');
    for (const p of errors) reasons.push(`${formatProblem(p)} (in ${version})`);
    if (parsed.sidecar === undefined && errors.length === 0) reasons.push(`${path}: ${version} could not be read`);
    return parsed.readOnly ? undefined : parsed.sidecar;
  };
  // Git passes an empty base when both sides created the file.
  const base = texts.base === undefined || texts.base.trim() === '' ? undefined : read(texts.base, 'the common base');
  const ours = read(texts.ours, 'our version');
  const theirs = read(texts.theirs, 'their version');
  if (
    ours === undefined ||
    theirs === undefined ||
    (texts.base !== undefined && texts.base.trim() !== '' && base === undefined)
  ) {
    return { ok: false, reasons };
  }
  const outcome = mergeSidecars(base, ours, theirs, mergedText);
  return {
    ok: true,
    text: serializeSidecar(outcome.sidecar, mergedText),
    conflicts: outcome.conflicts,
    annotations: outcome.sidecar.annotations.length,
    keptDespiteRemoval: outcome.keptDespiteRemoval,
    reanchored: outcome.reanchored,
  };
}

/** The one-line summary printed on stderr after a merge. */
export function mergeSummary(path: string, r: Extract<SidecarMergeResult, { ok: true }>, note?: string): string {
  const parts = [`${r.annotations} annotation(s)`];
  if (r.conflicts > 0)
    parts.push(
      `${r.conflicts} conflict(s) kept as pairs with status: conflict (resolve them, then sovcode validate --strict)`,
    );
  if (r.keptDespiteRemoval.length > 0)
    parts.push(`kept ${r.keptDespiteRemoval.join(', ')}: removed on one side but changed on the other`);
  if (note !== undefined) parts.push(note);
  if (!r.reanchored)
    parts.push('the merged source text was not known: annotations are re-anchored when the text is next opened');
  return `sovcode: merged ${path} by annotation id: ${parts.join('; ')}\n`;
}
