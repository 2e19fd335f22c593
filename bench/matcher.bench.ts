/**
 * Matcher benchmark (a script, not a test): `npx tsc -p . && node out/bench/matcher.bench.js`.
 *
 * Builds a ~10 MB synthetic multilingual text (English, Russian, Chinese, with cue terms sprinkled in) and
 * codebooks of 50 and 5,000 terms, then prints medians: compile time, find() throughput, findInRange on one line,
 * and two RegExp baselines measured in the same run on a smaller slice (one RegExp per term, and one alternation).
 * The whole script takes about a minute, most of it in the RegExp baselines for 5,000 terms.
 * Everything is generated from a seeded PRNG, so runs are comparable; no files are read.
 */
import { Matcher } from '../src/core/matcher';
import type { TermPattern } from '../src/core/codebook';
import { codebook, makeText, time } from './fixtures';

const ESCAPE = /[.*+?^${}()|[\]\\/-]/g;
const BOUNDARY = '(?<![\\p{L}\\p{N}\\p{M}])';
/** A RegExp body of roughly the matcher's semantics, for the baseline (no ß→ss, no soft hyphens: a yardstick). */
function regexBody(p: TermPattern): string {
  const words = p.words.map((w) => w.text.replace(ESCAPE, '\\$&') + (w.anyEnding ? '[\\p{L}\\p{N}\\p{M}]*' : ''));
  return words.join('[\\s\\-\\u2010-\\u2013]+');
}

const mb = (chars: number, ms: number): number => chars / 1e6 / (ms / 1000);

function main(): void {
  const t0 = Date.now();
  const text = makeText(10_000_000);
  const small = text.slice(0, 1_000_000);
  console.log(`text: ${(text.length / 1e6).toFixed(1)} M UTF-16 units, generated in ${Date.now() - t0} ms`);
  // Yardstick for this machine: a loop that only reads every code unit.
  const readMs = time(5, () => {
    let sum = 0;
    for (let i = 0; i < text.length; i++) sum += text.charCodeAt(i);
    return sum;
  });
  console.log(`reading every code unit (no work): ${mb(text.length, readMs).toFixed(0)} MB/s`);
  const rows: string[][] = [['measure', '50 terms', '5,000 terms']];
  const perSize = [50, 5000].map((n) => {
    const terms = codebook(n);
    const compileMs = time(5, () => Matcher.compile(terms));
    const m = Matcher.compile(terms);
    let matches = 0;
    const findMs = time(5, () => (matches = m.find(text).length));
    const mid = text.indexOf('\n', text.length >> 1) + 1;
    const lineEnd = text.indexOf('\n', mid);
    const rangeUs = time(2001, () => m.findInRange(text, mid, lineEnd)) * 1000;
    const smallMid = small.indexOf('\n', small.length >> 1) + 1;
    const rangeSmallUs = time(2001, () => m.findInRange(small, smallMid, small.indexOf('\n', smallMid))) * 1000;
    // RegExp alternations of thousands of terms crawl (about 5 kB/s here), hence the small slices.
    const sliceLen = n === 50 ? 200_000 : 20_000;
    const slice = text.slice(0, sliceLen);
    const perTerm = terms.map((t) => new RegExp(BOUNDARY + regexBody(t.pattern), 'giu'));
    const perTermMs = time(3, () => perTerm.reduce((k, re) => k + (slice.match(re)?.length ?? 0), 0));
    // The boundary is hoisted out of the alternation: inside each alternative it makes RegExp 2–3x slower still.
    const alternation = new RegExp(`${BOUNDARY}(?:${terms.map((t) => regexBody(t.pattern)).join('|')})`, 'giu');
    const altMs = time(3, () => slice.match(alternation)?.length ?? 0);
    const speed = mb(text.length, findMs);
    const states = `${m.stats.states} (${m.stats.denseStates})`;
    return { compileMs, findMs, speed, matches, states, rangeUs, rangeSmallUs, perTerm: mb(sliceLen, perTermMs), alt: mb(sliceLen, altMs), sliceLen };
  });
  const [a, b] = perSize as [(typeof perSize)[0], (typeof perSize)[0]];
  const both = (f: (r: typeof a) => string): string[] => [f(a), f(b)];
  rows.push(['compile (ms)', ...both((r) => r.compileMs.toFixed(1))]);
  rows.push(['find() 10 MB (ms)', ...both((r) => r.findMs.toFixed(0))]);
  rows.push(['find() MB/s', ...both((r) => r.speed.toFixed(1))]);
  rows.push(['matches in 10 MB', ...both((r) => String(r.matches))]);
  rows.push(['automaton states (dense rows)', ...both((r) => r.states)]);
  rows.push(['findInRange 1 line, 10 MB text (µs)', ...both((r) => r.rangeUs.toFixed(1))]);
  rows.push(['findInRange 1 line, 1 MB text (µs)', ...both((r) => r.rangeSmallUs.toFixed(1))]);
  rows.push(['RegExp per term MB/s (slice)', ...both((r) => `${r.perTerm.toFixed(2)} (${r.sliceLen / 1000} kB)`)]);
  rows.push(['RegExp alternation MB/s (slice)', ...both((r) => `${r.alt.toFixed(2)} (${r.sliceLen / 1000} kB)`)]);
  rows.push(['matcher / RegExp per term', ...both((r) => `${(r.speed / r.perTerm).toFixed(1)}x`)]);
  rows.push(['matcher / RegExp alternation', ...both((r) => `${(r.speed / r.alt).toFixed(1)}x`)]);
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c]).length))) ?? [];
  for (const r of rows) console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
  console.log('medians: compile and find of 5 runs, findInRange of 2,001 runs, RegExp of 3 runs');
}

main();
