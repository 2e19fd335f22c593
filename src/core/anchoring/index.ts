/**
 * Re-anchoring: a sidecar's offsets are checked against the text they are meant for, and an annotation whose
 * text moved or changed is found again — never moved silently onto look-alike text. Following the W3C
 * TextQuoteSelector and Hypothesis's match-quote (position, then quote, then fuzzy quote, scored by context),
 * with both sides of context required for a silent move and an explicit "needs review" state:
 *
 * - the piece (prefix, quote, suffix) is still at its offsets → `exact`; at its offsets shifted by the delta
 *   of the annotations before it (textShift.ts), or intact within a few dozen characters of there, the
 *   nearest clearly (position.ts) → `moved`;
 * - when its prefix and suffix now meet near where it was, the coded text was deleted there → `orphaned`, or
 *   `needs-review` on a copy elsewhere that has the whole piece (identical boilerplate), never `moved`
 *   (deletion.ts);
 * - otherwise its candidates (candidates.ts: exact occurrences of the quote, up to whitespace; approximate
 *   ones near the expected place) are scored by fuzzy context and decided on by the rules in decide.ts:
 *   `moved` (the new offsets show in the next diff), `ambiguous` or `fuzzy` (placed, status `needs-review`,
 *   alternatives recorded), or `orphaned` (kept where it was, listed, exported with its status; never dropped).
 *
 * The quote is never rewritten here: it is the record of the decision. The places of a flagged annotation are
 * offered to the coder (reviewCandidates.ts), whose choice is a new decision.
 */
import { contextAround, type Annotation } from '../annotations';
import { exactCandidates, fuzzyCandidates, type Candidate } from './candidates';
import { decide, isPlausible, nearExpected, type Decision } from './decide';
import { contextClosedOver } from './deletion';
import { nearestIntactPiece, pieceHolds } from './position';
import { repeatsBesideItself, storedPieces } from './storedPieces';
import { walkInOffsetOrder } from './textShift';
import { alternativeOf, type Alternative } from './reviewCandidates';

export type AnchorOutcome = 'exact' | 'moved' | 'ambiguous' | 'fuzzy' | 'orphaned';

export interface Anchored {
  annotation: Annotation;
  outcome: AnchorOutcome;
  /** For 'fuzzy': the similarity (0..1, two decimals) of the text found to the coded quote. */
  score?: number;
  /**
   * For 'ambiguous' and 'fuzzy': the other places the annotation could be (original offsets), best first; for
   * 'orphaned' (coded text deleted): look-alikes elsewhere that it was not moved to.
   */
  alternatives?: Alternative[];
}

export { CONTEXT_SUPPORT, MARGIN, NEAR_DISTANCE, STAY_SUPPORT, WEAKER_SIDE_SUPPORT } from './decide';
export { MIN_BRACKETED_QUOTE_SIMILARITY, MIN_QUOTE_SIMILARITY } from './fuzzyQuote';
export {
  describeCandidates,
  findAlternatives,
  moveToCandidate,
  candidateFits,
  scoreHere,
  type Alternative,
  type ReviewCandidate,
} from './reviewCandidates';

function orphaned(a: Annotation): Anchored {
  return { annotation: { ...a, status: 'orphaned' }, outcome: 'orphaned' };
}

/** The annotation at new offsets with fresh context; an orphan found again with full support still wants a look. */
function movedTo(a: Annotation, text: string, start: number, end: number): Anchored {
  const next: Annotation = { ...a, start, end, ...contextAround(text, start, end) };
  if (a.status === 'orphaned') next.status = 'needs-review';
  return { annotation: next, outcome: 'moved' };
}

function flagged(a: Annotation, at: Candidate, others: readonly Candidate[]): Anchored {
  const fuzzy = at.quote < 1;
  return {
    annotation: { ...a, start: at.start, end: at.end, status: 'needs-review' },
    outcome: fuzzy ? 'fuzzy' : 'ambiguous',
    ...(fuzzy ? { score: Math.round(at.quote * 100) / 100 } : {}),
    alternatives: others.map(alternativeOf),
  };
}

function fromDecision(a: Annotation, text: string, d: Decision): Anchored {
  if (d.kind === 'orphan') return orphaned(a);
  if (d.kind === 'review') return flagged(a, d.at, d.others);
  if (d.at.start === a.start && d.at.end === a.end && a.status !== 'orphaned')
    return { annotation: a, outcome: 'exact' };
  return movedTo(a, text, d.at.start, d.at.end);
}

/** Searches for one annotation expected near original offset `hint`, and decides. */
function search(text: string, a: Annotation, hint: number): Anchored {
  const pieces = storedPieces(a);
  if (pieces.quote === '') return orphaned(a);
  const exact = exactCandidates(text, pieces, hint);
  const repeated = repeatsBesideItself(pieces);
  const intact = exact.filter((c) => c.prefix === 1 && c.suffix === 1);
  if (
    !repeated &&
    contextClosedOver(
      text,
      pieces,
      hint,
      intact.map((c) => c.start),
    )
  ) {
    // Deleted where it was: a copy with the whole piece elsewhere is flagged, never moved to; else orphaned.
    const nearestIntact = [...intact].sort((x, y) => Math.abs(x.start - hint) - Math.abs(y.start - hint))[0];
    if (nearestIntact !== undefined)
      return flagged(a, nearestIntact, intact.filter((c) => c !== nearestIntact).slice(0, 3));
    const lookAlikes = exact.filter(isPlausible).slice(0, 3).map(alternativeOf);
    return { ...orphaned(a), ...(lookAlikes.length > 0 ? { alternatives: lookAlikes } : {}) };
  }
  const first = decide(exact, hint, pieces.quote.length, repeated);
  // An approximate search is needed only when the quote is not confidently at the expected place.
  if (first.kind === 'placed' && nearExpected(first.at, hint, pieces.quote.length)) return fromDecision(a, text, first);
  const all = [...exact, ...fuzzyCandidates(text, pieces, hint)];
  return fromDecision(a, text, decide(all, hint, pieces.quote.length, repeated));
}

function anchorOne(text: string, a: Annotation, delta: number, holdsAtDelta: boolean): Anchored {
  if (a.quote === '') return orphaned(a);
  if (holdsAtDelta) return movedTo(a, text, a.start + delta, a.end + delta);
  if (pieceHolds(text, a, 0)) return { annotation: a, outcome: 'exact' };
  const shifted = nearestIntactPiece(text, a, a.start + delta);
  if (shifted !== undefined) return movedTo(a, text, shifted, shifted + a.quote.length);
  return search(text, a, a.start + delta);
}

/** Checks one annotation against `text` (canonical) and re-anchors it by the rules above. */
export function reanchor(a: Annotation, text: string): Anchored {
  return anchorOne(text, a, 0, false);
}

/** Re-anchors each annotation of one text (in the order given), following text-wide shifts (textShift.ts). */
export function reanchorEach(list: readonly Annotation[], text: string): Anchored[] {
  return walkInOffsetOrder(list, text, (a, step) => {
    const result = anchorOne(text, a, step.delta, step.holds);
    const confident = result.outcome === 'exact' || result.outcome === 'moved';
    return { result, confidentStart: confident ? result.annotation.start : undefined };
  });
}

/** Re-anchors every annotation; the counts say what happened, for a message to the coder. */
export function reanchorAll(
  list: readonly Annotation[],
  text: string,
): { annotations: Annotation[]; counts: Record<AnchorOutcome, number>; results: Anchored[] } {
  const counts: Record<AnchorOutcome, number> = { exact: 0, moved: 0, ambiguous: 0, fuzzy: 0, orphaned: 0 };
  const results = reanchorEach(list, text);
  const annotations = results.map((r) => {
    counts[r.outcome]++;
    return r.annotation;
  });
  return { annotations, counts, results };
}
