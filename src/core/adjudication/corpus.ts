/**
 * Adjudication over many texts: which texts two coders both coded, each text's disagreements and how they
 * stand, and the non-interactive plan of `sovcode adjudicate` (accept all of one coder, both, the agreements, or
 * a decisions file). A text counts when both coders coded it or marked it done, as in the agreement report: a
 * text B never looked at has no disagreement with A, only work B has not done.
 */
import { decidedBy, type Annotation } from '../annotations';
import type { CodedDocument } from '../documents';
import type { CoderPair } from './align';
import type { DecisionEntry } from './decisionsFile';
import type { Adjudicator, Decision } from './provenance';
import {
  acceptAgreements,
  adjudicationOf,
  applyDecisions,
  effectiveDecision,
  type JudgedDisagreement,
  type TextAdjudication,
} from './resolve';

export interface JudgedText extends TextAdjudication {
  path: string;
  /** The consensus coder marked the text done: its adjudication is finished. */
  consensusDone: boolean;
}

export interface CorpusAdjudication {
  texts: JudgedText[];
  /** Texts that only one of the two coders coded (paths), left out. */
  codedByOneOnly: string[];
}

function codedBy(d: CodedDocument, coder: string): boolean {
  return (d.done ?? []).includes(coder) || d.annotations.some((a) => decidedBy(a) === coder);
}

/** Every text both coders coded, in path order, with its disagreements judged against the consensus. */
export function adjudicateCorpus(
  documents: readonly CodedDocument[],
  pair: CoderPair,
  consensusCoder: string,
  neither: ReadonlySet<string> = new Set(),
): CorpusAdjudication {
  const texts: JudgedText[] = [];
  const codedByOneOnly: string[] = [];
  for (const d of [...documents].sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0))) {
    const a = codedBy(d, pair.a);
    const b = codedBy(d, pair.b);
    if (a !== b) codedByOneOnly.push(d.path);
    if (!a || !b) continue;
    const consensusDone = (d.done ?? []).includes(consensusCoder);
    texts.push({
      path: d.path,
      consensusDone,
      ...adjudicationOf(d.annotations, pair, consensusCoder, { neither, consensusDone }),
    });
  }
  return { texts, codedByOneOnly };
}

/** What `sovcode adjudicate` does without asking: one side for all, or the agreements only. */
export type AcceptAll = 'a' | 'b' | 'both' | 'agreements';

export interface PlanOptions {
  accept?: AcceptAll;
  decisions?: ReadonlyMap<string, DecisionEntry>;
}

export interface TextPlan {
  path: string;
  annotations: Annotation[];
  /** Consensus annotations added and removed by the plan. */
  added: number;
  removed: number;
  decided: number;
  agreementsCopied: number;
  /** Every disagreement is resolved and every agreement copied: the consensus coder's done mark is set. */
  markDone: boolean;
  /** Disagreements still open after the plan. */
  open: number;
}

export interface AdjudicationPlan {
  texts: TextPlan[];
  /** Decisions file rows whose id names no disagreement of these texts (changed since, or another corpus). */
  unknown: { id: string; line: number }[];
  /** Texts whose source is missing: nothing can be copied into them (their disagreements stay open). */
  missingSource: string[];
  codedByOneOnly: string[];
}

function decisionFor(d: JudgedDisagreement, options: PlanOptions): Decision | undefined {
  const given = options.decisions?.get(d.id)?.decision;
  if (given !== undefined) return given;
  if (d.resolution !== undefined) return undefined; // decided before: --accept fills only what is open
  switch (options.accept) {
    case 'a':
      return 'accept-a';
    case 'b':
      return 'accept-b';
    case 'both':
      return 'both';
    default:
      return undefined;
  }
}

/** The consensus annotations every text gets, and what the plan did; pure (the CLI writes the files). */
export function planAdjudication(
  documents: readonly CodedDocument[],
  pair: CoderPair,
  who: Adjudicator,
  options: PlanOptions,
): AdjudicationPlan {
  const neither = new Set(
    [...(options.decisions ?? new Map<string, DecisionEntry>())]
      .filter(([, e]) => e.decision === 'neither')
      .map(([id]) => id),
  );
  const corpus = adjudicateCorpus(documents, pair, who.consensus, neither);
  const byPath = new Map(documents.map((d) => [d.path, d]));
  const seen = new Set<string>();
  const texts: TextPlan[] = [];
  const missingSource: string[] = [];
  for (const judged of corpus.texts) {
    for (const d of judged.disagreements) seen.add(d.id);
    const doc = byPath.get(judged.path) as CodedDocument;
    if (doc.text === undefined) {
      missingSource.push(judged.path);
      continue;
    }
    const text = doc.text;
    let list: Annotation[] = [...doc.annotations];
    const rejected = new Set<string>();
    const decisions = judged.disagreements.flatMap((d) => {
      const decision = decisionFor(d, options);
      if (decision === undefined) return [];
      if (effectiveDecision(d, decision) === 'neither') rejected.add(d.id);
      return [{ d, decision }];
    });
    const decided = decisions.length;
    list = applyDecisions(text, list, decisions, pair, who);
    const copied = options.accept !== undefined ? acceptAgreements(text, list, pair, who) : { list, added: 0 };
    list = copied.list;
    const after = adjudicationOf(list, pair, who.consensus, { neither: new Set([...neither, ...rejected]) });
    const open = after.disagreements.filter((d) => d.resolution === undefined).length;
    const before = new Set(doc.annotations.map((a) => a.id));
    const now = new Set(list.map((a) => a.id));
    texts.push({
      path: judged.path,
      annotations: list,
      added: list.filter((a) => !before.has(a.id)).length,
      removed: doc.annotations.filter((a) => !now.has(a.id)).length,
      decided,
      agreementsCopied: copied.added,
      markDone: !judged.consensusDone && open === 0 && after.agreementsPending.length === 0,
      open,
    });
  }
  const unknown = [...(options.decisions ?? new Map<string, DecisionEntry>())]
    .filter(([id]) => !seen.has(id))
    .map(([id, e]) => ({ id, line: e.line }));
  return { texts, unknown, missingSource, codedByOneOnly: corpus.codedByOneOnly };
}
