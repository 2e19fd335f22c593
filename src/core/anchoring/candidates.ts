/**
 * The places where an annotation might now be, each scored: every whitespace-blind exact occurrence of its
 * quote (the nearest to the expected place first, at most MAX_CANDIDATES), and, when none of those is a
 * confident choice near where it was, the best approximate matches of the quote in a window around that
 * place (fuzzyQuote.ts). Each candidate carries the similarity of its quote and of the text on each side to
 * the stored prefix and suffix (contextScore.ts), compared in folded form (whitespace.ts). Only the pieces of
 * text looked at are folded, never the whole text: a long document costs one RegExp scan per searched quote.
 */
import { CONTEXT_SLACK, prefixSimilarity, suffixSimilarity } from './contextScore';
import { searchNear } from './fuzzyQuote';
import type { StoredPieces } from './storedPieces';
import { corePattern, foldSlice, originalRange } from './whitespace';

/** How many exact occurrences of a quote are scored at most (a one-letter quote in a large text stops here). */
const MAX_CANDIDATES = 2000;
/** How many occurrences are collected before the nearest are chosen. */
const MAX_COLLECTED = 200_000;

export interface Candidate {
  /** Original (canonical) offsets. */
  start: number;
  end: number;
  /** 1 for the quote itself (up to whitespace), less for an edited one. */
  quote: number;
  prefix: number;
  suffix: number;
}

/** The last `n` folded characters of the text before `offset` (fewer at the start of the text). */
function foldedBefore(text: string, offset: number, n: number): string {
  for (let reach = 2 * n; ; reach *= 2) {
    const from = Math.max(0, offset - reach);
    const f = foldSlice(text, from, offset).text;
    if (f.length >= n || from === 0) return f.slice(Math.max(0, f.length - n));
  }
}

/** The first `n` folded characters of the text from `offset` on (fewer at its end). */
function foldedAfter(text: string, offset: number, n: number): string {
  for (let reach = 2 * n; ; reach *= 2) {
    const to = Math.min(text.length, offset + reach);
    const f = foldSlice(text, offset, to).text;
    if (f.length >= n || to === text.length) return f.slice(0, n);
  }
}

function scored(text: string, pieces: StoredPieces, start: number, end: number, quote: number): Candidate {
  const before = foldedBefore(text, start, pieces.prefix.length + CONTEXT_SLACK);
  const after = foldedAfter(text, end, pieces.suffix.length + CONTEXT_SLACK);
  return {
    start,
    end,
    quote,
    prefix: prefixSimilarity(pieces.prefix, before),
    suffix: suffixSimilarity(pieces.suffix, after),
  };
}

/** Scored exact occurrences (up to whitespace) of the quote; `hint` is the original offset where it is expected. */
export function exactCandidates(text: string, pieces: StoredPieces, hint: number): Candidate[] {
  const pattern = corePattern(pieces.quote);
  let found: { start: number; end: number }[] = [];
  for (let m = pattern.exec(text); m !== null && found.length < MAX_COLLECTED; m = pattern.exec(text)) {
    found.push({ start: m.index, end: m.index + m[0].length });
    pattern.lastIndex = m.index + 1;
  }
  if (found.length > MAX_CANDIDATES) {
    found.sort((x, y) => Math.abs(x.start - hint) - Math.abs(y.start - hint));
    found = found.slice(0, MAX_CANDIDATES);
  }
  return found.map((o) => scored(text, pieces, o.start, o.end, 1));
}

/** Scored approximate matches of the quote near `hint` (exact ones excluded: they are already candidates). */
export function fuzzyCandidates(text: string, pieces: StoredPieces, hint: number): Candidate[] {
  const { from, to } = searchWindow(text.length, hint, pieces.quote.length);
  const f = foldSlice(text, from, to);
  return searchNear(f.text, pieces.quote)
    .filter((m) => m.similarity < 1)
    .map((m) => {
      const range = originalRange(f, m.start, m.end);
      return scored(text, pieces, from + range.start, from + range.end, m.similarity);
    });
}

/** Characters searched on each side of the expected place, at least (more for long quotes). */
const WINDOW = 512;

function searchWindow(length: number, hint: number, quoteLength: number): { from: number; to: number } {
  const reach = Math.max(WINDOW, 2 * quoteLength);
  return { from: Math.max(0, hint - reach), to: Math.min(length, hint + quoteLength + reach) };
}
