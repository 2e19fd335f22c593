/**
 * Matcher benchmark (a script, not a test): `npm run bench`. Issue 10, target 1: a full scan runs at ≥ 0.5× a
 * bare JavaScript loop that reads every code unit of the same text, at 50, 500 and 5,000 terms on 1 MB and
 * 10 MB of multilingual text (English, Russian, Chinese, cue terms sprinkled in); and ≥ 50× one RegExp per term
 * at 500 terms, ≥ 500× at 5,000 (the RegExps run on a slice, since they crawl). ripgrep (`rg -F -i`) is timed
 * as an outside reference when it is installed; it is not a target (it is native code with SIMD literal search).
 * Everything is generated from a seeded PRNG, so runs are comparable; medians of repeated runs. Context lines
 * (not targets): the shipped codebook on the same text, and the general scanner alone (scanner.ts, what find()
 * ran before the full scan of fullScan.ts) timed in the same run.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { matcherTerms, parseCodebookBytes, type TermPattern } from '../src/core/codebook';
import { Matcher, type MatcherTerm } from '../src/core/matcher';
import { codebook, makeText, time } from './fixtures';
import { isMain, Report } from './report';

const ESCAPE = /[.*+?^${}()|[\]\\/-]/g;
const BOUNDARY = '(?<![\\p{L}\\p{N}\\p{M}])';
/** A RegExp body of roughly the matcher's semantics, for the baseline (no ß→ss, no soft hyphens: a yardstick). */
function regexBody(p: TermPattern): string {
  const words = p.words.map((w) => w.text.replace(ESCAPE, '\\$&') + (w.anyEnding ? '[\\p{L}\\p{N}\\p{M}]*' : ''));
  return words.join('[\\s\\-\\u2010-\\u2013]+');
}

const mbps = (chars: number, ms: number): number => chars / 1e6 / (ms / 1000);

/** MB/s of a loop that only reads every code unit: the yardstick of this machine, in this run. */
export function bareLoopSpeed(text: string, runs: number): number {
  return mbps(
    text.length,
    time(runs, () => {
      let sum = 0;
      for (let i = 0; i < text.length; i++) sum += text.charCodeAt(i);
      return sum;
    }),
  );
}

/** ripgrep's MB/s over the same text with the terms as fixed strings, or undefined when rg is not installed. */
function ripgrepSpeed(text: string, terms: readonly MatcherTerm[]): number | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'sovcode-bench-'));
  try {
    writeFileSync(join(dir, 'text.txt'), text);
    writeFileSync(join(dir, 'terms.txt'), terms.map((t) => t.pattern.words.map((w) => w.text).join(' ')).join('\n'));
    const run = (): void => {
      execFileSync('rg', ['-F', '-i', '-c', '-f', join(dir, 'terms.txt'), join(dir, 'text.txt')], {
        stdio: ['ignore', 'ignore', 'ignore'],
      });
    };
    try {
      run();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
    return mbps(Buffer.byteLength(text), time(3, run, 'wall'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The shipped codebook's terms (418 cues over 12 frames), read from the repository: a real codebook beside the generated ones. */
function shippedTerms(): MatcherTerm[] {
  const path = join(__dirname, '..', '..', 'codebook', 'sovereignty.yaml');
  const { codebook } = parseCodebookBytes(readFileSync(path), path);
  if (!codebook) throw new Error(`the shipped codebook ${path} does not load`);
  return matcherTerms(codebook);
}

/**
 * The general scanner alone on the same text (what find() ran before the full scan, fullScan.ts), and the
 * shipped codebook: context lines, so that each figure can be read against the scanner it replaced.
 */
function contextNotes(
  text: string,
  terms: readonly MatcherTerm[],
  label: string,
  fullSpeed: number,
  runs: number,
  report: Report,
): void {
  const m = Matcher.compile(terms);
  const general = mbps(
    text.length,
    time(runs, () => m.findByScanner(text).length),
  );
  report.note(
    `${label}: general scanner alone ${general.toFixed(0)} MB/s, the full scan ${(fullSpeed / general).toFixed(2)}× of it`,
  );
}

export interface MatcherBenchSizes {
  texts: readonly number[];
  termCounts: readonly number[];
  /** Chars of the slice the one-RegExp-per-term baseline scans, per term count. */
  regexSlice: (terms: number) => number;
  runs: number;
}

export function runMatcherBench(sizes: MatcherBenchSizes, report: Report): void {
  const big = makeText(Math.max(...sizes.texts));
  for (const size of sizes.texts) {
    const text = big.slice(0, size);
    const bare = bareLoopSpeed(text, sizes.runs);
    report.note(`text ${(text.length / 1e6).toFixed(2)} M units: bare loop ${bare.toFixed(0)} MB/s`);
    const shipped = shippedTerms();
    const ms = Matcher.compile(shipped);
    const shippedSpeed = mbps(
      text.length,
      time(sizes.runs, () => ms.find(text).length),
    );
    report.note(
      `shipped codebook (${shipped.length} terms): find() ${shippedSpeed.toFixed(0)} MB/s, ${(shippedSpeed / bare).toFixed(2)}× the bare loop`,
    );
    contextNotes(text, shipped, 'shipped codebook', shippedSpeed, sizes.runs, report);
    for (const n of sizes.termCounts) {
      const terms = codebook(n);
      const m = Matcher.compile(terms);
      let matches = 0;
      const speed = mbps(
        text.length,
        time(sizes.runs, () => (matches = m.find(text).length)),
      );
      contextNotes(text, terms, `${n} terms`, speed, sizes.runs, report);
      report.add({
        name: `find() ${n} terms, ${(text.length / 1e6).toFixed(0)} MB (${matches} matches)`,
        value: speed,
        unit: 'MB/s',
        better: 'higher',
        baseline: { name: 'bare loop', value: bare },
        target: { text: '≥ 0.5× the bare loop', pass: (r) => r >= 0.5, onRatio: true },
      });
      const rg = size === Math.max(...sizes.texts) ? ripgrepSpeed(text, terms) : undefined;
      if (rg !== undefined)
        report.note(
          `outside reference: rg -F -i ${rg.toFixed(0)} MB/s wall (matcher ${(speed / rg).toFixed(2)}× of it)`,
        );
      const goal = n >= 5000 ? 500 : n >= 500 ? 50 : 0;
      if (goal === 0 || size !== Math.min(...sizes.texts)) continue;
      const slice = text.slice(0, sizes.regexSlice(n));
      const perTerm = terms.map((t) => new RegExp(BOUNDARY + regexBody(t.pattern), 'giu'));
      const regex = mbps(
        slice.length,
        time(1, () => perTerm.reduce((k, re) => k + (slice.match(re)?.length ?? 0), 0)),
      );
      report.add({
        name: `find() ${n} terms against one RegExp per term`,
        value: speed,
        unit: 'MB/s',
        better: 'higher',
        baseline: { name: `RegExp per term on ${(slice.length / 1000).toFixed(0)} kB`, value: regex },
        target: { text: `≥ ${goal}×`, pass: (r) => r >= goal, onRatio: true },
      });
    }
  }
}

if (isMain(module)) {
  const report = new Report();
  runMatcherBench(
    {
      texts: [1_000_000, 10_000_000],
      termCounts: [50, 500, 5000],
      regexSlice: (n) => (n >= 5000 ? 50_000 : 200_000),
      runs: 5,
    },
    report,
  );
  process.exitCode = report.finish() > 0 ? 1 : 0;
}
