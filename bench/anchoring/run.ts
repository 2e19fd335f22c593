/**
 * The anchoring benchmark's run: every kind of edit in every script with ours and the baseline side by side,
 * the speed cases, and the targets checked. Shared by the script (bench/anchoring.bench.ts) and the smoke
 * test in the unit suite, which runs it small so that it cannot rot.
 */
import { reanchorEach } from '../../src/core/anchoring';
import { matchQuote } from './hypothesisMatchQuote';
import { SCRIPTS } from './documents';
import { emptyTally, score, type Tally } from './evaluate';
import { KINDS, makeCase, manyAnnotations, type Kind } from './generator';

/** Cases per kind, as in issue 18's measurement (a multiple of three: one third per script). */
const DEFAULT_N: Record<Kind, number> = {
  'insertions and deletions elsewhere': 90,
  '1-3 characters changed inside the quote': 60,
  'quote deleted, a look-alike elsewhere': 60,
  'look-alike with the same prefix and suffix': 60,
  'exact copy with full context elsewhere, original context edited': 60,
  'paragraph rewrapped': 60,
  '10-40 random edits at once': 96,
};

export interface BenchOptions {
  /** Cases per kind instead of the defaults (rounded up to a multiple of three). */
  perKind?: number | undefined;
  /** Annotation counts of the speed cases (default 1,000 and 10,000). */
  speedSizes?: readonly number[];
  log: (line: string) => void;
}

export interface BenchReport {
  tallies: Map<Kind, Tally>;
  passed: number;
  failed: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

interface SpeedResult {
  n: number;
  ms: number;
  moved: number;
  ambiguous: number;
  baselineMs: number | undefined;
  baselineRight: number;
}

function speed(n: number): SpeedResult {
  const { after, annotations } = manyAnnotations(n, 0xa11 + n);
  const times: number[] = [];
  let results = reanchorEach(annotations, after);
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    results = reanchorEach(annotations, after);
    times.push(performance.now() - t0);
  }
  const moved = results.filter(
    (r, i) =>
      r.outcome === 'moved' &&
      r.annotation.start === (annotations[i]?.start ?? -2) + 1 &&
      r.annotation.status === undefined,
  ).length;
  const ambiguous = results.filter((r) => r.outcome === 'ambiguous').length;
  // The baseline is timed on up to 1,000 annotations (it takes seconds beyond that).
  let baselineMs: number | undefined;
  let baselineRight = 0;
  if (n <= 1000) {
    const t0 = performance.now();
    for (const a of annotations) {
      const m = matchQuote(after, a.quote, { prefix: a.prefix, suffix: a.suffix, hint: a.start });
      if (m && m.start === a.start + 1 && m.end === a.end + 1) baselineRight++;
    }
    baselineMs = performance.now() - t0;
  }
  return { n, ms: median(times), moved, ambiguous, baselineMs, baselineRight };
}

function pad(s: string | number, w: number): string {
  const str = String(s);
  return str.length >= w ? str : str + ' '.repeat(w - str.length);
}

export function runAnchoringBench(options: BenchOptions): BenchReport {
  const { log } = options;
  const tallies = new Map<Kind, Tally>();
  let seed = 1;
  for (const kind of KINDS) {
    const t = emptyTally();
    const n = Math.ceil((options.perKind ?? DEFAULT_N[kind]) / SCRIPTS.length);
    for (const script of SCRIPTS) for (let i = 0; i < n; i++) score(makeCase(kind, script, seed++), t);
    tallies.set(kind, t);
  }
  log(
    'kind of edit | n | ours: right (exact or flagged at the right place) / silently wrong / orphaned though still there / flagged | Hypothesis matchQuote port: correct / silently wrong',
  );
  for (const [kind, t] of tallies) {
    log(
      `${pad(kind, 66)} | ${pad(t.n, 3)} | ${t.oursRight} / ${t.oursSilentlyWrong} / ${t.oursOrphanedStillThere} / ${t.oursFlagged} | ${t.baselineCorrect} / ${t.baselineSilentlyWrong}`,
    );
  }
  const checks: [string, boolean][] = [];
  const total = (f: (t: Tally) => number): number => [...tallies.values()].reduce((s, t) => s + f(t), 0);
  checks.push([
    `no silent misplacement (${total((t) => t.oursSilentlyWrong)})`,
    total((t) => t.oursSilentlyWrong) === 0,
  ]);
  checks.push([
    `nothing orphaned whose text is still there (${total((t) => t.oursOrphanedStillThere)})`,
    total((t) => t.oursOrphanedStillThere) === 0,
  ]);
  for (const [kind, t] of tallies)
    checks.push([
      `${kind}: ours right ${t.oursRight} >= baseline correct ${t.baselineCorrect}`,
      t.oursRight >= t.baselineCorrect,
    ]);
  const intact = total((t) => t.intactUnique);
  const needless = total((t) => t.needlessReviews);
  const share = intact === 0 ? 0 : needless / intact;
  checks.push([
    `needless reviews of intact unique quotes ${needless}/${intact} = ${(100 * share).toFixed(1)} % < 5 %`,
    share < 0.05,
  ]);
  for (const n of options.speedSizes ?? [1000, 10000]) {
    const s = speed(n);
    const base = s.baselineMs === undefined ? 'not timed' : `${s.baselineMs.toFixed(0)} ms, ${s.baselineRight} right`;
    log(
      `${n} annotations after a 1-character insert at the top: ours ${s.ms.toFixed(1)} ms, ${s.moved} moved, ${s.ambiguous} ambiguous | baseline ${base}`,
    );
    const limit = n <= 1000 ? 50 : 300;
    checks.push([
      `${n} annotations re-anchored in ${s.ms.toFixed(1)} ms < ${limit} ms, all moved (${s.moved}), none ambiguous (${s.ambiguous})`,
      s.ms < limit && s.moved === n && s.ambiguous === 0,
    ]);
  }
  for (const [label, ok] of checks) log(`${ok ? 'pass' : 'FAIL'}  ${label}`);
  const passed = checks.filter(([, ok]) => ok).length;
  return { tallies, passed, failed: checks.length - passed };
}
