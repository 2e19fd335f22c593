import { strict as assert } from 'node:assert';
import { Matcher, type MatcherTerm } from '../../src/core/matcher';
import { parseTerm } from '../../src/core/codebook';

/**
 * Differential test of the full scan (fullScan.ts, behind Matcher.find) against the general scanner it
 * replaces for whole texts (Matcher.findByScanner): the same matches, offsets, terms and frames, on random
 * multilingual texts and random codebooks. The texts are mostly the plain kind the fast path takes (one unit in,
 * one folded unit out), with paragraphs of the other kind (ß, soft hyphens, emoji, surrogates) mixed in, so both
 * the fast path and its hand-over to the general scanner at paragraph breaks are exercised. Seeded: a failure
 * names its seed. SOVCODER_DIFF_RUNS raises the number of texts (9,000 were run when the full scan was written).
 */

let state = 1;
function rnd(): number {
  state = (Math.imul(state, 1103515245) + 12345) >>> 0;
  return state / 0x100000000;
}
function pick<T>(xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)];
}

const TERMS = [
  'sovereign internet',
  'sovereign internet law',
  'internet law',
  'digital sovereignty',
  'sovereign*',
  'sovereignty',
  'data locali*',
  'coloni*',
  'AI',
  'AI sovereignty',
  'sovereign AI',
  'x x',
  'x x x',
  'x y',
  'u.s.',
  "Russia's",
  'AI-driven',
  '5G',
  'g20',
  'Straße',
  'stras*',
  'цифров* суверенитет*',
  'суверенитет',
  'информационная безопасность',
  'суверенный интернет',
  '网络主权',
  '主权',
  '主权AI基础设施',
  '数字殖民',
  'AI主权',
  'the Great Firewall',
  'network',
  'net*',
  'ne*',
  'n',
  "russia's*",
  '主权ai*',
  'u.s.a*',
];
/** A one-letter stem, which the codebook syntax refuses but the matcher must still handle as the scanner does. */
const SHORT_STEM: MatcherTerm['pattern'] = { raw: 'a*', words: [{ text: 'a', anyEnding: true }], key: 'a*' };

const WORDS = [
  'sovereign',
  'Sovereign',
  'SOVEREIGNTY',
  'sovereignty',
  'sovereigns',
  'internet',
  'law',
  'laws',
  'digital',
  'data',
  'localisation',
  'Localization',
  'colonial',
  'AI',
  'ai',
  'x',
  'y',
  'n',
  'a',
  'an',
  'ne',
  'U.S.A.',
  'u.s.army',
  "Russia's-led",
  "Russia'sx",
  '主权AI',
  '主权AIs',
  '主权AI的',
  'U.S.',
  'u.s',
  "Russia's",
  'Russia\u2019s',
  'AI-driven',
  '5G',
  'G20',
  'the',
  'Great',
  'Firewall',
  'network',
  'networks',
  'net',
  'цифровой',
  'ЦИФРОВЫМ',
  'суверенитетом',
  'суверенитет',
  'информационной',
  'безопасности',
  'суверенного',
  'интернета',
  'суверенный',
  'о',
  '网络主权',
  '的网络主权',
  '主权',
  'AI主权',
  '数字殖民',
  '主权AI基础设施',
  '我们的国家',
  '(x',
  'y)',
  'law,',
  '\u201CAI\u201D',
  '"digital',
  'sovereignty."',
  'ǅ',
  'İ',
];
/** Chars and pieces the fast path hands over (a paragraph holding one goes to the general scanner). */
const HARD = [
  'Straße',
  'STRASSE',
  'stras\u00ADse',
  'x\u00AD',
  '\u00AD',
  '\u{1F600}',
  'ﬁ',
  '\u200B',
  'sover\u0301eign',
  '\uD800',
];
const JOINERS = [
  ' ',
  ' ',
  ' ',
  '  ',
  '\n',
  '\n\n',
  ' \n \n ',
  '\r\n',
  '\r\n\r\n',
  '\r',
  '-',
  '\u2011',
  '\t',
  '\u2029',
  '\u2028',
  '\u3000',
];

function randomText(): string {
  let text = '';
  const words = 1 + Math.floor(rnd() * 60);
  const hard = rnd() < 0.3;
  for (let k = 0; k < words; k++) {
    text += hard && rnd() < 0.05 ? pick(HARD) : pick(WORDS);
    // Sometimes no joiner at all: words glued together, Chinese without spaces.
    if (rnd() < 0.85) text += pick(JOINERS);
  }
  return text;
}

function randomCodebook(): MatcherTerm[] {
  const terms: MatcherTerm[] = [];
  for (const raw of TERMS) {
    if (rnd() < 0.5) continue;
    const r = parseTerm(raw);
    if (!r.ok) throw new Error(`bad test term ${raw}: ${r.message}`);
    terms.push({ frameId: `f${terms.length % 5}`, pattern: r.pattern });
  }
  if (rnd() < 0.2 || terms.length === 0) terms.push({ frameId: 'short', pattern: SHORT_STEM });
  return terms;
}

describe('matcher: the full scan against the general scanner', function () {
  // Under load, and with SOVCODER_DIFF_RUNS raised, this takes a while: about 2 ms per codebook here.
  this.timeout(600_000);
  it('finds exactly what the general scanner finds on random multilingual texts', () => {
    const runs = Number(process.env.SOVCODER_DIFF_RUNS ?? 1500);
    let compared = 0;
    for (let seed = 1; seed <= runs; seed++) {
      state = seed;
      const m = Matcher.compile(randomCodebook());
      // Several texts per codebook, and all of them joined, so paragraphs of both kinds follow one another.
      const texts = Array.from({ length: 4 }, randomText);
      for (const text of [...texts, texts.join(pick(['\n\n', ' ', '\r\n\r\n']))]) {
        const expected = m.findByScanner(text);
        assert.deepEqual(m.find(text), expected, `seed ${seed}: ${JSON.stringify(text)}`);
        compared += expected.length;
      }
    }
    assert.ok(compared > runs, `the random texts matched too rarely to compare anything (${compared})`);
  });

  it('agrees on a long text of whole paragraphs of every kind', () => {
    state = 42;
    const m = Matcher.compile(randomCodebook());
    const paragraphs = Array.from({ length: 400 }, randomText);
    const text = paragraphs.join('\n\n');
    const expected = m.findByScanner(text);
    assert.ok(expected.length > 100);
    assert.deepEqual(m.find(text), expected);
  });
});
