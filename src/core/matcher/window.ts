/**
 * Where a scan for findInRange may safely start.
 *
 * A match spans at most maxWords - 1 joiner runs and never a paragraph break (scanner.ts). So a scan that starts
 * at the beginning of the k-th joiner run before `from` (k ≥ maxWords) knows every partial phrase exactly once
 * maxWords runs have ended; from there, the first joiner run that no partial phrase crosses is a point where
 * find() itself starts a fresh segment of its selection. If no such run lies before `from` (a long chain of
 * overlapping phrase candidates), the caller doubles k. A paragraph break or the text start is exact at once.
 */
import { foldCodePoint, JOINER } from '../text';

export interface ScanStart {
  /** Offset of the first joiner code point of the chosen run, or 0. */
  start: number;
  /** True at the text start or a paragraph break: no candidate crosses it. */
  exact: boolean;
}

function codePointBefore(text: string, i: number): number {
  const lo = text.charCodeAt(i - 1);
  if ((lo & 0xfc00) === 0xdc00 && i >= 2) {
    const hi = text.charCodeAt(i - 2);
    if ((hi & 0xfc00) === 0xd800) return 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00);
  }
  return lo;
}

function breaksAt(text: string, i: number, cp: number): number {
  if (cp === 10 || cp === 0x0b || cp === 0x0c || cp === 0x2028) return 1;
  if (cp === 13) return text.charCodeAt(i + 1) === 10 ? 0 : 1;
  return cp === 0x2029 ? 2 : 0;
}

/** Walks back from `from` over `runs` joiner runs (or to a paragraph break, or the text start). */
export function scanStartBefore(text: string, from: number, runs: number): ScanStart {
  let i = from;
  let seen = 0;
  let inRun = false;
  let firstJoiner = 0;
  let lineBreaks = 0;
  while (i > 0) {
    const cp = codePointBefore(text, i);
    const at = i - (cp > 0xffff ? 2 : 1);
    const f = foldCodePoint(cp);
    if (f === JOINER) {
      if (!inRun) {
        inRun = true;
        seen++;
        lineBreaks = 0;
      }
      firstJoiner = at;
      lineBreaks += breaksAt(text, at, cp);
    } else if (f !== '' && inRun) {
      // The run just walked over is complete.
      if (lineBreaks >= 2) return { start: firstJoiner, exact: true };
      if (seen >= runs) return { start: firstJoiner, exact: false };
      inRun = false;
    }
    i = at;
  }
  return { start: 0, exact: true };
}
