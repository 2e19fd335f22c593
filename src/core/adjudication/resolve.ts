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
import { createAnnotation, decidedBy, sortAnnotations, type Annotation } from '../annotations';
import { alignCoders, annotationsOf, type Agreement, type CoderPair, type Disagreement } from './align';
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

/** Same span, same frame, as one key: what a consensus copy must match. */
const codingKey = (x: Annotation): string => `${x.start}:${x.end}:${x.frame}`;

/**
 * The consensus coder's annotations by coding and by the disagreement id their memo names, so that judging
 * thousands of disagreements of a long text is a look-up each, not a pass over the consensus each.
 */
export class ConsensusIndex {
  private readonly byCoding = new Map<string, Annotation[]>();
  private readonly byId = new Map<string, Annotation[]>();

  constructor(consensus: readonly Annotation[]) {
    for (const c of consensus) this.add(c);
  }

  add(c: Annotation): void {
    push(this.byCoding, codingKey(c), c);
    const id = adjudicatedIdIn(c.memo);
    if (id !== undefined) push(this.byId, id, c);
  }

  remove(c: Annotation): void {
    drop(this.byCoding, codingKey(c), c);
    const id = adjudicatedIdIn(c.memo);
    if (id !== undefined) drop(this.byId, id, c);
  }

  has(x: Annotation): boolean {
    return (this.byCoding.get(codingKey(x))?.length ?? 0) > 0;
  }

  /** The consensus annotations that copy one of `d`'s or name it in their memo. */
  of(d: Disagreement): Annotation[] {
    const found = new Set<Annotation>(this.byId.get(d.id) ?? []);
    for (const m of [...d.a, ...d.b]) for (const c of this.byCoding.get(codingKey(m)) ?? []) found.add(c);
    return [...found];
  }

  namesId(id: string): boolean {
    return (this.byId.get(id)?.length ?? 0) > 0;
  }
}

function push(map: Map<string, Annotation[]>, key: string, a: Annotation): void {
  const list = map.get(key);
  if (list) list.push(a);
  else map.set(key, [a]);
}

function drop(map: Map<string, Annotation[]>, key: string, a: Annotation): void {
  const list = map.get(key)?.filter((x) => x !== a);
  if (list && list.length > 0) map.set(key, list);
  else map.delete(key);
}

/** How `d` stands in the consensus (its index); `neither` holds the ids rejected as neither. */
export function resolutionOf(
  d: Disagreement,
  consensus: ConsensusIndex,
  neither: ReadonlySet<string> = new Set(),
  consensusDone = false,
): Resolution {
  const fromA = d.a.some((x) => consensus.has(x));
  const fromB = d.b.some((x) => consensus.has(x));
  if (fromA || fromB) {
    const allA = d.a.every((x) => consensus.has(x));
    const allB = d.b.every((x) => consensus.has(x));
    if (fromA && fromB) return allA && allB ? 'both' : 'mixed';
    if (fromA) return allA ? 'accept-a' : 'mixed';
    return allB ? 'accept-b' : 'mixed';
  }
  if (consensus.namesId(d.id)) return 'mixed';
  return neither.has(d.id) || consensusDone ? 'neither' : undefined;
}

const indexOf = (list: readonly Annotation[], consensusCoder: string): ConsensusIndex =>
  new ConsensusIndex(list.filter((x) => decidedBy(x) === consensusCoder));

/** The adjudication of one text's annotations for `pair`, read against the consensus coder's annotations. */
export function adjudicationOf(
  list: readonly Annotation[],
  pair: CoderPair,
  consensusCoder: string,
  options: { neither?: ReadonlySet<string>; consensusDone?: boolean } = {},
): TextAdjudication {
  checkCoders(pair, consensusCoder);
  const { agreements, disagreements } = alignCoders(list, pair);
  const consensus = indexOf(list, consensusCoder);
  return {
    disagreements: disagreements.map((d) => ({
      ...d,
      resolution: resolutionOf(d, consensus, options.neither, options.consensusDone),
    })),
    agreements,
    agreementsPending: agreements.filter((g) => !consensus.has(g.a)),
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
 * The list with each decision taken on its disagreement: the consensus copies of a previous decision on it go,
 * the copies the decision asks for come. Taking the decision it already has changes nothing (the list is
 * returned as it is), so running an adjudication twice adds nothing. One pass and one sort for all of them.
 */
export function applyDecisions(
  text: string,
  list: readonly Annotation[],
  decisions: readonly { d: Disagreement; decision: Decision }[],
  pair: CoderPair,
  who: Adjudicator,
): Annotation[] {
  checkCoders(pair, who.consensus);
  const consensus = indexOf(list, who.consensus);
  const removed = new Set<string>();
  const added: Annotation[] = [];
  for (const { d, decision: asked } of decisions) {
    const decision = effectiveDecision(d, asked);
    if (decision !== 'neither' && resolutionOf(d, consensus) === decision) continue;
    for (const c of consensus.of(d)) {
      removed.add(c.id);
      consensus.remove(c);
    }
    const chosen =
      decision === 'accept-a' ? d.a : decision === 'accept-b' ? d.b : decision === 'both' ? [...d.a, ...d.b] : [];
    for (const source of chosen) {
      if (consensus.has(source)) continue; // both coded it alike: one copy
      const copy = copyFor(text, source, who, adjudicatedMemo(d, decision, pair, who, source));
      added.push(copy);
      consensus.add(copy);
    }
  }
  if (removed.size === 0 && added.length === 0) return [...list];
  const kept = added.filter((a) => !removed.has(a.id));
  return sortAnnotations([...list.filter((a) => !removed.has(a.id)), ...kept]);
}

/** `applyDecisions` for one decision (the editor's inline actions). */
export function applyDecision(
  text: string,
  list: readonly Annotation[],
  d: Disagreement,
  decision: Decision,
  pair: CoderPair,
  who: Adjudicator,
): Annotation[] {
  return applyDecisions(text, list, [{ d, decision }], pair, who);
}

/** The list with a consensus copy of every agreement of `pair` the consensus does not have yet. */
export function acceptAgreements(
  text: string,
  list: readonly Annotation[],
  pair: CoderPair,
  who: Adjudicator,
): { list: Annotation[]; added: number } {
  const { agreementsPending } = adjudicationOf(list, pair, who.consensus);
  if (agreementsPending.length === 0) return { list: [...list], added: 0 };
  const copies = agreementsPending.map((g) => copyFor(text, g.a, who, agreedMemo(pair, who, g.a)));
  return { list: sortAnnotations([...list, ...copies]), added: copies.length };
}

/** How many annotations the consensus coder already has in the list (for messages). */
export function consensusCount(list: readonly Annotation[], consensusCoder: string): number {
  return annotationsOf(list, consensusCoder).length;
}
