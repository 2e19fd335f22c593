/**
 * Scoring re-anchoring results against the truth of a case (generator.ts), the same way for our re-anchoring
 * and for the Hypothesis baseline. A placement is right when it overlaps the true span by at least half of
 * their union. For a coded text that was deleted, the right answer is not to place it silently: ours may
 * flag or orphan it, the baseline (which has no flag) must return nothing.
 */
import { reanchor, type Anchored } from '../../src/core/anchoring';
import { foldedCore, sameUpToWhitespace } from '../../src/core/anchoring/whitespace';
import { similarity } from '../../src/core/anchoring/contextScore';
import type { AnchorCase, Span } from './generator';
import { matchQuote } from './hypothesisMatchQuote';

/** A true span whose text is at least this similar to the quote counts as "still there" (orphaning it is a loss). */
export const STILL_THERE = 0.75;

export interface Tally {
  n: number;
  oursRight: number;
  oursSilentlyWrong: number;
  oursOrphanedStillThere: number;
  oursFlagged: number;
  intactUnique: number;
  needlessReviews: number;
  baselineCorrect: number;
  baselineSilentlyWrong: number;
}

export function emptyTally(): Tally {
  return {
    n: 0,
    oursRight: 0,
    oursSilentlyWrong: 0,
    oursOrphanedStillThere: 0,
    oursFlagged: 0,
    intactUnique: 0,
    needlessReviews: 0,
    baselineCorrect: 0,
    baselineSilentlyWrong: 0,
  };
}

export function overlapsTruth(placed: Span, truth: Span): boolean {
  const inter = Math.min(placed.end, truth.end) - Math.max(placed.start, truth.start);
  const union = Math.max(placed.end, truth.end) - Math.min(placed.start, truth.start);
  return inter > 0 && inter / union >= 0.5;
}

function occursOnce(text: string, quote: string): boolean {
  const folded = foldedCore(text);
  const q = foldedCore(quote);
  const first = folded.indexOf(q);
  return first >= 0 && folded.indexOf(q, first + 1) < 0;
}

/** Adds one case's outcome for both tools to `t`; returns our result, for inspection. */
export function score(c: AnchorCase, t: Tally): Anchored {
  const a = c.annotation;
  const ours = reanchor(a, c.after);
  const flagged = ours.annotation.status === 'needs-review' && ours.outcome !== 'exact' && ours.outcome !== 'moved';
  const orphan = ours.outcome === 'orphaned';
  const rightPlace = c.truth !== null && !orphan && overlapsTruth(ours.annotation, c.truth);
  t.n++;
  if (flagged) t.oursFlagged++;
  if (c.truth === null ? flagged || orphan : rightPlace) t.oursRight++;
  if (!flagged && !orphan && !rightPlace) t.oursSilentlyWrong++;
  const stillThere =
    c.truth !== null &&
    similarity(foldedCore(c.after.slice(c.truth.start, c.truth.end)), foldedCore(a.quote)) >= STILL_THERE;
  if (orphan && stillThere) t.oursOrphanedStillThere++;
  if (
    c.truth !== null &&
    sameUpToWhitespace(c.after.slice(c.truth.start, c.truth.end), a.quote) &&
    occursOnce(c.after, a.quote)
  ) {
    t.intactUnique++;
    if (flagged) t.needlessReviews++;
  }
  const baseline = matchQuote(c.after, a.quote, { prefix: a.prefix, suffix: a.suffix, hint: a.start });
  const baselineRight = c.truth === null ? baseline === null : baseline !== null && overlapsTruth(baseline, c.truth);
  if (baselineRight) t.baselineCorrect++;
  else if (baseline !== null) t.baselineSilentlyWrong++;
  return ours;
}
