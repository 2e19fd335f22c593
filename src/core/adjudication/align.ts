/**
 * The disagreements of two coders on one text, as an adjudicator meets them (INCEpTION's curation view,
 * MAXQDA's "intercoder agreement" table): A's and B's spans are aligned, an identical span with the same frame
 * is an agreement and is not listed, and what is left falls into clusters of spans that overlap across the two
 * coders. Each cluster is one disagreement: frames differ, boundaries differ, or a span only one coder has.
 * A coder's annotations are those whose frame they decided (`decidedBy`: a retag by B of A's span is B's
 * decision); orphaned annotations have no place in the text and take no part.
 */
import { decidedBy, type Annotation } from '../annotations';
import { disagreementId } from './ids';

export type DisagreementKind = 'frames-differ' | 'boundaries-differ' | 'only-a' | 'only-b';

/** The two coders compared, A first (the order the adjudicator named them in). */
export interface CoderPair {
  a: string;
  b: string;
}

export interface Agreement {
  a: Annotation;
  b: Annotation;
}

export interface Disagreement {
  /** 'd' + 10 base32 characters, from the ids of the annotations in it (ids.ts): the same in every session. */
  id: string;
  kind: DisagreementKind;
  /** The region the cluster covers: from the first start to the last end of its spans. */
  start: number;
  end: number;
  /** A's and B's annotations in the cluster, each in the stable order; one side is empty for only-a/only-b. */
  a: Annotation[];
  b: Annotation[];
}

export interface Alignment {
  agreements: Agreement[];
  /** Ordered by position (start, end, id). */
  disagreements: Disagreement[];
}

/** The annotations whose frame `coder` decided and that have a place in the text, in position order. */
export function annotationsOf(list: readonly Annotation[], coder: string): Annotation[] {
  return list
    .filter((x) => decidedBy(x) === coder && x.status !== 'orphaned')
    .sort((x, y) => x.start - y.start || x.end - y.end || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

/** Same span, same frame: what two coders agree on and what a consensus copy must match. */
export function sameCoding(x: Annotation, y: Annotation): boolean {
  return x.start === y.start && x.end === y.end && x.frame === y.frame;
}

const overlaps = (x: Annotation, y: Annotation): boolean => x.start < y.end && y.start < x.end;

/** Pairs each of A's annotations with an unmatched identical one of B's; returns the pairs and the rest. */
function matchAgreements(
  a: Annotation[],
  b: Annotation[],
): { agreements: Agreement[]; restA: Annotation[]; restB: Annotation[] } {
  const taken = new Set<number>();
  const agreements: Agreement[] = [];
  const restA: Annotation[] = [];
  for (const x of a) {
    const j = b.findIndex((y, i) => !taken.has(i) && sameCoding(x, y));
    if (j < 0) restA.push(x);
    else {
      taken.add(j);
      agreements.push({ a: x, b: b[j] });
    }
  }
  return { agreements, restA, restB: b.filter((_, i) => !taken.has(i)) };
}

/** Union-find over A's (0..n-1) and B's (n..n+m-1) spans, joined where an A span overlaps a B span. */
function clusters(a: Annotation[], b: Annotation[]): number[][] {
  const parent = [...Array(a.length + b.length).keys()];
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  // A sweep over both lists in position order: `active` holds the B spans that started before the current A
  // span ends and have not ended before it starts (later A spans start no earlier), so each pair is met once.
  let next = 0;
  let active: number[] = [];
  for (let i = 0; i < a.length; i++) {
    while (next < b.length && b[next].start < a[i].end) active.push(next++);
    active = active.filter((j) => b[j].end > a[i].start);
    for (const j of active) if (overlaps(a[i], b[j])) parent[find(i)] = find(a.length + j);
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < parent.length; i++) {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  }
  return [...groups.values()];
}

function kindOf(a: readonly Annotation[], b: readonly Annotation[]): DisagreementKind {
  if (b.length === 0) return 'only-a';
  if (a.length === 0) return 'only-b';
  const frames = (l: readonly Annotation[]): string => [...new Set(l.map((x) => x.frame))].sort().join('\n');
  return frames(a) === frames(b) ? 'boundaries-differ' : 'frames-differ';
}

/** Agreements and disagreements of `pair` among one text's annotations. Throws when A and B are one coder. */
export function alignCoders(list: readonly Annotation[], pair: CoderPair): Alignment {
  if (pair.a === pair.b) throw new RangeError(`coder '${pair.a}' is named twice: compare two different coders`);
  const { agreements, restA, restB } = matchAgreements(annotationsOf(list, pair.a), annotationsOf(list, pair.b));
  const disagreements = clusters(restA, restB).map((members): Disagreement => {
    const a = members.filter((i) => i < restA.length).map((i) => restA[i]);
    const b = members.filter((i) => i >= restA.length).map((i) => restB[i - restA.length]);
    const all = [...a, ...b];
    return {
      id: disagreementId(all),
      kind: kindOf(a, b),
      start: Math.min(...all.map((x) => x.start)),
      end: Math.max(...all.map((x) => x.end)),
      a,
      b,
    };
  });
  disagreements.sort((x, y) => x.start - y.start || x.end - y.end || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return { agreements, disagreements };
}
