/**
 * Krippendorff's unitizing alpha in the form of Krippendorff (1995), "On the reliability of unitizing continuous
 * data", Sociological Methodology 25: 47–76, as corrected in Krippendorff (2004), Content Analysis, 2nd ed.,
 * §12.4: for a category c, each coder's continuum is cut into units of c (w = 1) and gaps (w = 0), and
 *
 * - the difference of two intersecting segments of coders i ≠ j is δ² = (b_i − b_j)² + (e_i − e_j)² when both
 *   are units (their beginnings and ends apart), l² when a unit of length l lies inside the other's gap, else 0;
 * - uD_o = Σ_i Σ_{j≠i} Σ_g Σ_h δ²(s_ig, s_jh) / (m (m − 1) L²), over a continuum of length L;
 * - uD_e = (2/L) Σ_units [ (N_c − 1)(2l³ − 3l² + l)/3 + l² Σ_{gaps h, l_h ≥ l} (l_h − l + 1) ]
 *          / [ mL(mL − 1) − Σ_units l(l − 1) ], with N_c the number of units of c of all coders and the gaps of
 *   every coder;
 * - uα_c = 1 − uD_o / uD_e, and over categories uα = 1 − Σ_c uD_oc / Σ_c uD_ec.
 *
 * The unit tests reproduce Krippendorff's published examples with it (1995, p. 57; 2004, p. 254). Several texts
 * are one continuum: their sums of δ² and their units and gaps are pooled, and no segment crosses a text's end.
 */
import type { Disagreement } from './coincidences';
import type { Segment } from './continuum';

/** δ² of two segments of different coders (Krippendorff 2004, p. 252): 0 unless they intersect. */
export function segmentDifference(g: Segment, h: Segment): number {
  if (g.start >= h.end || h.start >= g.end) return 0;
  if (g.value !== undefined && h.value !== undefined) return (g.start - h.start) ** 2 + (g.end - h.end) ** 2;
  if (g.value !== undefined && h.start <= g.start && g.end <= h.end) return (g.end - g.start) ** 2;
  if (h.value !== undefined && g.start <= h.start && h.end <= g.end) return (h.end - h.start) ** 2;
  return 0;
}

/** Σ δ² over the intersecting segments of two partitions of the same text (each pair once). */
function sumOfDifferences(a: readonly Segment[], b: readonly Segment[]): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [g, h] = [a[i], b[j]];
    if (!g || !h) break;
    sum += segmentDifference(g, h);
    if (g.end <= h.end) i++;
    if (h.end <= g.end) j++;
  }
  return sum;
}

/**
 * The 1995/2004 figures of one category; `texts[t][coder]` is that coder's partition of text t into units of
 * the category and gaps, `coders` the number of coders m.
 */
export function positionalDisagreement(texts: readonly (readonly Segment[][])[], coders: number): Disagreement {
  let differences = 0;
  let length = 0;
  const units: number[] = [];
  const gaps: number[] = [];
  for (const partitions of texts) {
    length += partitions[0]?.reduce((n, s) => Math.max(n, s.end), 0) ?? 0;
    for (let i = 0; i < partitions.length; i++) {
      for (const s of partitions[i] ?? []) (s.value === undefined ? gaps : units).push(s.end - s.start);
      for (let j = i + 1; j < partitions.length; j++)
        differences += 2 * sumOfDifferences(partitions[i] ?? [], partitions[j] ?? []);
    }
  }
  const m = coders;
  if (length === 0 || m < 2) return { observed: 0, expected: 0, alpha: undefined };
  const observed = differences / (m * (m - 1) * length * length);
  // Σ over gaps at least l long of (l_h − l + 1): from the sorted gaps and their suffix sums
  const sorted = [...gaps].sort((a, b) => a - b);
  const suffix = new Array<number>(sorted.length + 1).fill(0);
  for (let k = sorted.length - 1; k >= 0; k--) suffix[k] = (suffix[k + 1] ?? 0) + (sorted[k] ?? 0);
  const firstAtLeast = (l: number): number => {
    let [lo, hi] = [0, sorted.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] ?? 0) < l) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const n = units.length;
  let numerator = 0;
  let selfPairs = 0;
  for (const l of units) {
    const k = firstAtLeast(l);
    const fitting = (suffix[k] ?? 0) - (l - 1) * (sorted.length - k);
    numerator += ((n - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l * l * fitting;
    selfPairs += l * (l - 1);
  }
  const denominator = m * length * (m * length - 1) - selfPairs;
  const expected = denominator > 0 ? ((2 / length) * numerator) / denominator : 0;
  return { observed, expected, alpha: expected > 0 ? 1 - observed / expected : undefined };
}
