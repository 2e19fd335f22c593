/**
 * Agreement coefficients over a complete rating matrix: every item has one nominal label from every coder.
 * The definitions follow NLTK's nltk.metrics.agreement.AnnotationTask, which the unit tests use as the
 * reference implementation: percent agreement and Cohen's kappa averaged over coder pairs (Ao, kappa()), and
 * Krippendorff's alpha for nominal data (alpha() with binary distance). A coefficient whose expected
 * agreement is 1 (no variation in the labels) is undefined, and is returned as undefined rather than as a
 * misleading 0 or 1.
 */

/** ratings[item][coder]: the label coder `coder` gave item `item`. All rows have the same length (≥ 2 coders). */
export type RatingMatrix = readonly (readonly string[])[];

export interface Coefficients {
  items: number;
  coders: number;
  /** Mean over coder pairs of the share of items on which the pair agrees (NLTK avg_Ao). */
  percentAgreement: number | undefined;
  /** Cohen's kappa, averaged over coder pairs (NLTK kappa()); for two coders, Cohen's kappa itself. */
  cohenKappa: number | undefined;
  /** Krippendorff's alpha, nominal (NLTK alpha() with binary_distance). */
  krippendorffAlpha: number | undefined;
}

function pairs(n: number): [number, number][] {
  const out: [number, number][] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) out.push([a, b]);
  return out;
}

function observed(ratings: RatingMatrix, a: number, b: number): number {
  let same = 0;
  for (const row of ratings) if (row[a] === row[b]) same++;
  return same / ratings.length;
}

function expectedKappa(ratings: RatingMatrix, a: number, b: number): number {
  const countA = new Map<string, number>();
  const countB = new Map<string, number>();
  for (const row of ratings) {
    countA.set(row[a], (countA.get(row[a]) ?? 0) + 1);
    countB.set(row[b], (countB.get(row[b]) ?? 0) + 1);
  }
  let ae = 0;
  for (const [label, n] of countA) ae += (n / ratings.length) * ((countB.get(label) ?? 0) / ratings.length);
  return ae;
}

/** Disagreement of a bag of labels: share of ordered pairs of distinct values with different labels (NLTK Disagreement). */
function disagreement(counts: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const n of counts.values()) total += n;
  if (total < 2) return 0;
  let same = 0;
  for (const n of counts.values()) same += n * n;
  return (total * total - same) / (total * (total - 1));
}

function alpha(ratings: RatingMatrix): number | undefined {
  const all = new Map<string, number>();
  let observedSum = 0;
  let values = 0;
  for (const row of ratings) {
    const counts = new Map<string, number>();
    for (const label of row) counts.set(label, (counts.get(label) ?? 0) + 1);
    for (const [label, n] of counts) all.set(label, (all.get(label) ?? 0) + n);
    observedSum += disagreement(counts) * row.length;
    values += row.length;
  }
  const de = disagreement(all);
  if (de === 0) return undefined;
  return 1 - observedSum / values / de;
}

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/** The coefficients of a complete rating matrix; undefined values where they are not defined. */
export function agreementCoefficients(ratings: RatingMatrix): Coefficients {
  const coders = ratings[0]?.length ?? 0;
  const items = ratings.length;
  if (items === 0 || coders < 2)
    return { items, coders, percentAgreement: undefined, cohenKappa: undefined, krippendorffAlpha: undefined };
  if (ratings.some((r) => r.length !== coders)) throw new RangeError('every item needs a label from every coder');
  const coderPairs = pairs(coders);
  const kappas = coderPairs.map(([a, b]) => {
    const ae = expectedKappa(ratings, a, b);
    return ae >= 1 ? undefined : (observed(ratings, a, b) - ae) / (1 - ae);
  });
  return {
    items,
    coders,
    percentAgreement: mean(coderPairs.map(([a, b]) => observed(ratings, a, b))),
    cohenKappa: kappas.some((k) => k === undefined) ? undefined : mean(kappas as number[]),
    krippendorffAlpha: alpha(ratings),
  };
}
