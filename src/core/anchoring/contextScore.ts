/**
 * How well the text beside a candidate agrees with an annotation's stored prefix or suffix, from 0 to 1.
 * The score is 1 − (edit distance / stored length), where the alignment is pinned to the quote's side and free
 * at the far end, so one changed, inserted or deleted character costs one unit instead of cutting the context
 * short (the old score counted only the unbroken run of equal characters next to the quote, so one typo
 * close to the quote halved it). Both strings are already folded (whitespace.ts).
 */

/** Extra characters of text looked at beyond the stored length, so that insertions in the context still align. */
export const CONTEXT_SLACK = 16;

/**
 * Edit distance between `stored` and the best-matching start of `actual` (free end in `actual`):
 * min over j of distance(stored, actual.slice(0, j)). Two rows, O(stored × actual).
 */
function anchoredDistance(stored: string, actual: string, reversed: boolean): number {
  const m = stored.length;
  const n = actual.length;
  const at = (s: string, len: number, i: number): number => s.charCodeAt(reversed ? len - 1 - i : i);
  let prev = new Int32Array(n + 1);
  let row = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    row[0] = i;
    const c = at(stored, m, i - 1);
    for (let j = 1; j <= n; j++) {
      const substitute = (prev[j - 1] ?? 0) + (c === at(actual, n, j - 1) ? 0 : 1);
      row[j] = Math.min(substitute, (prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1);
    }
    [prev, row] = [row, prev];
  }
  let best = m;
  for (let j = 0; j <= n; j++) best = Math.min(best, prev[j] ?? m);
  return best;
}

/**
 * What an empty stored side (the span began or ended the text) scores beside text: no evidence either way,
 * below the weaker-side threshold of a silent move (decide.ts), so that an occurrence elsewhere is not taken
 * for a quote that stood at the edge. Beside nothing (still at the edge) it scores 1.
 */
export const EDGE_UNKNOWN = 0.5;

/** Similarity of a stored prefix to the text `before` a candidate (aligned at their ends). */
export function prefixSimilarity(stored: string, before: string): number {
  if (stored.length === 0) return before.trim() === '' ? 1 : EDGE_UNKNOWN;
  return 1 - anchoredDistance(stored, before, true) / stored.length;
}

/** Similarity of a stored suffix to the text `after` a candidate (aligned at their starts). */
export function suffixSimilarity(stored: string, after: string): number {
  if (stored.length === 0) return after.trim() === '' ? 1 : EDGE_UNKNOWN;
  return 1 - anchoredDistance(stored, after, false) / stored.length;
}

/** Similarity of two whole strings: 1 − Levenshtein distance / the longer length (two rows). */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  let prev = new Int32Array(b.length + 1);
  let row = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        (prev[j - 1] ?? 0) + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1),
        (prev[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
      );
    }
    [prev, row] = [row, prev];
  }
  return 1 - (prev[b.length] ?? longest) / longest;
}
