/**
 * Re-anchoring on load: a sidecar's offsets are checked against the text they are meant for, and an
 * annotation whose quote is no longer there is searched for — never moved silently onto look-alike text.
 * Following the W3C TextQuoteSelector and Hypothesis's match-quote, but with a minimum context score and an
 * explicit "needs review" state (Hypothesis h#2798, client#7571 jump to look-alikes for want of both):
 *
 * - the quote is still at its offsets → unchanged;
 * - the quote occurs elsewhere, and the best occurrence's prefix/suffix context clearly beats the others and
 *   agrees with the stored context → moved there, unchanged otherwise (the move shows in the next diff);
 * - several occurrences score alike, or the only one has no supporting context → moved to the best and marked
 *   'needs-review' when there is some support, else left where it was and marked 'orphaned';
 * - the quote is not found as it was, but the stored context still brackets a similar text (a word changed
 *   inside the span, case 2) → placed there as 'needs-review' with the similarity score; the coded quote is
 *   kept (fuzzyAnchor.ts);
 * - otherwise → 'orphaned' (kept, listed, exported with its status; never dropped).
 */
import type { Annotation } from './annotations';
import { contextAround } from './annotations';
import { findEditedQuote } from './fuzzyAnchor';

export type AnchorOutcome = 'exact' | 'moved' | 'ambiguous' | 'fuzzy' | 'orphaned';

export interface Anchored {
  annotation: Annotation;
  outcome: AnchorOutcome;
  /** For 'fuzzy': the similarity (0..1) of the text found to the coded quote. */
  score?: number;
}

/** The edited quote near its old context as needs-review, or the annotation as an orphan. */
function fuzzyOrOrphan(a: Annotation, text: string): Anchored {
  const found = findEditedQuote(text, a.quote, a.prefix, a.suffix);
  if (!found) return { annotation: { ...a, status: 'orphaned' }, outcome: 'orphaned' };
  return { annotation: { ...a, start: found.start, end: found.end, status: 'needs-review' }, outcome: 'fuzzy', score: found.score };
}

/** How many occurrences of a quote are scored at most (a one-letter quote in a large text stops here). */
const MAX_CANDIDATES = 2000;
/** Share of the stored context that must agree for a move to be trusted without review. */
const MIN_CONFIDENT_SHARE = 0.5;
/** A runner-up within this many characters of context agreement makes the choice ambiguous. */
const TIE_MARGIN = 4;

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function occurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(quote); i >= 0 && found.length < MAX_CANDIDATES; i = text.indexOf(quote, i + 1)) found.push(i);
  return found;
}

/** Context agreement of a candidate position: matching characters of prefix and suffix. */
function contextScore(text: string, a: Annotation, at: number): number {
  const { prefix, suffix } = contextAround(text, at, at + a.quote.length);
  return commonSuffixLength(prefix, a.prefix) + commonPrefixLength(suffix, a.suffix);
}

function withStatus(a: Annotation, start: number, status: Annotation['status']): Annotation {
  const next: Annotation = { ...a, start, end: start + a.quote.length };
  if (status) next.status = status;
  return next;
}

/** Checks one annotation against `text` (canonical) and re-anchors it by the rules above. */
export function reanchor(a: Annotation, text: string): Anchored {
  if (a.quote !== '' && text.slice(a.start, a.end) === a.quote) return { annotation: a, outcome: 'exact' };
  if (a.quote === '') return { annotation: { ...a, status: 'orphaned' }, outcome: 'orphaned' };
  const scored = occurrences(text, a.quote)
    .map((at) => ({ at, score: contextScore(text, a, at) }))
    .sort((x, y) => y.score - x.score || Math.abs(x.at - a.start) - Math.abs(y.at - a.start));
  const best = scored[0];
  if (!best || best.score === 0) return fuzzyOrOrphan(a, text);
  const available = a.prefix.length + a.suffix.length;
  const confident = available === 0 || best.score >= MIN_CONFIDENT_SHARE * available;
  const runnerUp = scored[1];
  const tie = runnerUp !== undefined && best.score - runnerUp.score < TIE_MARGIN;
  if (confident && !tie) return { annotation: withStatus(a, best.at, a.status), outcome: 'moved' };
  // the quote elsewhere has weak support: an edited quote still bracketed by its own context is the better guess
  const fuzzy = fuzzyOrOrphan(a, text);
  if (fuzzy.outcome === 'fuzzy') return fuzzy;
  return { annotation: withStatus(a, best.at, 'needs-review'), outcome: 'ambiguous' };
}

/** Re-anchors every annotation; the counts say what happened, for a message to the coder. */
export function reanchorAll(list: readonly Annotation[], text: string): { annotations: Annotation[]; counts: Record<AnchorOutcome, number> } {
  const counts: Record<AnchorOutcome, number> = { exact: 0, moved: 0, ambiguous: 0, fuzzy: 0, orphaned: 0 };
  const annotations = list.map((a) => {
    const r = reanchor(a, text);
    counts[r.outcome]++;
    return r.annotation;
  });
  return { annotations, counts };
}
