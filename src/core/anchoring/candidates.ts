/**
 * The places where an annotation might now be, each scored: every whitespace-blind exact occurrence of its
 * quote (the nearest to the expected place first, at most MAX_CANDIDATES), and, when none of those is a
 * confident choice near where it was, the best approximate matches of the quote in a window around that
 * place (fuzzyQuote.ts). Each candidate carries the similarity of its quote and of the text on each side to
 * the stored prefix and suffix (contextScore.ts), all compared in folded form (whitespace.ts).
 */
import { CONTEXT_SLACK, prefixSimilarity, suffixSimilarity } from './contextScore';
import { searchNear } from './fuzzyQuote';
import type { StoredPieces } from './storedPieces';
import { fold, foldedIndexAt, originalRange, type Folded } from './whitespace';

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

/** The text being anchored against, folded once on first need and shared by all its annotations. */
export class AnchorText {
  private foldedText: Folded | undefined;
  constructor(readonly text: string) {}

  get folded(): Folded {
    this.foldedText ??= fold(this.text);
    return this.foldedText;
  }
}

function score(f: Folded, pieces: StoredPieces, start: number, end: number, quote: number): Candidate {
  const before = f.text.slice(Math.max(0, start - pieces.prefix.length - CONTEXT_SLACK), start);
  const after = f.text.slice(end, end + pieces.suffix.length + CONTEXT_SLACK);
  const range = originalRange(f, start, end);
  return { ...range, quote, prefix: prefixSimilarity(pieces.prefix, before), suffix: suffixSimilarity(pieces.suffix, after) };
}

/** Folded offsets of the exact occurrences of the folded quote, nearest to `around` first. */
function occurrences(folded: string, quote: string, around: number): number[] {
  const found: number[] = [];
  for (let i = folded.indexOf(quote); i >= 0 && found.length < MAX_COLLECTED; i = folded.indexOf(quote, i + 1)) found.push(i);
  if (found.length > MAX_CANDIDATES) found.sort((x, y) => Math.abs(x - around) - Math.abs(y - around));
  return found.slice(0, MAX_CANDIDATES);
}

/** Scored exact occurrences of the quote; `hint` is the original offset where it is expected. */
export function exactCandidates(t: AnchorText, pieces: StoredPieces, hint: number): Candidate[] {
  const f = t.folded;
  const around = foldedIndexAt(f, hint);
  return occurrences(f.text, pieces.quote, around).map((at) => score(f, pieces, at, at + pieces.quote.length, 1));
}

/** Scored approximate matches of the quote near `hint` (exact ones excluded: they are already candidates). */
export function fuzzyCandidates(t: AnchorText, pieces: StoredPieces, hint: number): Candidate[] {
  const f = t.folded;
  return searchNear(f.text, pieces.quote, foldedIndexAt(f, hint))
    .filter((m) => m.similarity < 1)
    .map((m) => score(f, pieces, m.start, m.end, m.similarity));
}
