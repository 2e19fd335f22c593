/**
 * What a consensus annotation says about where it came from, in its memo: who adjudicated, on which day, which
 * disagreement (its id) and whose coding was taken. The memo is the one free-text field every reader shows (the
 * hover, the Coded Segments explorer, the CSV and REFI-QDA exports), and it is a line of `git diff`, so a
 * reviewer reads the adjudication as decisions: "accept ann over ben (frames differ)". A memo the source
 * annotation had is kept below it, credited to its writer.
 */
import type { Annotation } from '../annotations';
import type { CoderPair, Disagreement, DisagreementKind } from './align';

export type Decision = 'accept-a' | 'accept-b' | 'both' | 'neither';

export const DECISIONS: readonly Decision[] = ['accept-a', 'accept-b', 'both', 'neither'];

/** Who adjudicates, as whom the decisions are written, and on which day (YYYY-MM-DD). */
export interface Adjudicator {
  /** The person who decided (the coder's name in VS Code, `--by` or the git user in the CLI). */
  by: string;
  /** The consensus coder the decisions are written as (setting `sovereigntyCoder.consensusCoder`, `--as`). */
  consensus: string;
  today: string;
}

const KIND_WORDS: Record<DisagreementKind, string> = {
  'frames-differ': 'frames differ',
  'boundaries-differ': 'boundaries differ',
  'only-a': 'only one coder coded it',
  'only-b': 'only one coder coded it',
};

export function kindWords(kind: DisagreementKind, pair: CoderPair): string {
  if (kind === 'only-a') return `only ${pair.a}`;
  if (kind === 'only-b') return `only ${pair.b}`;
  return KIND_WORDS[kind];
}

/** The decision in words, with the coders' names: "accept ann over ben". */
export function decisionWords(decision: Decision, pair: CoderPair): string {
  switch (decision) {
    case 'accept-a':
      return `accept ${pair.a} over ${pair.b}`;
    case 'accept-b':
      return `accept ${pair.b} over ${pair.a}`;
    case 'both':
      return `keep both ${pair.a} and ${pair.b}`;
    case 'neither':
      return `neither ${pair.a} nor ${pair.b}`;
  }
}

function withSourceMemo(head: string, source: Annotation): string {
  return source.memo === undefined || source.memo === '' ? head : `${head}\n${source.coder}'s memo: ${source.memo}`;
}

/** The memo of a consensus copy of `source`, taken by `decision` on `d`. */
export function adjudicatedMemo(
  d: Disagreement,
  decision: Decision,
  pair: CoderPair,
  who: Adjudicator,
  source: Annotation,
): string {
  const head = `Adjudicated ${d.id} by ${who.by} on ${who.today}: ${decisionWords(decision, pair)} (${kindWords(d.kind, pair)}); from ${source.coder}'s coding.`;
  return withSourceMemo(head, source);
}

/** The memo of a consensus copy of a span both coders coded alike. */
export function agreedMemo(pair: CoderPair, who: Adjudicator, source: Annotation): string {
  return withSourceMemo(`Agreed by ${pair.a} and ${pair.b}; copied by ${who.by} on ${who.today}.`, source);
}

/** The disagreement id a consensus memo names, if it is one this room wrote. */
export function adjudicatedIdIn(memo: string | undefined): string | undefined {
  return memo === undefined ? undefined : /^Adjudicated (d[0-9a-z]{10}) by /.exec(memo)?.[1];
}
