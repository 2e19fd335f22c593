/**
 * Matcher benchmark (a script, not a test): `npx tsc -p . && node out/bench/matcher.bench.js`.
 *
 * Builds a ~10 MB synthetic multilingual text (English, Russian, Chinese, with cue terms sprinkled in) and
 * codebooks of 50 and 5,000 terms, then prints medians: compile time, find() throughput, findInRange on one line,
 * and two RegExp baselines measured in the same run on a smaller slice (one RegExp per term, and one alternation).
 * The whole script takes about a minute, most of it in the RegExp baselines for 5,000 terms.
 * Everything is generated from a seeded PRNG, so runs are comparable; no files are read.
 */
import { Matcher, type MatcherTerm } from '../src/core/matcher';
import { parseTerm, type TermPattern } from '../src/core/termSyntax';

let seed = 0x5eed;
function rnd(): number {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 0x100000000;
}
function pick<T>(xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)];
}

const EN = 'the of and to in a is that for on as with by state policy data power global network technology security governance national digital order world control infrastructure model rules platform market public strategy'.split(' ');
const RU = 'и в на государство политика данных сеть безопасность контроль развитие технологии пространство страны управление мировой порядок'.split(' ');
const ZH = '我们的国家发展安全数据网络技术治理全球平台战略基础设施模式规则市场公共和在是'.split('');
const CUES = [
  'cyber sovereignty', 'Digital Sovereignty', 'sovereign internet law', 'data localisation', 'techno-nationalism',
  'AI arms race', 'Global South', 'digital colonialism', 'цифровым суверенитетом', 'суверенного интернета',
  '网络主权', '人工智能主权', 'sovereign AI', 'splinternet', 'the Great Firewall', 'import substitution',
];
const BASE_TERMS = [
  'cyber sovereignty', 'network sovereignty', 'digital sovereignty', 'data sovereignty', 'technological sovereignty',
  'AI sovereignty', 'sovereign AI', 'sovereign AI infrastructure', 'sovereign internet', 'sovereign internet law',
  'information space', 'digital borders', 'RuNet', 'Great Firewall', 'internal sovereignty', 'external sovereignty',
  'data locali*', 'personal data locali*', 'import substitution', 'self-reliance', 'self-sufficiency',
  'technological decoupling', 'digital coloni*', 'Western hegemony', 'AI intrusions', 'traditional values',
  'AI arms race', 'global domination', 'strategic competition', 'dual-use', 'digital authoritarianism',
  'surveillance', 'censorship', 'social credit system', 'sharp power', 'smart cities', 'balkani*', 'splinternet',
  'techno-nationalism', 'Global South', 'BRICS', 'multi-stakeholder', 'цифров* суверенитет*',
  'суверенн* интернет*', 'информационн* пространств*', '网络主权', '人工智能主权', '主权人工智能', '数字殖民', '中国价值观',
];

function makeText(size: number): string {
  const lines: string[] = [];
  let total = 0;
  while (total < size) {
    const lang = rnd();
    let line = '';
    while (line.length < 70 + rnd() * 60) {
      const cue = rnd() < 0.02 ? pick(CUES) : '';
      if (lang < 0.6) line += `${cue || pick(EN)} `;
      else if (lang < 0.85) line += `${cue || pick(RU)} `;
      else line += cue || pick(ZH) + pick(ZH);
    }
    lines.push(line.trimEnd());
    if (rnd() < 0.15) lines.push('');
    total += line.length + 1;
  }
  return lines.join('\n');
}

function pattern(raw: string): TermPattern {
  const r = parseTerm(raw);
  if (!r.ok) throw new Error(`bench term '${raw}': ${r.message}`);
  return r.pattern;
}

function codebook(n: number): MatcherTerm[] {
  const raws = new Set(BASE_TERMS.slice(0, Math.min(n, BASE_TERMS.length)));
  const stems = [...EN, ...RU].filter((w) => w.length > 3);
  for (let i = 0; raws.size < n; i++) {
    const w = `${pick(stems)}${i.toString(36)}`;
    raws.add(i % 4 === 0 ? `${pick(stems)} ${w}` : i % 4 === 1 ? `${w}*` : i % 4 === 2 ? pick(ZH) + pick(ZH) + pick(ZH) + i.toString(36) : w);
  }
  return [...raws].map((raw, i) => ({ frameId: `frame${i % 12}`, pattern: pattern(raw) }));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median wall time in ms of `runs` calls (after one warm-up call). */
function time(runs: number, f: () => unknown): number {
  f();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    f();
    ts.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(ts);
}

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
