/**
 * The coincidence form of unitizing alpha (Krippendorff, Mathet, Bouvry & Widlöcher 2016, "On the reliability of
 * unitizing textual continua: Further developments", Quality & Quantity 50: 2347–2364; Krippendorff 2019,
 * Content Analysis, 4th ed., §12.6), which replaced the 2004 form because that one misbehaves with more than two
 * coders:
 *
 * - observed coincidences l_ck = 1/(m − 1) Σ_i Σ_{j≠i} Σ_g Σ_h |s_ig ∩ s_jh| over the segments s_ig of value c
 *   of coder i and s_jh of value k of coder j (the gap is a value too);
 * - expected coincidences e_ck = l.. (l_c. l_.k − [c = k] S_c) / (l..² − Σ_c S_c), where S_c, the pairs a value
 *   cannot form with a copy of itself, is Σ l² over the units of value c (a unit is indivisible) and Σ l over the
 *   gaps (a gap is any number of single characters). With units of one character this is Krippendorff's
 *   e_ck = n_c (n_k − [c = k]) / (n.. − 1), the ordinary alpha of the characters;
 * - α = 1 − Σ_{c≠k} l_ck / Σ_{c≠k} e_ck, or collapsed into groups of values (|uα: gap vs any unit).
 *
 * The coding table restricts both to the units (no gap) for cuα/Cuα: a coder's unit then counts only where
 * another coder has a unit too, so each character of it weighs (the number of other coders with a unit there)
 * / (m − 1), and an indivisible unit's S term is the square of its weight.
 */
import type { Segment } from './continuum';

/** Coincidences of values (index 0 is the gap), summed over texts; sparse, as most combinations never meet. */
export interface CoincidenceTable {
  values: (string | undefined)[];
  /** observed.get(c)?.get(k): l_ck. */
  observed: Map<number, Map<number, number>>;
  /** S_c per value: the self-pairs that chance cannot form. */
  selfPairs: number[];
  index: Map<string | undefined, number>;
}

function emptyTable(): CoincidenceTable {
  return { values: [undefined], observed: new Map(), selfPairs: [0], index: new Map([[undefined, 0]]) };
}

function indexOf(t: CoincidenceTable, value: string | undefined): number {
  const at = t.index.get(value);
  if (at !== undefined) return at;
  t.values.push(value);
  t.selfPairs.push(0);
  t.index.set(value, t.values.length - 1);
  return t.values.length - 1;
}

function addObserved(t: CoincidenceTable, c: number, k: number, pairs: number): void {
  let row = t.observed.get(c);
  if (!row) t.observed.set(c, (row = new Map<number, number>()));
  row.set(k, (row.get(k) ?? 0) + pairs);
}

/** Both tables of a set of texts; `texts[t][coder]` is that coder's partition of text t. */
export function coincidenceTables(texts: readonly (readonly Segment[][])[]): {
  full: CoincidenceTable;
  coding: CoincidenceTable;
} {
  const full = emptyTable();
  const coding = emptyTable();
  for (const partitions of texts) addText(full, coding, partitions);
  return { full, coding };
}

function addText(full: CoincidenceTable, coding: CoincidenceTable, partitions: readonly Segment[][]): void {
  const m = partitions.length;
  if (m < 2) return;
  const cuts = [...new Set(partitions.flatMap((p) => p.flatMap((s) => [s.start, s.end])))].sort((a, b) => a - b);
  const at = partitions.map(() => 0);
  // each unit's weight in the coding table, summed over the elementary runs it spans
  const weights = partitions.map((p) => p.map(() => 0));
  for (let r = 0; r + 1 < cuts.length; r++) {
    const [start, end] = [cuts[r] ?? 0, cuts[r + 1] ?? 0];
    const length = end - start;
    const here = partitions.map((p, i) => {
      let g = at[i] ?? 0;
      while ((p[g]?.end ?? Infinity) <= start) g++;
      at[i] = g;
      return p[g];
    });
    const counts = new Map<string | undefined, number>();
    for (const s of here) counts.set(s?.value, (counts.get(s?.value) ?? 0) + 1);
    const units = here.filter((s) => s?.value !== undefined).length;
    for (const [c, nc] of counts)
      for (const [k, nk] of counts) {
        const pairs = (nc * (nk - (c === k ? 1 : 0)) * length) / (m - 1);
        if (pairs === 0) continue;
        addObserved(full, indexOf(full, c), indexOf(full, k), pairs);
        if (c !== undefined && k !== undefined) addObserved(coding, indexOf(coding, c), indexOf(coding, k), pairs);
      }
    here.forEach((s, i) => {
      const list = weights[i];
      if (s?.value !== undefined && list) list[at[i] ?? 0] = (list[at[i] ?? 0] ?? 0) + ((units - 1) * length) / (m - 1);
    });
  }
  partitions.forEach((p, i) =>
    p.forEach((s, g) => {
      const length = s.end - s.start;
      const fi = indexOf(full, s.value);
      full.selfPairs[fi] = (full.selfPairs[fi] ?? 0) + (s.value === undefined ? length : length * length);
      const w = weights[i]?.[g] ?? 0;
      if (s.value !== undefined && w > 0) {
        const ci = indexOf(coding, s.value);
        coding.selfPairs[ci] = (coding.selfPairs[ci] ?? 0) + w * w;
      }
    }),
  );
}

/** Observed and expected disagreement (per pairable value) and their alpha, undefined when nothing varies. */
export interface Disagreement {
  observed: number;
  expected: number;
  alpha: number | undefined;
}

/**
 * The disagreements of a table: values in the same `group` do not disagree (|uα groups the frames into one);
 * only the values `include` keeps count (the coding table leaves out the gap).
 */
export function disagreement(
  t: CoincidenceTable,
  group: (value: string | undefined) => string = (v) => v ?? '',
  include: (value: string | undefined) => boolean = () => true,
): Disagreement {
  // a value's group once, not once per pair: with many combinations of frames the pairs are many
  const groups = t.values.map((v) => group(v));
  const kept = t.values.map((v) => include(v));
  const marginals = t.values.map(() => 0);
  let observed = 0;
  for (const [c, row] of t.observed)
    for (const [k, pairs] of row) {
      if (!kept[c] || !kept[k]) continue;
      marginals[c] = (marginals[c] ?? 0) + pairs;
      if (groups[c] !== groups[k]) observed += pairs;
    }
  let total = 0;
  let self = 0;
  const byGroup = new Map<string, number>();
  t.values.forEach((_, c) => {
    if (!kept[c]) return;
    total += marginals[c] ?? 0;
    self += t.selfPairs[c] ?? 0;
    const g = groups[c] ?? '';
    byGroup.set(g, (byGroup.get(g) ?? 0) + (marginals[c] ?? 0));
  });
  // Σ_{c, k in different groups} l_c. l_.k = l..² − Σ_groups (Σ_{c in group} l_c.)²; the self-pair term of e_ck
  // only enters where c = k, always within one group
  let sameGroup = 0;
  for (const n of byGroup.values()) sameGroup += n * n;
  const denominator = total * total - self;
  const expected = denominator > 0 ? (total * (total * total - sameGroup)) / denominator : 0;
  const scale = total > 0 ? total : 1;
  return {
    observed: observed / scale,
    expected: expected / scale,
    alpha: expected > 1e-12 * scale ? 1 - observed / expected : undefined,
  };
}
