/**
 * Agreement coefficients over a complete rating matrix: every item has one nominal label from every coder.
 * Percent agreement, Cohen's kappa averaged over coder pairs (Light's kappa; NLTK `kappa()`) and Krippendorff's
 * alpha follow NLTK's nltk.metrics.agreement.AnnotationTask, the reference the unit tests compare with; Fleiss'
 * kappa, Conger's kappa, Gwet's AC1 and Brennan–Prediger and the analytic intervals come from chanceCorrected.ts
 * (irrCAC's formulas), alpha's bootstrap from bootstrap.ts. A coefficient whose expected agreement is 1 (no
 * variation in the labels) is undefined, and is returned as undefined rather than as a misleading 0 or 1.
 * Items may carry weights (character units: a run of characters coded alike is one item of its length).
 */
import { bootstrapAlpha, type AlphaBootstrap } from './bootstrap';
import { chanceCorrected, type Estimate } from './chanceCorrected';
import { studentTQuantile } from './distributions';

export type { Estimate } from './chanceCorrected';
export type { AlphaBootstrap } from './bootstrap';

/** ratings[item][coder]: the label coder `coder` gave item `item`. All rows have the same length (≥ 2 coders). */
export type RatingMatrix = readonly (readonly string[])[];

export interface Coefficients {
  /** Number of units (the sum of the weights when items are weighted). */
  items: number;
  coders: number;
  /** Mean over coder pairs of the share of items on which the pair agrees (NLTK avg_Ao). */
  percentAgreement: number | undefined;
  /**
   * Cohen's kappa for two coders; for more, the mean of the pairwise Cohen's kappas (Light's kappa, NLTK
   * kappa()). Undefined when any pair's kappa is.
   */
  cohenKappa: number | undefined;
  /** Krippendorff's alpha, nominal (NLTK alpha() with binary_distance). */
  krippendorffAlpha: number | undefined;
  /** Fleiss' kappa (NLTK pi() for several coders; Scott's pi for two). */
  fleissKappa: number | undefined;
  /** Conger's kappa (NLTK multi_kappa(), Davies & Fleiss); Cohen's kappa for two coders. */
  congerKappa: number | undefined;
  gwetAC1: number | undefined;
  /** Brennan–Prediger over the possible categories (NLTK S() when every category is used). */
  brennanPrediger: number | undefined;
  /** Analytic standard errors and 95% intervals (irrCAC), and alpha's bootstrap interval. */
  intervals: {
    percentAgreement: Estimate;
    fleissKappa: Estimate;
    congerKappa: Estimate;
    gwetAC1: Estimate;
    brennanPrediger: Estimate;
    /** irrCAC's analytic interval of alpha (krippen.alpha.raw). */
    krippendorffAlpha: Estimate;
    krippendorffAlphaBootstrap: AlphaBootstrap | undefined;
  };
}

export interface CoefficientOptions {
  /** The possible labels (default: those used); BP and AC1 depend on how many there are. */
  categories?: readonly string[];
  /** One weight per item (default 1 each). */
  weights?: readonly number[];
}

function pairs(n: number): [number, number][] {
  const out: [number, number][] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) out.push([a, b]);
  return out;
}

interface Weighted {
  ratings: RatingMatrix;
  weights: readonly number[];
  total: number;
}

function observed({ ratings, weights, total }: Weighted, a: number, b: number): number {
  let same = 0;
  ratings.forEach((row, i) => {
    if (row[a] === row[b]) same += weights[i] ?? 0;
  });
  return same / total;
}

function expectedKappa({ ratings, weights, total }: Weighted, a: number, b: number): number {
  const countA = new Map<string, number>();
  const countB = new Map<string, number>();
  ratings.forEach((row, i) => {
    const w = weights[i] ?? 0;
    const [la, lb] = [row[a] ?? '', row[b] ?? ''];
    countA.set(la, (countA.get(la) ?? 0) + w);
    countB.set(lb, (countB.get(lb) ?? 0) + w);
  });
  let ae = 0;
  for (const [label, n] of countA) ae += (n / total) * ((countB.get(label) ?? 0) / total);
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

/** Alpha with its parts: observed and expected disagreement over the pairable values. */
function alphaParts({ ratings, weights }: Weighted): { alpha: number | undefined; observed: number; expected: number } {
  const all = new Map<string, number>();
  let observedSum = 0;
  let values = 0;
  ratings.forEach((row, i) => {
    const w = weights[i] ?? 0;
    const counts = new Map<string, number>();
    for (const label of row) counts.set(label, (counts.get(label) ?? 0) + 1);
    for (const [label, n] of counts) all.set(label, (all.get(label) ?? 0) + n * w);
    observedSum += disagreement(counts) * row.length * w;
    values += row.length * w;
  });
  const expected = disagreement(all);
  const observedShare = observedSum / values;
  return { alpha: expected === 0 ? undefined : 1 - observedShare / expected, observed: observedShare, expected };
}

/** Nominal alpha alone (for the summary at other units, where the intervals are not shown). */
export function nominalAlpha(ratings: RatingMatrix, weights: readonly number[]): number | undefined {
  const total = weights.reduce((s, w) => s + w, 0);
  return ratings.length === 0 || total === 0 ? undefined : alphaParts({ ratings, weights, total }).alpha;
}

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const NO_ESTIMATE: Estimate = { value: undefined, se: undefined, low: undefined, high: undefined };

function undefinedCoefficients(items: number, coders: number): Coefficients {
  return {
    items,
    coders,
    percentAgreement: undefined,
    cohenKappa: undefined,
    krippendorffAlpha: undefined,
    fleissKappa: undefined,
    congerKappa: undefined,
    gwetAC1: undefined,
    brennanPrediger: undefined,
    intervals: {
      percentAgreement: NO_ESTIMATE,
      fleissKappa: NO_ESTIMATE,
      congerKappa: NO_ESTIMATE,
      gwetAC1: NO_ESTIMATE,
      brennanPrediger: NO_ESTIMATE,
      krippendorffAlpha: NO_ESTIMATE,
      krippendorffAlphaBootstrap: undefined,
    },
  };
}

/** The coefficients of a complete rating matrix; undefined values where they are not defined. */
export function agreementCoefficients(ratings: RatingMatrix, options: CoefficientOptions = {}): Coefficients {
  const coders = ratings[0]?.length ?? 0;
  const weights = options.weights ?? ratings.map(() => 1);
  if (weights.length !== ratings.length) throw new RangeError('one weight per item is needed');
  const total = weights.reduce((s, w) => s + w, 0);
  if (ratings.length === 0 || coders < 2 || total === 0) return undefinedCoefficients(total, coders);
  if (ratings.some((r) => r.length !== coders)) throw new RangeError('every item needs a label from every coder');
  const data: Weighted = { ratings, weights, total };
  const coderPairs = pairs(coders);
  const kappas = coderPairs.map(([a, b]) => {
    const ae = expectedKappa(data, a, b);
    return ae >= 1 ? undefined : (observed(data, a, b) - ae) / (1 - ae);
  });
  const used = [...new Set(ratings.flat())].sort();
  const categories = [...new Set([...(options.categories ?? []), ...used])].sort();
  const index = new Map(categories.map((c, i) => [c, i]));
  const indexed = ratings.map((row) => row.map((l) => index.get(l) ?? 0));
  const t = total >= 2 ? studentTQuantile(0.975, total - 1) : Number.NaN;
  const multi = chanceCorrected({ labels: indexed, weights, categories: categories.length }, t);
  const parts = alphaParts(data);
  const pairsOfValues = (total * coders * (coders - 1)) / 2;
  return {
    items: total,
    coders,
    percentAgreement: mean(coderPairs.map(([a, b]) => observed(data, a, b))),
    cohenKappa: kappas.some((k) => k === undefined) ? undefined : mean(kappas as number[]),
    krippendorffAlpha: parts.alpha,
    fleissKappa: multi.fleissKappa.value,
    congerKappa: multi.congerKappa.value,
    gwetAC1: multi.gwetAC1.value,
    brennanPrediger: multi.brennanPrediger.value,
    intervals: {
      ...multi,
      krippendorffAlpha: alphaInterval(parts.alpha, multi.fleissKappa, total, t),
      krippendorffAlphaBootstrap:
        parts.alpha === undefined ? undefined : bootstrapAlpha(pairsOfValues, parts.observed, parts.expected),
    },
  };
}

/**
 * irrCAC's analytic interval of alpha (krippen.alpha.raw). With complete data its linearized item terms are
 * Fleiss' kappa's, so the standard error is Fleiss' kappa's; the interval is centred on alpha.
 */
function alphaInterval(alpha: number | undefined, fleiss: Estimate, n: number, t: number): Estimate {
  if (alpha === undefined || fleiss.se === undefined || n < 2) return { ...NO_ESTIMATE, value: alpha };
  return { value: alpha, se: fleiss.se, low: alpha - t * fleiss.se, high: Math.min(1, alpha + t * fleiss.se) };
}
