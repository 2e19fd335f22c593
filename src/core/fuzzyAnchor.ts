/**
 * Finding an annotation whose quote was edited (reliability case 2: "a word changed inside a span"): the stored
 * prefix and suffix context locate where the span should be, and the text found there is compared with the
 * coded quote by edit distance. Only a clear, well-supported candidate is taken, and then always as
 * "needs review" with its score, never as a silent move; the coded quote is kept as the record of the decision.
 */

/** Below this similarity (1 − distance / length) the text is not taken for the coded quote. */
export const MIN_FUZZY_SCORE = 0.6;
/** Quotes longer than this are not compared (edit distance is quadratic); such an annotation stays orphaned. */
const MAX_FUZZY_QUOTE = 2000;
/** Characters of the stored context used to locate the span, and how many places each may match. */
const ANCHOR_LENGTH = 12;
const MAX_PLACES = 50;
/** A runner-up this close makes the choice ambiguous: better an orphan than a guess. */
const TIE = 0.05;

export interface FuzzyMatch {
  start: number;
  end: number;
  /** Similarity to the coded quote, 0..1, rounded to two decimals. */
  score: number;
}

/** Levenshtein distance (two rows). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}

function places(text: string, needle: string): number[] {
  const found: number[] = [];
  if (needle === '') return found;
  for (let i = text.indexOf(needle); i >= 0 && found.length < MAX_PLACES; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

/**
 * The span of `text` between the end of the stored prefix and the start of the stored suffix (both must be
 * found, the suffix within twice the quote's length), if it is similar enough to `quote` and clearly the best.
 */
export function findEditedQuote(text: string, quote: string, prefix: string, suffix: string): FuzzyMatch | undefined {
  if (quote.length === 0 || quote.length > MAX_FUZZY_QUOTE) return undefined;
  const before = prefix.slice(-ANCHOR_LENGTH);
  const after = suffix.slice(0, ANCHOR_LENGTH);
  if (before === '' || after === '') return undefined; // a span at either end of the text has no bracket to find
  const candidates: FuzzyMatch[] = [];
  for (const p of places(text, before)) {
    const start = p + before.length;
    const window = text.slice(start, start + 2 * quote.length + after.length + 8);
    const s = window.indexOf(after);
    if (s < 0) continue;
    const score = similarity(text.slice(start, start + s), quote);
    candidates.push({ start, end: start + s, score: Math.round(score * 100) / 100 });
  }
  candidates.sort((x, y) => y.score - x.score);
  const [best, next] = candidates;
  if (!best || best.score < MIN_FUZZY_SCORE || best.end <= best.start) return undefined;
  if (next && best.score - next.score < TIE) return undefined;
  return best;
}
