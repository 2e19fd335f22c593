/**
 * Chance-corrected agreement of r ≥ 2 coders over complete nominal ratings, each with its analytic standard
 * error and 95% interval as irrCAC (Gwet's R package, agree.coeff3.raw.r) computes them, re-implemented from its
 * formulas (Gwet 2014, Handbook of Inter-Rater Reliability, 4th ed., ch. 5): percent agreement, Fleiss' kappa
 * (Fleiss 1971), Conger's kappa (Conger 1980), Gwet's AC1 (Gwet 2008) and Brennan–Prediger (1981). All share the
 * observed agreement pa = mean over items of Σ_k n_ik (n_ik − 1) / (r (r − 1)) and differ in the chance term pe:
 * Fleiss Σ_k π_k², Conger Σ_k (p̄_k² − s²_k / r), AC1 Σ_k π_k (1 − π_k) / (q − 1), BP 1 / q. The variance is
 * Σ_i (c*_i − c)² / (n (n − 1)), where c*_i is item i's linearized contribution (irrCAC's `*.ivec.x`); the
 * interval is c ± t(0.975, n − 1) · se, its upper end capped at 1, as irrCAC reports it. Items may carry
 * weights (a run of identical characters is one weighted item): an item of weight w counts as w items.
 */

/** A coefficient with its analytic 95% interval (undefined where the coefficient or its variance is). */
export interface Estimate {
  value: number | undefined;
  se: number | undefined;
  low: number | undefined;
  high: number | undefined;
}

export interface ChanceCorrected {
  percentAgreement: Estimate;
  fleissKappa: Estimate;
  congerKappa: Estimate;
  gwetAC1: Estimate;
  brennanPrediger: Estimate;
}

/** Items as label indices: labels[i][g] is the category index coder g gave item i; weight[i] ≥ 1. */
export interface IndexedRatings {
  labels: readonly (readonly number[])[];
  weights: readonly number[];
  /** Number of categories q (those possible, which may exceed those used). */
  categories: number;
}

const NONE: Estimate = { value: undefined, se: undefined, low: undefined, high: undefined };

function estimate(value: number, contributions: readonly number[], weights: readonly number[], t: number): Estimate {
  const n = weights.reduce((s, w) => s + w, 0);
  if (n < 2) return { value, se: undefined, low: undefined, high: undefined };
  let sum = 0;
  contributions.forEach((c, i) => (sum += (weights[i] ?? 0) * (c - value) ** 2));
  const se = Math.sqrt(sum / (n * (n - 1)));
  return { value, se, low: value - t * se, high: Math.min(1, value + t * se) };
}

/**
 * The five coefficients. `t` is the t quantile for the interval (t(0.975, n − 1) for 95%), given by the caller
 * so that it is computed once per matrix size.
 */
export function chanceCorrected(data: IndexedRatings, t: number): ChanceCorrected {
  const { labels, weights, categories: q } = data;
  const r = labels[0]?.length ?? 0;
  const n = weights.reduce((s, w) => s + w, 0);
  if (n === 0 || r < 2)
    return { percentAgreement: NONE, fleissKappa: NONE, congerKappa: NONE, gwetAC1: NONE, brennanPrediger: NONE };
  const counts = labels.map((row) => {
    const c = new Array<number>(q).fill(0);
    for (const k of row) c[k] = (c[k] ?? 0) + 1;
    return c;
  });
  const paItem = counts.map((c) => c.reduce((s, x) => s + x * (x - 1), 0) / (r * (r - 1)));
  const wmean = (xs: readonly number[]): number => xs.reduce((s, x, i) => s + (weights[i] ?? 0) * x, 0) / n;
  const pa = wmean(paItem);
  // π_k: the share of all ratings in category k; p_gk: the share of coder g's ratings in k
  const pi = new Array<number>(q).fill(0);
  const pgk = Array.from({ length: r }, () => new Array<number>(q).fill(0));
  labels.forEach((row, i) => {
    const w = weights[i] ?? 0;
    row.forEach((k, g) => {
      pi[k] = (pi[k] ?? 0) + w / (r * n);
      const coder = pgk[g];
      if (coder) coder[k] = (coder[k] ?? 0) + w / n;
    });
  });
  const pMean = pi; // with complete data, the mean over coders of p_gk is π_k
  const chance = (pe: number, peItem: (i: number) => number): Estimate => {
    if (pe >= 1 - 1e-12) return NONE;
    const value = (pa - pe) / (1 - pe);
    const contributions = paItem.map((p, i) => (p - pe) / (1 - pe) - (2 * (1 - value) * (peItem(i) - pe)) / (1 - pe));
    return estimate(value, contributions, weights, t);
  };
  const peFleiss = pi.reduce((s, p) => s + p * p, 0);
  const sq = (k: number): number => pgk.reduce((s, row) => s + ((row[k] ?? 0) - (pMean[k] ?? 0)) ** 2, 0) / (r - 1);
  const peConger = pMean.reduce((s, p, k) => s + p * p - sq(k) / r, 0);
  const peAC1 = q < 2 ? 1 : pi.reduce((s, p) => s + p * (1 - p), 0) / (q - 1);
  const peBP = q < 2 ? 1 : 1 / q;
  const share = (i: number, k: number): number => (counts[i]?.[k] ?? 0) / r;
  return {
    percentAgreement: estimate(pa, paItem, weights, t),
    fleissKappa: chance(peFleiss, (i) => pi.reduce((s, p, k) => s + share(i, k) * p, 0)),
    congerKappa: chance(peConger, (i) => {
      // irrCAC's λ_ig with complete data: Σ_g (r p̄_k(ig) − p_g,k(ig)) / (r (r − 1))
      const row = labels[i] ?? [];
      return row.reduce((s, k, g) => s + r * (pMean[k] ?? 0) - (pgk[g]?.[k] ?? 0), 0) / (r * (r - 1));
    }),
    gwetAC1: chance(peAC1, (i) => pi.reduce((s, p, k) => s + share(i, k) * (1 - p), 0) / (q - 1)),
    // BP's chance term does not depend on the data, so an item's contribution has no pe part
    brennanPrediger: chance(peBP, () => peBP),
  };
}
