/**
 * The decision rules of re-anchoring: which candidate (candidates.ts) an annotation goes to, and whether it
 * goes there silently, flagged for review, or not at all. The rules exist to rule out the silent jump onto a
 * look-alike (Hypothesis h#2798, client#7571), which happens when a tool takes the best-scoring occurrence
 * however weak or contested its support:
 *
 * 1. Placed (anchored or `moved`, no review) only on the quote itself (up to whitespace) whose context agrees
 *    on BOTH sides, one at least CONTEXT_SUPPORT and the other at least WEAKER_SIDE_SUPPORT, and which is clear of the runner-up: ahead by MARGIN in
 *    combined score, or, when their contexts are as good, nearer the expected place by more than
 *    NEAR_DISTANCE (the same occurrence, shifted, beats a copy elsewhere; a near tie is not decided silently).
 * 2. A copy elsewhere never takes the annotation away from the candidate nearest the expected place while
 *    that one is still plausible (rule 3): that is `needs-review` at the nearest one, with the copy recorded as
 *    the alternative.
 * 3. Otherwise a plausible candidate is placed as `needs-review` — the nearest to the expected place when it
 *    is within NEAR_DISTANCE, else the best anywhere — with the others recorded. Plausible: the quote at least
 *    MIN_QUOTE_SIMILARITY similar with context agreeing on ONE side (CONTEXT_SUPPORT) or on average
 *    (STAY_SUPPORT); or, with context agreeing on both sides, the quote at least
 *    MIN_BRACKETED_QUOTE_SIMILARITY similar (the coded text heavily edited between intact context).
 *    A quote repeated right beside itself ("data, data") is placed silently only with its context intact on
 *    both sides: when one of the two is deleted, the text cannot tell which.
 * 4. Otherwise the annotation is orphaned where it was: an occurrence with no agreeing context is unrelated
 *    text, not the coded passage.
 */
import type { Candidate } from './candidates';
import { MIN_BRACKETED_QUOTE_SIMILARITY, MIN_QUOTE_SIMILARITY } from './fuzzyQuote';

/**
 * Least similarity (contextScore.ts) of a side of context for it to count as agreeing. Unrelated text scores
 * far below: over 2,000 pairs of windows from different sentences of the benchmark's texts, at most 0.53 in
 * English and Russian (99 % below 0.41) and 0.23 in Chinese.
 */
export const CONTEXT_SUPPORT = 0.7;
/** For a silent move, the other side must agree at least this much: touched, but still above chance (0.53). */
export const WEAKER_SIDE_SUPPORT = 0.6;
/** Least average similarity of the two sides for a candidate to be plausible without one strong side (rule 3). */
export const STAY_SUPPORT = 0.5;
/** Lead in combined score (quote weighs half, each side a quarter) needed over the runner-up (rule 1). */
export const MARGIN = 0.05;
/** Within this many characters (or the quote's length, if longer) of the expected place, a candidate is "there";
 * a copy must be this much farther away than another candidate for position alone to decide between them. */
export const NEAR_DISTANCE = 256;
/** How many alternatives are recorded with a flagged annotation. */
const MAX_ALTERNATIVES = 3;

export type Decision =
  { kind: 'placed'; at: Candidate } | { kind: 'review'; at: Candidate; others: Candidate[] } | { kind: 'orphan' };

/** True when `c` is at the expected place (original offset `hint`), within NEAR_DISTANCE or the quote's length. */
export function nearExpected(c: Candidate, hint: number, quoteLength: number): boolean {
  return Math.abs(c.start - hint) <= Math.max(NEAR_DISTANCE, quoteLength);
}

export function combined(c: Candidate): number {
  return (2 * c.quote + c.prefix + c.suffix) / 4;
}

function supportedBothSides(c: Candidate): boolean {
  return (
    c.quote === 1 &&
    Math.max(c.prefix, c.suffix) >= CONTEXT_SUPPORT &&
    Math.min(c.prefix, c.suffix) >= WEAKER_SIDE_SUPPORT
  );
}

/** Worth placing for review: the quote similar enough and some agreeing context (rule 3). */
export function isPlausible(c: Candidate): boolean {
  if (Math.max(c.prefix, c.suffix) >= CONTEXT_SUPPORT && Math.min(c.prefix, c.suffix) >= WEAKER_SIDE_SUPPORT)
    return c.quote >= MIN_BRACKETED_QUOTE_SIMILARITY;
  return (
    c.quote >= MIN_QUOTE_SIMILARITY &&
    (Math.max(c.prefix, c.suffix) >= CONTEXT_SUPPORT || (c.prefix + c.suffix) / 2 >= STAY_SUPPORT)
  );
}

/**
 * Decides among `candidates` for an annotation expected at original offset `hint`. With `intactOnly` (the
 * quote repeats beside itself, storedPieces.ts) only a candidate whose context agrees exactly on both sides
 * is placed silently.
 */
export function decide(
  candidates: readonly Candidate[],
  hint: number,
  quoteLength: number,
  intactOnly = false,
): Decision {
  const distance = (c: Candidate): number => Math.abs(c.start - hint);
  const byDistance = (x: Candidate, y: Candidate): number => distance(x) - distance(y);
  const ranked = [...candidates].sort((x, y) => combined(y) - combined(x) || byDistance(x, y));
  const [best, runnerUp] = ranked;
  if (best === undefined) return { kind: 'orphan' };
  const home = [...ranked].sort(byDistance).find(isPlausible);
  const clear =
    runnerUp === undefined ||
    combined(best) - combined(runnerUp) >= MARGIN ||
    distance(runnerUp) - distance(best) > NEAR_DISTANCE;
  if (supportedBothSides(best) && clear && (!intactOnly || (best.prefix === 1 && best.suffix === 1))) {
    if (home === undefined || home === best || distance(home) >= distance(best)) return { kind: 'placed', at: best };
    return { kind: 'review', at: home, others: [best] };
  }
  const toReview = ranked.filter(isPlausible);
  const nearest = [...toReview].sort(byDistance)[0];
  const at = nearest !== undefined && nearExpected(nearest, hint, quoteLength) ? nearest : toReview[0];
  if (at === undefined) return { kind: 'orphan' };
  return { kind: 'review', at, others: toReview.filter((c) => c !== at).slice(0, MAX_ALTERNATIVES) };
}
