/**
 * Krippendorff's bootstrap of nominal alpha (Krippendorff, "Algorithm for bootstrapping a distribution of α",
 * 2006, rev. 2011; used by Hayes & Krippendorff's KALPHA macro, Communication Methods and Measures 1(1), 2007):
 * each resample draws M pairs of values, with replacement, from the observed coincidences, where M is the number
 * of pairs of values in the data (Σ_u m_u (m_u − 1) / 2); its observed disagreement over the original expected
 * disagreement De gives α* = 1 − D*o / De. For nominal data a drawn pair disagrees with probability Do, so the
 * number of disagreeing draws of a resample is Binomial(M, Do) and is drawn as such (exactly, not pair by pair).
 * The interval is the 2.5th and 97.5th percentile of 1000 resamples from a fixed seed, so the same data always
 * give the same interval; with it, the share of resamples below Krippendorff's thresholds 0.667 and 0.8.
 */
import { binomialDraw, seededRandom } from './distributions';

export interface AlphaBootstrap {
  low: number;
  high: number;
  resamples: number;
  seed: number;
  /** Share of resamples with α* below 0.667 and below 0.8: the chance of failing to reach each threshold. */
  belowTentative: number;
  belowReliable: number;
}

export const BOOTSTRAP_RESAMPLES = 1000;
export const BOOTSTRAP_SEED = 20070101;

/**
 * `pairs`: M; `observedDisagreement`: Do (the share of disagreeing pairs in the coincidences); `expected`: De.
 * Undefined when alpha is (De = 0) or when there are no pairs.
 */
export function bootstrapAlpha(
  pairs: number,
  observedDisagreement: number,
  expected: number,
  resamples = BOOTSTRAP_RESAMPLES,
  seed = BOOTSTRAP_SEED,
): AlphaBootstrap | undefined {
  if (expected <= 0 || pairs < 1) return undefined;
  const random = seededRandom(seed);
  const values: number[] = [];
  for (let x = 0; x < resamples; x++) {
    const disagreeing = binomialDraw(pairs, observedDisagreement, random);
    values.push(1 - disagreeing / pairs / expected);
  }
  values.sort((a, b) => a - b);
  const at = (p: number): number => values[Math.min(resamples - 1, Math.max(0, Math.round(p * (resamples - 1))))] ?? 0;
  const share = (threshold: number): number => values.filter((v) => v < threshold).length / resamples;
  return {
    low: at(0.025),
    high: at(0.975),
    resamples,
    seed,
    belowTentative: share(0.667),
    belowReliable: share(0.8),
  };
}
