/**
 * Resolving disagreements into the consensus coder's annotations. The consensus is a coder like any other (its
 * annotations export, count in agreement and merge in Git like anyone's), so the gold standard is simply what
 * the consensus coder has: copies of the spans the adjudicator accepted, each with its provenance (provenance.ts).
 *
 * Whether a disagreement is resolved is read from the consensus annotations, not from a separate log, so the
 * work can be done over several sessions, on several machines, and survives a merge: a disagreement is resolved
 * when the consensus has a copy (same span, same frame) of one of its annotations, or an annotation whose memo
 * names its id; which coder's annotations it copied says the decision. "Neither" leaves nothing to copy: it is
 * known from the decisions given (a decisions file, the editor's record) or from the consensus coder's done
 * mark on the text (adjudication of that text finished: what the consensus lacks it rejected).
 */
import { addAnnotation, createAnnotation, decidedBy, removeAnnotation, type Annotation } from '../annotations';
import { alignCoders, annotationsOf, sameCoding, type Agreement, type CoderPair, type Disagreement } from './align';
import { adjudicatedIdIn, adjudicatedMemo, agreedMemo, type Adjudicator, type Decision } from './provenance';

/** How a disagreement stands: resolved with a decision ('mixed': the consensus took parts of both by hand). */
export type Resolution = Decision | 'mixed' | undefined;

export interface JudgedDisagreement extends Disagreement {
  resolution: Resolution;
}

/** One text's adjudication: its disagreements with how each stands, and the agreements not yet in the consensus. */
export interface TextAdjudication {
  disagreements: JudgedDisagreement[];
  agreements: Agreement[];
  /** Agreements the consensus has no copy of yet ("accept all agreements" adds them). */
  agreementsPending: Agreement[];
}

function checkCoders(pair: CoderPair, consensus: string): void {
  if (pair.a === pair.b) throw new RangeError(`coder '${pair.a}' is named twice: compare two different coders`);
  if (consensus === pair.a || consensus === pair.b)
    throw new RangeError(`the consensus coder '${consensus}' must not be one of the coders compared`);
  if (consensus.trim() === '') throw new RangeError('the consensus coder needs a name');
}

/** How `d` stands in `consensus` (the consensus coder's annotations); `neither` holds the ids rejected as neither. */
export function resolutionOf(
  d: Disagreement,
  consensus: readonly Annotation[],
  neither: ReadonlySet<string> = new Set(),
  consensusDone = false,
): Resolution {
  const has = (x: Annotation): boolean => consensus.some((c) => sameCoding(c, x));
  const fromA = d.a.some(has);
  const fromB = d.b.some(has);
  if (fromA || fromB) {
    const allA = d.a.every(has);
    const allB = d.b.every(has);
    if (fromA && fromB) return allA && allB ? 'both' : 'mixed';
    if (fromA) return allA ? 'accept-a' : 'mixed';
    return allB ? 'accept-b' : 'mixed';
  }
  if (consensus.some((c) => adjudicatedIdIn(c.memo) === d.id)) return 'mixed';
  return neither.has(d.id) || consensusDone ? 'neither' : undefined;
}

/** The adjudication of one text's annotations for `pair`, read against the consensus coder's annotations. */
export function adjudicationOf(
  list: readonly Annotation[],
  pair: CoderPair,
  consensusCoder: string,
  options: { neither?: ReadonlySet<string>; consensusDone?: boolean } = {},
): TextAdjudication {
  checkCoders(pair, consensusCoder);
  const { agreements, disagreements } = alignCoders(list, pair);
  const consensus = list.filter((x) => decidedBy(x) === consensusCoder);
  return {
    disagreements: disagreements.map((d) => ({
      ...d,
      resolution: resolutionOf(d, consensus, options.neither, options.consensusDone),
    })),
    agreements,
    agreementsPending: agreements.filter((g) => !consensus.some((c) => sameCoding(c, g.a))),
  };
}

/** A consensus copy of `source` over the current `text` (its offsets, a fresh id and context). */
function copyFor(text: string, source: Annotation, who: Adjudicator, memo: string): Annotation {
  return { ...createAnnotation(text, source.start, source.end, source.frame, who.consensus, who.today), memo };
}

/**
 * What `decision` comes to on `d`: accepting the side that coded nothing there is "neither", and keeping both
 * where only one coded is accepting that one (so `--accept A` over a span only B coded rejects it).
 */
export function effectiveDecision(d: Disagreement, decision: Decision): Decision {
  if (decision === 'accept-a' && d.a.length === 0) return 'neither';
  if (decision === 'accept-b' && d.b.length === 0) return 'neither';
  if (decision === 'both' && d.a.length === 0) return 'accept-b';
  if (decision === 'both' && d.b.length === 0) return 'accept-a';
  return decision;
}

/**
 * The list with `decision` taken on `d`: the consensus copies of a previous decision on it go, the copies the
 * decision asks for come. Taking the decision it already has changes nothing (the list is returned as it is),
 * so running an adjudication twice adds nothing.
 */
export function applyDecision(
  text: string,
  list: readonly Annotation[],
  d: Disagreement,
  decision: Decision,
  pair: CoderPair,
  who: Adjudicator,
): Annotation[] {
  checkCoders(pair, who.consensus);
  decision = effectiveDecision(d, decision);
  const consensus = list.filter((x) => decidedBy(x) === who.consensus);
  if (resolutionOf(d, consensus) === decision && decision !== 'neither') return [...list];
  const members = [...d.a, ...d.b];
  const previous = consensus.filter((c) => members.some((m) => sameCoding(c, m)) || adjudicatedIdIn(c.memo) === d.id);
  let next = previous.reduce((l, c) => removeAnnotation(l, c.id), [...list]);
  const chosen = decision === 'accept-a' ? d.a : decision === 'accept-b' ? d.b : decision === 'both' ? members : [];
  const written: Annotation[] = [];
  for (const source of chosen) {
    if (written.some((w) => sameCoding(w, source))) continue; // both coded it alike: one copy
    const copy = copyFor(text, source, who, adjudicatedMemo(d, decision, pair, who, source));
    written.push(copy);
    next = addAnnotation(next, copy);
  }
  return next;
}

/** The list with a consensus copy of every agreement of `pair` the consensus does not have yet. */
export function acceptAgreements(
  text: string,
  list: readonly Annotation[],
  pair: CoderPair,
  who: Adjudicator,
): { list: Annotation[]; added: number } {
  const { agreementsPending } = adjudicationOf(list, pair, who.consensus);
  const next = agreementsPending.reduce(
    (l, g) => addAnnotation(l, copyFor(text, g.a, who, agreedMemo(pair, who, g.a))),
    [...list],
  );
  return { list: next, added: agreementsPending.length };
}

/** True when the consensus coder already has annotations of its own in the list (for messages). */
export function consensusCount(list: readonly Annotation[], consensusCoder: string): number {
  return annotationsOf(list, consensusCoder).length;
}
