/**
 * How every benchmark reports: each figure next to its baseline from the same run and the ratio, then a verdict
 * against issue 10's target, and a final `N passed, N failed` line. Figures are medians or p95s of repeated
 * runs, because the machine is shared and noisy; a benchmark's exit code is 1 when a target failed.
 */
import { availableParallelism, loadavg } from 'node:os';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** Times are better lower, throughputs higher: the ratio printed is always "times better than the baseline". */
  better: 'lower' | 'higher';
  /** The same work done the naive way in the same run, when there is one. */
  baseline?: { name: string; value: number };
  /** The target, as a test of the value (or of the ratio to the baseline when `onRatio`). */
  target: { text: string; pass: (value: number) => boolean; onRatio?: boolean };
}

export class Report {
  private readonly verdicts: boolean[] = [];

  /** `clocks` says how the figures are timed (see Clock); the editor bench, whose latencies are wall time, says so. */
  constructor(
    private readonly print: (line: string) => void = console.log,
    clocks = 'times are CPU time unless marked wall',
  ) {
    // A shared machine: say how busy it was, and how the figures are timed.
    this.note(
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${availableParallelism()} cores; Node ${process.version}; ${clocks}`,
    );
  }

  add(f: Figure): void {
    const ratio = f.baseline
      ? f.better === 'lower'
        ? f.baseline.value / f.value
        : f.value / f.baseline.value
      : undefined;
    const tested = f.target.onRatio ? ratio : f.value;
    const ok = tested !== undefined && Number.isFinite(tested) && f.target.pass(tested);
    const base = f.baseline
      ? `  baseline ${f.baseline.name}: ${fmt(f.baseline.value)} ${f.unit}  ratio ${fmt(ratio ?? NaN)}x`
      : '';
    this.print(`${ok ? 'PASS' : 'FAIL'}  ${f.name}: ${fmt(f.value)} ${f.unit}${base}  (target ${f.target.text})`);
    this.verdicts.push(ok);
  }

  /** A line of context (sizes, counts) that is not a target. */
  note(line: string): void {
    this.print(`      ${line}`);
  }

  /** Prints `N passed, N failed` and returns the number failed. */
  finish(): number {
    const failed = this.verdicts.filter((v) => !v).length;
    this.print(`${this.verdicts.length - failed} passed, ${failed} failed`);
    return failed;
  }
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  return a >= 100 ? x.toFixed(0) : a >= 1 ? x.toFixed(2) : x.toFixed(4);
}

/** The q-quantile (0..1) of the samples: median at 0.5, p95 at 0.95. */
export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

/** Milliseconds since `t0` (from process.hrtime.bigint()). */
export function msSince(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/**
 * How a figure is timed. `cpu`: this process's CPU time (user + system, all its threads), the default. On a
 * shared machine wall time also counts the time spent waiting for a core (at load 20 on 2 cores, several times
 * the work itself), while CPU time is the work: what a quiet machine's wall clock shows for synchronous code,
 * and never less than the main thread's share, since GC helper threads count too. `wall`: for work done in
 * another process (ripgrep), which this process's CPU time does not see.
 */
export type Clock = 'cpu' | 'wall';

/** Starts a clock; the function returned gives the milliseconds since. */
export function stopwatch(clock: Clock = 'cpu'): () => number {
  if (clock === 'wall') {
    const t0 = process.hrtime.bigint();
    return () => msSince(t0);
  }
  const t0 = process.cpuUsage();
  return () => {
    const d = process.cpuUsage(t0);
    return (d.user + d.system) / 1000;
  };
}

/** True when the bench was started as a script (not imported by the smoke test). */
export function isMain(mod: NodeJS.Module): boolean {
  return require.main === mod;
}
