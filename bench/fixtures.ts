/**
 * Generated inputs and timing helpers shared by the benchmarks: a seeded multilingual text with cue terms
 * sprinkled in, synthetic codebooks of any size, and medians of repeated runs. Nothing is read from disk, and
 * the same seed gives the same text, so runs are comparable.
 */
import type { MatcherTerm } from '../src/core/matcher';
import { parseTerm, type TermPattern } from '../src/core/codebook';
import { stopwatch, type Clock } from './report';

let seed = 0x5eed;
export function rnd(): number {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 0x100000000;
}
export function pick<T>(xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)];
}

export const EN =
  'the of and to in a is that for on as with by state policy data power global network technology security governance national digital order world control infrastructure model rules platform market public strategy'.split(
    ' ',
  );
export const RU =
  'и в на государство политика данных сеть безопасность контроль развитие технологии пространство страны управление мировой порядок'.split(
    ' ',
  );
export const ZH = '我们的国家发展安全数据网络技术治理全球平台战略基础设施模式规则市场公共和在是'.split('');
export const CUES = [
  'cyber sovereignty',
  'Digital Sovereignty',
  'sovereign internet law',
  'data localisation',
  'techno-nationalism',
  'AI arms race',
  'Global South',
  'digital colonialism',
  'цифровым суверенитетом',
  'суверенного интернета',
  '网络主权',
  '人工智能主权',
  'sovereign AI',
  'splinternet',
  'the Great Firewall',
  'import substitution',
];
export const BASE_TERMS = [
  'cyber sovereignty',
  'network sovereignty',
  'digital sovereignty',
  'data sovereignty',
  'technological sovereignty',
  'AI sovereignty',
  'sovereign AI',
  'sovereign AI infrastructure',
  'sovereign internet',
  'sovereign internet law',
  'information space',
  'digital borders',
  'RuNet',
  'Great Firewall',
  'internal sovereignty',
  'external sovereignty',
  'data locali*',
  'personal data locali*',
  'import substitution',
  'self-reliance',
  'self-sufficiency',
  'technological decoupling',
  'digital coloni*',
  'Western hegemony',
  'AI intrusions',
  'traditional values',
  'AI arms race',
  'global domination',
  'strategic competition',
  'dual-use',
  'digital authoritarianism',
  'surveillance',
  'censorship',
  'social credit system',
  'sharp power',
  'smart cities',
  'balkani*',
  'splinternet',
  'techno-nationalism',
  'Global South',
  'BRICS',
  'multi-stakeholder',
  'цифров* суверенитет*',
  'суверенн* интернет*',
  'информационн* пространств*',
  '网络主权',
  '人工智能主权',
  '主权人工智能',
  '数字殖民',
  '中国价值观',
];

export function makeText(size: number): string {
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

export function pattern(raw: string): TermPattern {
  const r = parseTerm(raw);
  if (!r.ok) throw new Error(`bench term '${raw}': ${r.message}`);
  return r.pattern;
}

/** The terms of a synthetic codebook of `n` terms, as written in a codebook file. */
export function codebookTerms(n: number): string[] {
  const raws = new Set(BASE_TERMS.slice(0, Math.min(n, BASE_TERMS.length)));
  const stems = [...EN, ...RU].filter((w) => w.length > 3);
  for (let i = 0; raws.size < n; i++) {
    const w = `${pick(stems)}${i.toString(36)}`;
    raws.add(
      i % 4 === 0
        ? `${pick(stems)} ${w}`
        : i % 4 === 1
          ? `${w}*`
          : i % 4 === 2
            ? pick(ZH) + pick(ZH) + pick(ZH) + i.toString(36)
            : w,
    );
  }
  return [...raws];
}

/** A synthetic codebook of `n` terms over 12 frames, compiled-ready. */
export function codebook(n: number): MatcherTerm[] {
  return codebookTerms(n).map((raw, i) => ({ frameId: `frame${i % 12}`, pattern: pattern(raw) }));
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median time in ms of `runs` calls (after one warm-up call), CPU time unless `clock` says wall (report.ts). */
export function time(runs: number, f: () => unknown, clock: Clock = 'cpu'): number {
  f();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const elapsed = stopwatch(clock);
    f();
    ts.push(elapsed());
  }
  return median(ts);
}
