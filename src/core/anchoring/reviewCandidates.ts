/**
 * The places a flagged annotation could be, in a form a person can choose from: when re-anchoring placed an
 * annotation for review (`needs-review`) or orphaned it beside look-alikes, the coder (in the hover) and the CLI
 * (`validate`) are shown every candidate with its line, an excerpt of its text and its score, and the coder can
 * move the annotation to one of them. The candidates come from re-anchoring itself when it has just run over
 * this text (kept in memory with the annotation); otherwise — the text was edited since, or the file was
 * reopened and the flagged annotation now holds where it was placed — they are found again here by the same
 * search and the same plausibility rule (candidates.ts, decide.ts), so the two never disagree about what counts.
 */
import type { Annotation, Edit } from '../annotations';
import { reattachAnnotation } from '../coding/reattach';
import { excerpt } from '../input';
import { LineIndex } from '../text';
import { exactCandidates, fuzzyCandidates, type Candidate } from './candidates';
import { combined, isPlausible } from './decide';
import { storedPieces } from './storedPieces';

/** A place an annotation could be moved to: original (canonical) offsets and its combined score (0..1). */
export interface Alternative {
  start: number;
  end: number;
  /** Quote similarity weighs half, each side of context a quarter (decide.ts `combined`), two decimals. */
  score: number;
}

/** An alternative as shown to a person. */
export interface ReviewCandidate extends Alternative {
  /** 1-based line and column of its start in the text. */
  line: number;
  column: number;
  /** Its text, cut and with hidden characters made visible (core/input/excerpt.ts). */
  excerpt: string;
}

/** How many candidates are offered at most (the same bound as the alternatives re-anchoring records). */
const MAX_OFFERED = 3;

export function alternativeOf(c: Candidate): Alternative {
  return { start: c.start, end: c.end, score: Math.round(combined(c) * 100) / 100 };
}

/** Every scored candidate of `a` in `text`: the quote's occurrences (up to whitespace) and approximate ones near it. */
function scoredCandidates(a: Annotation, text: string): Candidate[] {
  const pieces = storedPieces(a);
  if (pieces.quote === '') return [];
  const exact = exactCandidates(text, pieces, a.start);
  const fuzzy = fuzzyCandidates(text, pieces, a.start).filter((f) => !exact.some((e) => e.start === f.start));
  return [...exact, ...fuzzy];
}

/**
 * The plausible places for `a` in `text` other than where it now is, best first: what a reviewer chooses from
 * when re-anchoring's own list is not at hand.
 */
export function findAlternatives(a: Annotation, text: string): Alternative[] {
  return scoredCandidates(a, text)
    .filter((c) => isPlausible(c) && !(c.start === a.start && c.end === a.end))
    .sort((x, y) => combined(y) - combined(x))
    .slice(0, MAX_OFFERED)
    .map(alternativeOf);
}

/** The score of the place `a` now holds (for a placed needs-review annotation), or undefined when none fits. */
export function scoreHere(a: Annotation, text: string): number | undefined {
  const here = scoredCandidates(a, text).find((c) => c.start === a.start && c.end === a.end);
  return here && alternativeOf(here).score;
}

/** Alternatives with line, column and an excerpt of the text, for a hover or a CLI message. */
export function describeCandidates(
  text: string,
  alternatives: readonly Alternative[],
  lines = new LineIndex(text),
): ReviewCandidate[] {
  return alternatives.map((alt) => {
    const at = lines.positionAt(alt.start);
    return { ...alt, line: at.line + 1, column: at.character + 1, excerpt: excerpt(text.slice(alt.start, alt.end)) };
  });
}

/**
 * The list with `a` moved by a person's choice to [start, end) of `text` (core/coding/reattach.ts: anchored, the
 * text there as its quote, fresh context: the coder has decided that this text carries the code; re-anchoring
 * itself never rewrites a quote). Refused (undefined) unless [start, end) is still one of its plausible places,
 * so a stale choice (an old hover, a changed text) never moves it onto text that no longer fits.
 */
export function moveToCandidate(
  list: readonly Annotation[],
  a: Annotation,
  text: string,
  start: number,
  end: number,
  edit: Edit,
): Annotation[] | undefined {
  return candidateFits(a, text, start, end) ? reattachAnnotation(list, a.id, text, start, end, edit) : undefined;
}

/** True when [start, end) is still one of the annotation's plausible places in the text. */
export function candidateFits(a: Annotation, text: string, start: number, end: number): boolean {
  return scoredCandidates(a, text).some((c) => c.start === start && c.end === end && isPlausible(c));
}
