/**
 * Folding of text for matching. Both codebook terms and documents pass through the same per-code-point fold,
 * so that a match in folded text maps back to exact offsets in the original text.
 *
 * - Case: full Unicode case folding approximated as upper-then-lower per code point (ß→ss, ς→σ, ﬁ→fi), not
 *   ASCII lowercasing.
 * - Spaces of every kind, line breaks and hyphens fold to the *joiner* ' ': "techno-nationalism" and
 *   "techno nationalism" are one term. The matcher collapses runs of joiners into one.
 * - Curly quotes and apostrophes fold to straight ones; full-width ASCII folds to ASCII; ё folds to е (Russian
 *   texts write either).
 * - Soft hyphens, zero-width characters and stress marks (combining acute, as in суверените́т) fold to nothing.
 * - Traditional Chinese characters fold to Simplified, one character to one (hantToHans.ts, from OpenCC), so
 *   网络主权 finds 網絡主權 and offsets stay exact.
 */
import { HANT_TO_HANS_PAIRS } from './hantToHans';

export const JOINER = ' ';

/** Soft hyphen, zero-width characters and the combining acute that Russian dictionaries write as a stress mark. */
const IGNORED = new Set([0x00ad, 0x0301, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
const HYPHENS = new Set([0x002d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2212, 0xfe63, 0xff0d]);
const APOSTROPHES = new Set([0x2018, 0x2019, 0x201a, 0x201b, 0x02bc, 0x2032, 0xff07]);
const DOUBLE_QUOTES = new Set([0x201c, 0x201d, 0x201e, 0x201f, 0x00ab, 0x00bb, 0x2033, 0xff02]);
const SPACE = /^\s$/u;

let hantToHans: Map<number, string> | undefined;

/** The Simplified form of a Traditional character, or undefined (the table is unpacked on first use). */
function simplifiedOf(cp: number): string | undefined {
  if (hantToHans === undefined) {
    hantToHans = new Map<number, string>();
    for (let i = 0; i + 1 < HANT_TO_HANS_PAIRS.length; i += 2)
      hantToHans.set(HANT_TO_HANS_PAIRS.charCodeAt(i), HANT_TO_HANS_PAIRS.charAt(i + 1));
  }
  return hantToHans.get(cp);
}

function computeFold(cp: number): string {
  if (IGNORED.has(cp)) return '';
  if (HYPHENS.has(cp)) return JOINER;
  if (APOSTROPHES.has(cp)) return "'";
  if (DOUBLE_QUOTES.has(cp)) return '"';
  const ch = String.fromCodePoint(cp);
  if (SPACE.test(ch)) return JOINER;
  if (cp >= 0xff01 && cp <= 0xff5e) return computeFold(cp - 0xfee0);
  if (cp === 0x0451 || cp === 0x0401) return '\u0435';
  const simplified = simplifiedOf(cp);
  if (simplified !== undefined) return simplified;
  return ch.toUpperCase().toLowerCase();
}

/** BMP folds are tabulated on first use; astral code points are folded on demand (rare in our texts). */
let bmpTable: string[] | undefined;

/** The folded form of one code point: usually one UTF-16 unit, sometimes several (ß→ss) or none. */
export function foldCodePoint(cp: number): string {
  if (cp > 0xffff) return computeFold(cp);
  if (bmpTable === undefined) {
    bmpTable = new Array<string>(0x10000);
    for (let c = 0; c < 0x10000; c++)
      bmpTable[c] = c >= 0xd800 && c <= 0xdfff ? String.fromCharCode(c) : computeFold(c);
  }
  return bmpTable[cp];
}

/** Folds a whole string and collapses joiner runs, trimming them at both ends (used for terms, not documents). */
export function foldTerm(s: string): string {
  let out = '';
  for (const ch of s) {
    const f = foldCodePoint(ch.codePointAt(0) as number);
    if (f === JOINER && (out === '' || out.endsWith(JOINER))) continue;
    out += f;
  }
  return out.endsWith(JOINER) ? out.slice(0, -1) : out;
}

const WORD = /^[\p{L}\p{N}\p{M}]$/u;
const UNSPACED =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u3005\u30fc]$/u;
const CLASS_WORD = 1;
const CLASS_UNSPACED = 2;
let classTable: Uint8Array | undefined;

function computeClass(cp: number): number {
  const ch = String.fromCodePoint(cp);
  if (!WORD.test(ch)) return 0;
  return UNSPACED.test(ch) ? CLASS_WORD | CLASS_UNSPACED : CLASS_WORD;
}

function charClass(cp: number): number {
  if (cp > 0xffff) return computeClass(cp);
  if (classTable === undefined) {
    classTable = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) classTable[c] = c >= 0xd800 && c <= 0xdfff ? 0 : computeClass(c);
  }
  return classTable[cp];
}

/**
 * True for letters, digits and marks of scripts written with spaces between words (Latin, Cyrillic, Greek, …).
 * Only these take part in word boundaries: Chinese, Japanese and Thai have none, so 网络主权 is found inside a
 * longer run of characters, and "AI" right after 的 still starts a word.
 */
export function isSpacedWordChar(cp: number): boolean {
  return charClass(cp) === CLASS_WORD;
}

/** True for letters of scripts written without spaces (Han, Kana, Thai, Lao, Khmer, Myanmar). */
export function isUnspacedChar(cp: number): boolean {
  return (charClass(cp) & CLASS_UNSPACED) !== 0;
}

/**
 * The BMP tables above, built (if not yet) and handed out, and taken in: a worker thread that has built them
 * sends them to the extension host (core/codebookLoad), where building them cold would hold the event loop for
 * 40–70 ms the first time anything is folded. Taking them changes nothing but when the work was done: they
 * are the same tables, and a thread that already has its own keeps them.
 */
export interface FoldTables {
  bmp: string[];
  classes: Uint8Array;
}

export function foldTables(): FoldTables {
  foldCodePoint(0);
  charClass(0);
  return { bmp: bmpTable as string[], classes: classTable as Uint8Array };
}

export function adoptFoldTables(tables: FoldTables): void {
  if (tables.bmp.length !== 0x10000 || tables.classes.length !== 0x10000) throw new RangeError('not fold tables');
  bmpTable ??= tables.bmp;
  classTable ??= tables.classes;
}
