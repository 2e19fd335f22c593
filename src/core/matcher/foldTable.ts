/**
 * fold.ts, flattened for the scanner's inner loop: one Uint32Array read per BMP code unit instead of a string
 * from foldCodePoint plus a second look-up for the character class. Derived from fold.ts (never a second
 * definition of folding), built on first use like fold.ts's own tables.
 *
 * Entry layout: bits 0–15 the folded code unit (KIND_UNIT only), bits 16–17 the kind, bit 18 set when the folded
 * character is a spaced-script word char, bits 19–20 its line-break weight (joiners only).
 */
import { foldCodePoint, isSpacedWordChar, JOINER } from '../text';

/** The code point folds to exactly one BMP code unit (not a surrogate) that is not the joiner. */
export const KIND_UNIT = 0;
/** The code point folds to nothing (soft hyphen, zero-width characters). */
export const KIND_EMPTY = 1;
/** The code point folds to the joiner (spaces, line breaks, hyphens). */
export const KIND_JOINER = 2;
/** Anything else: surrogates (astral code points) and folds longer than one unit; take the slow path. */
export const KIND_OTHER = 3;

export const SPACED_BIT = 1 << 18;

let table: Uint32Array | undefined;

function lineBreakWeight(cp: number): number {
  if (cp === 10 || cp === 13 || cp === 0x0b || cp === 0x0c || cp === 0x2028) return 1;
  return cp === 0x2029 ? 2 : 0;
}

/** The flattened table for all BMP code units (built once per process). */
export function foldTable(): Uint32Array {
  if (table !== undefined) return table;
  const t = new Uint32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      t[c] = KIND_OTHER << 16;
      continue;
    }
    const f = foldCodePoint(c);
    if (f === '') t[c] = KIND_EMPTY << 16;
    else if (f === JOINER) t[c] = (KIND_JOINER << 16) | (lineBreakWeight(c) << 19);
    else if (f.length === 1 && (f.charCodeAt(0) & 0xf800) !== 0xd800) {
      const u = f.charCodeAt(0);
      t[c] = u | (KIND_UNIT << 16) | (isSpacedWordChar(u) ? SPACED_BIT : 0);
    } else t[c] = KIND_OTHER << 16;
  }
  table = t;
  return t;
}

/**
 * Takes the table another thread built (core/codebookLoad sends it), so that this thread does not spend the
 * 25 ms of building it; a thread that has its own keeps it. The same function built both.
 */
export function adoptFoldTable(t: Uint32Array): void {
  if (t.length !== 0x10000) throw new RangeError('not a fold table');
  table ??= t;
}

/** Line-break weight of a joiner entry; \r counts 0 when a \n follows (so \r\n is one break). */
export function entryBreaks(entry: number, text: string, i: number): number {
  const w = (entry >>> 19) & 3;
  if (w === 1 && text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) return 0;
  return w;
}
