/**
 * The decision rules of re-anchoring: which candidate (candidates.ts) an annotation goes to, and whether it
 * goes there silently, flagged for review, or not at all. The rules exist to rule out the silent jump onto a
 * look-alike (Hypothesis h#2798, client#7571), which happens when a tool takes the best-scoring occurrence
 * however weak or contested its support:
 *
 * 1. Placed (anchored or `moved`, no review) only on the quote itself (up to whitespace) whose context agrees
 *    on BOTH sides, each at least CONTEXT_SUPPORT, and which is clear of the runner-up: ahead by MARGIN in
 *    combined score, or — for a candidate at the expected place — with the runner-up away from it (the same
 *    occurrence, shifted, beats a copy elsewhere whose context is as good).
 * 2. A copy elsewhere never takes the annotation away from the expected place while that place still holds
 *    the quote with some support (STAY_SUPPORT on average): that is `needs-review` at the expected place,
 *    with the copy recorded as the alternative.
 * 3. Otherwise, a candidate whose quote is at least MIN_QUOTE_SIMILARITY similar and whose context agrees on
 *    at least ONE side (CONTEXT_SUPPORT) is placed as `needs-review` — the best such at the expected place,
 *    else the best anywhere — with the others recorded.
 * 4. Otherwise the annotation is orphaned where it was: an occurrence with no agreeing context is unrelated
 *    text, not the coded passage.
 */
import type { Candidate } from './candidates';
import { MIN_QUOTE_SIMILARITY } from './fuzzyQuote';

/** Least similarity (contextScore.ts) of a side of context for it to count as agreeing. */
export const CONTEXT_SUPPORT = 0.7;
/** Least average similarity of both sides for the quote at the expected place to hold its ground (rule 2). */
export const STAY_SUPPORT = 0.5;
/** Lead in combined score (quote weighs half, each side a quarter) needed over the runner-up (rule 1). */
export const MARGIN = 0.05;
/** Within this many characters (or the quote's length, if longer) of the expected place, a candidate is "there". */
export const NEAR_DISTANCE = 256;
/** How many alternatives are recorded with a flagged annotation. */
const MAX_ALTERNATIVES = 3;

export type Decision =
  | { kind: 'placed'; at: Candidate }
  | { kind: 'review'; at: Candidate; others: Candidate[] }
  | { kind: 'orphan' };

/** True when `c` is at the expected place (original offset `hint`), within NEAR_DISTANCE or the quote's length. */
export function nearExpected(c: Candidate, hint: number, quoteLength: number): boolean {
  return Math.abs(c.start - hint) <= Math.max(NEAR_DISTANCE, quoteLength);
}

export function combined(c: Candidate): number {
  return (2 * c.quote + c.prefix + c.suffix) / 4;
}

function supportedBothSides(c: Candidate): boolean {
  return c.quote === 1 && Math.min(c.prefix, c.suffix) >= CONTEXT_SUPPORT;
}

function plausible(c: Candidate): boolean {
  return c.quote >= MIN_QUOTE_SIMILARITY && Math.max(c.prefix, c.suffix) >= CONTEXT_SUPPORT;
}

/** Decides among `candidates` for an annotation expected at original offset `hint`. */
export function decide(candidates: readonly Candidate[], hint: number, quoteLength: number): Decision {
  const near = (c: Candidate): boolean => nearExpected(c, hint, quoteLength);
  const ranked = [...candidates].sort((x, y) => combined(y) - combined(x) || Math.abs(x.start - hint) - Math.abs(y.start - hint));
  const [best, runnerUp] = ranked;
  if (best === undefined) return { kind: 'orphan' };
  const clear = runnerUp === undefined || combined(best) - combined(runnerUp) >= MARGIN || (near(best) && !near(runnerUp));
  if (supportedBothSides(best) && clear) {
    if (near(best)) return { kind: 'placed', at: best };
    const stay = ranked.find((c) => c !== best && near(c) && c.quote === 1 && (c.prefix + c.suffix) / 2 >= STAY_SUPPORT)
      ?? ranked.find((c) => c !== best && near(c) && plausible(c));
    if (stay === undefined) return { kind: 'placed', at: best };
    return { kind: 'review', at: stay, others: [best] };
  }
  const candidatesToReview = ranked.filter(plausible);
  const at = candidatesToReview.find(near) ?? candidatesToReview[0];
  if (at === undefined) return { kind: 'orphan' };
  return { kind: 'review', at, others: candidatesToReview.filter((c) => c !== at).slice(0, MAX_ALTERNATIVES) };
}
