/**
 * Features of a sentence for the frame suggester: hashed character n-grams (2 to 4 characters) of each word,
 * padded with a space at both ends. Character n-grams need no tokeniser or stemmer, so they serve unspaced
 * Chinese (a run of Han characters is one "word", and its bigrams are the usual Chinese text-classification
 * features), inflected Russian (суверенитет, суверенитета and суверенитетом share most n-grams) and English
 * alike. Presence, not counts, is recorded (binary features: a long sentence does not outvote a short one).
 * Hashing into a fixed table keeps the model small and training fast; a collision only merges two rare
 * n-grams' weights.
 */

/** Size of the hashed feature space (2^18): collisions are rare at the vocabulary of a coded corpus. */
export const FEATURE_SPACE = 1 << 18;

const MIN_GRAM = 2;
const MAX_GRAM = 4;

/** Words for features and explanations: runs of letters, digits and combining marks (NFKC, lower case). */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** A word of a sentence with its position in the sentence (UTF-16 offsets of the original text). */
export interface Word {
  text: string;
  start: number;
  end: number;
}

/** The words of a text, lower-cased and NFKC-normalised for matching, with offsets of the original. */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    words.push({ text: m[0].normalize('NFKC').toLowerCase(), start: m.index, end: m.index + m[0].length });
  }
  return words;
}

/** FNV-1a over UTF-16 code units, reduced to the feature space: stable across runs and machines. */
export function featureHash(gram: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < gram.length; i++) {
    h ^= gram.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & (FEATURE_SPACE - 1);
}

/** The hashed n-grams of one word (padded), without duplicates. */
export function wordFeatures(word: string): number[] {
  const padded = ` ${word} `;
  const out = new Set<number>();
  for (let n = MIN_GRAM; n <= MAX_GRAM; n++) {
    for (let i = 0; i + n <= padded.length; i++) out.add(featureHash(padded.slice(i, i + n)));
  }
  return [...out];
}

/** The sorted, distinct hashed features of a text. */
export function textFeatures(text: string): Uint32Array {
  const all = new Set<number>();
  for (const w of wordsOf(text)) for (const f of wordFeatures(w.text)) all.add(f);
  return Uint32Array.from(all).sort();
}
