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

/** The words whose n-grams are the features: runs of letters, digits and combining marks (after NFKC, lower case). */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** FNV-1a over UTF-16 code units, reduced to the feature space: stable across runs and machines. */
export function featureHash(gram: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < gram.length; i++) {
    h ^= gram.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & (FEATURE_SPACE - 1);
}

const SPACE = 0x20;

/**
 * Marks of the features already taken for the text at hand: a fixed table (256 KB, reused and cleared after each
 * text) dedupes each n-gram as it is hashed, where a Set or a sort of every occurrence would be most of the cost.
 */
const seen = new Uint8Array(FEATURE_SPACE);

/**
 * Pushes the distinct hashed n-grams of one word, padded with a space at both ends, onto `out`. FNV-1a is
 * sequential, so each start's 2-, 3- and 4-grams are hashed in one pass without building a string: the same
 * hashes as featureHash(padded.slice(i, i + n)), at a fraction of the cost.
 */
function pushWordGrams(word: string, out: number[]): void {
  const len = word.length + 2;
  for (let i = 0; i < len; i++) {
    let h = 0x811c9dc5;
    for (let n = 1; n <= MAX_GRAM && i + n <= len; n++) {
      const k = i + n - 1;
      h ^= k === 0 || k === len - 1 ? SPACE : word.charCodeAt(k - 1);
      h = Math.imul(h, 0x01000193);
      if (n < MIN_GRAM) continue;
      const f = (h >>> 0) & (FEATURE_SPACE - 1);
      if (seen[f] === 0) {
        seen[f] = 1;
        out.push(f);
      }
    }
  }
}

/**
 * The features pushed since the last call, in the order first met (a model only sums over them, so no sort is
 * needed); the marks are cleared for the next text.
 */
function taken(out: readonly number[]): Uint32Array {
  const features = Uint32Array.from(out);
  for (let i = 0; i < features.length; i++) seen[features[i]] = 0;
  return features;
}

/** The hashed n-grams of one word (padded), without duplicates. */
export function wordFeatures(word: string): Uint32Array {
  const out: number[] = [];
  pushWordGrams(word, out);
  return taken(out);
}

/** The distinct hashed features of a text. */
export function textFeatures(text: string): Uint32Array {
  const out: number[] = [];
  for (const m of text.normalize('NFKC').toLowerCase().matchAll(WORD)) pushWordGrams(m[0], out);
  return taken(out);
}
