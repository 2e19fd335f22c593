/**
 * The codebook's term syntax: literal text, never a regular expression from a data file.
 *
 * - A term is one or more words. Spaces, line breaks and hyphens between words are all alike, so
 *   "techno-nationalism" also finds "techno nationalism" and "techno-\nnationalism".
 * - A word that ends in `*` takes any ending: `colonis*` finds colonisation, colonised; `цифров* суверенитет*`
 *   finds цифровой суверенитет, цифрового суверенитета, цифровым суверенитетом.
 * - Matching ignores case (Unicode case folding), curly vs straight quotes and ё/е; see fold.ts.
 * - Words of spaced scripts match whole words only; Chinese/Japanese/Thai text has no word boundaries.
 */
import { foldTerm, JOINER, isSpacedWordChar, isUnspacedChar } from '../text';

/** One word of a term, folded; `anyEnding` when written with a trailing `*`. */
export interface TermWord {
  readonly text: string;
  readonly anyEnding: boolean;
}

export interface TermPattern {
  /** The term as written in the codebook. */
  readonly raw: string;
  readonly words: readonly TermWord[];
  /** Folded canonical form (`цифров* суверенитет*`): two terms with one key find the same text. */
  readonly key: string;
}

export type TermParse =
  | { ok: true; pattern: TermPattern }
  | { ok: false; message: string; /** 0-based offset in the raw term */ offset: number };

/** Characters that would make a term look like a pattern; we refuse them rather than guess. */
const FORBIDDEN = /[\\[\](){}|^$+?]/u;
const MIN_STEM = 2;

export function parseTerm(raw: string): TermParse {
  if (raw.trim() === '') return { ok: false, message: 'empty term', offset: 0 };
  const bad = FORBIDDEN.exec(raw);
  if (bad) {
    return {
      ok: false,
      offset: bad.index,
      message: `'${bad[0]}' is not allowed in a term: terms are literal text, with '*' at the end of a word for any ending`,
    };
  }
  const folded = foldTerm(raw);
  if (folded === '') return { ok: false, message: 'term has no letters', offset: 0 };
  const words: TermWord[] = [];
  for (const part of folded.split(JOINER)) {
    const star = part.indexOf('*');
    if (star === -1) {
      words.push({ text: part, anyEnding: false });
      continue;
    }
    const offset = Math.max(0, raw.indexOf('*'));
    if (star !== part.length - 1) return { ok: false, offset, message: "'*' may only end a word (as in 'colonis*')" };
    const stem = part.slice(0, -1);
    const stemChars = [...stem];
    if (stemChars.length < MIN_STEM) return { ok: false, offset, message: `'*' needs at least ${MIN_STEM} letters before it` };
    const last = (stemChars[stemChars.length - 1]).codePointAt(0) as number;
    if (isUnspacedChar(last)) {
      return { ok: false, offset, message: "'*' means 'any word ending', which Chinese, Japanese and Thai words do not have" };
    }
    if (!isSpacedWordChar(last)) return { ok: false, offset, message: "'*' must follow a letter or digit" };
    words.push({ text: stem, anyEnding: true });
  }
  const key = words.map((w) => (w.anyEnding ? `${w.text}*` : w.text)).join(JOINER);
  return { ok: true, pattern: { raw, words, key } };
}
