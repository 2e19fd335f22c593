/**
 * Finding a quote whose own text was edited (reliability case 2): a bounded-error search for the folded
 * quote in a window of the folded text around where it should be (candidates.ts), with Myers' bit-parallel algorithm
 * (`approx-string-match`, the library Hypothesis uses). The search only proposes places; whether one is taken
 * depends on the context beside it (decide.ts), and an edited quote is never placed without review.
 */
import approxSearch from 'approx-string-match';

/** Below this similarity (1 − errors / quote length) a text is not taken for the coded quote... */
export const MIN_QUOTE_SIMILARITY = 0.6;
/** ...unless the context agrees on both sides, down to this (Hypothesis's bound: half the quote in errors). */
export const MIN_BRACKETED_QUOTE_SIMILARITY = 0.5;
/** Quotes longer than this are not searched with errors (cost grows with length × errors); they stay orphaned. */
export const MAX_FUZZY_QUOTE = 4000;

export interface QuoteMatch {
  /** Folded offsets of the match. */
  start: number;
  end: number;
  /** 1 − errors / quote length. */
  similarity: number;
}

/**
 * Approximate matches of `quote` in `window` (folded text around the expected place). The library returns
 * only the best-scoring matches of a text, so an exact copy would hide the edited original beside it: after
 * each round the matches found are blanked out and the search runs again, up to ROUNDS times, giving the best
 * few distinct places in order.
 */
export function searchNear(folded: string, quote: string): QuoteMatch[] {
  if (quote.length === 0 || quote.length > MAX_FUZZY_QUOTE) return [];
  const maxErrors = Math.floor(quote.length * (1 - MIN_BRACKETED_QUOTE_SIMILARITY));
  let window = folded;
  const seen = new Set<number>();
  const found: QuoteMatch[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const matches = approxSearch(window, quote, maxErrors).filter((m) => m.end > m.start);
    if (matches.length === 0) break;
    for (const m of matches) {
      if (seen.has(m.start)) continue;
      seen.add(m.start);
      found.push({ start: m.start, end: m.end, similarity: 1 - m.errors / quote.length });
    }
    window = blankOut(window, matches);
  }
  return found;
}

/** How many rounds of search (see searchNear): the best few places are enough to decide among. */
const ROUNDS = 4;
/** A character no folded text contains next to a quote: blanked-out text matches nothing. */
const BLANK = '\uffff';

function blankOut(window: string, matches: readonly { start: number; end: number }[]): string {
  let out = '';
  let at = 0;
  for (const m of [...matches].sort((x, y) => x.start - y.start)) {
    if (m.start < at) {
      out += BLANK.repeat(Math.max(0, m.end - at));
    } else {
      out += window.slice(at, m.start) + BLANK.repeat(m.end - m.start);
    }
    at = Math.max(at, m.end);
  }
  return out + window.slice(at);
}
