import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { foldCodePoint, isSpacedWordChar, JOINER } from '../../src/core/text';
import { Matcher, type MatcherTerm, type TermMatch } from '../../src/core/matcher';
import { parseTerm, type TermPattern, type TermWord } from '../../src/core/codebook';
import { withInflectedForms } from '../../src/core/inflection';

/**
 * A brute-force reference for the matcher's semantics, written as plainly as possible: fold the whole text into
 * a list of folded code points (joiner runs collapsed into one entry that counts its line breaks), then try
 * every term at every position. Quadratic, but obviously right; the automaton must agree with it.
 */
interface Unit {
  text: string;
  joiner: boolean;
  breaks: number;
  spaced: boolean;
  /** first folded code point of its source code point */
  first: boolean;
  start: number;
  end: number;
}

function breakWeight(text: string, i: number): number {
  const c = text[i];
  if (c === '\r') return text[i + 1] === '\n' ? 0 : 1;
  if (c === '\u2029') return 2;
  return c === '\n' || c === '\v' || c === '\f' || c === '\u2028' ? 1 : 0;
}

function foldUnits(text: string): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i) as number;
    const len = cp > 0xffff ? 2 : 1;
    const f = foldCodePoint(cp);
    const last = units[units.length - 1];
    if (f === JOINER) {
      if (last?.joiner === true) last.breaks += breakWeight(text, i);
      else
        units.push({
          text: ' ',
          joiner: true,
          breaks: breakWeight(text, i),
          spaced: false,
          first: true,
          start: i,
          end: i + len,
        });
    } else {
      [...f].forEach((ch, k) => {
        const spaced = isSpacedWordChar(ch.codePointAt(0) as number);
        units.push({ text: ch, joiner: false, breaks: 0, spaced, first: k === 0, start: i, end: i + len });
      });
    }
    i += len;
  }
  return units;
}

/** End index (exclusive) of `word` matched at units[j], or -1. */
function matchWord(units: Unit[], j: number, word: TermWord): number {
  const chars = [...word.text];
  for (let k = 0; k < chars.length; k++) {
    const u = units[j + k];
    if (u === undefined || u.joiner || u.text !== chars[k]) return -1;
  }
  let e = j + chars.length;
  if (word.anyEnding) {
    while (units[e]?.spaced === true) e++;
  } else if (isSpacedWordChar(chars[chars.length - 1]?.codePointAt(0) as number) && units[e]?.spaced === true) {
    return -1;
  }
  const next = units[e];
  if (next !== undefined && !next.joiner && !next.first) return -1;
  return e;
}

function matchTerm(units: Unit[], j: number, p: TermPattern): number {
  const u = units[j];
  if (u === undefined || u.joiner || !u.first) return -1;
  const firstChar = p.words[0]?.text.codePointAt(0) as number;
  if (isSpacedWordChar(firstChar) && units[j - 1]?.spaced === true) return -1;
  let at = j;
  for (let w = 0; w < p.words.length; w++) {
    if (w > 0) {
      const joiner = units[at];
      if (joiner === undefined || !joiner.joiner || joiner.breaks >= 2) return -1;
      at++;
    }
    at = matchWord(units, at, p.words[w]);
    if (at < 0) return -1;
  }
  return at;
}

function referenceFind(terms: readonly MatcherTerm[], text: string): TermMatch[] {
  const units = foldUnits(text);
  const cands: { start: number; end: number; t: number }[] = [];
  for (let j = 0; j < units.length; j++) {
    terms.forEach((term, t) => {
      const e = matchTerm(units, j, term.pattern);
      if (e >= 0) cands.push({ start: units[j].start, end: units[e - 1].end, t });
    });
  }
  cands.sort((a, b) => a.start - b.start || b.end - a.end || a.t - b.t);
  const out: TermMatch[] = [];
  let lastEnd = -1;
  for (const c of cands) {
    if (c.start < lastEnd) continue;
    lastEnd = c.end;
    const term = terms[c.t];
    out.push({ start: c.start, end: c.end, frameId: term.frameId, term: term.pattern.raw });
  }
  return out;
}

function term(raw: string, frameId: string): MatcherTerm {
  const r = parseTerm(raw);
  if (!r.ok) throw new Error(`bad test term ${raw}: ${r.message}`);
  return { frameId, pattern: r.pattern };
}

/** Overlapping and chaining terms on purpose: "x x" makes long runs of crossing candidates. */
const CODEBOOK = [
  term('sovereign internet', 'territory'),
  term('sovereign internet law', 'territory'),
  term('internet law', 'norms'),
  term('digital sovereignty', 'norms'),
  term('sovereign*', 'norms'),
  term('sovereignty', 'ai'),
  term('цифров* суверенитет*', 'norms'),
  term('суверенитет', 'ai'),
  term('网络主权', 'norms'),
  term('主权', 'ai'),
  term('AI', 'ai'),
  term('AI sovereignty', 'ai'),
  term('主权AI基础设施', 'ai'),
  term('coloni*', 'colonial'),
  term('Straße', 'x'),
  term('stras*', 'x'),
  term("Russia's", 'x'),
  term('x x', 'chain'),
  term('x x x', 'chain'),
  term('x y', 'chain'),
  term('y x', 'chain'),
];

const FRAGMENTS = [
  'sovereign',
  'Sovereign',
  'SOVEREIGNTY',
  'sovereignty',
  'internet',
  'law',
  'digital',
  'Digital',
  'ai',
  'AI',
  'цифровой',
  'ЦИФРОВЫМ',
  'цифровом',
  'суверенитет',
  'суверенитетом',
  'о',
  '网络',
  '主权',
  '网络主权',
  '的',
  'AI基础设施',
  'coloni',
  'colonisation',
  "'s",
  '\u2019s',
  'Russia',
  'Straße',
  'STRASSE',
  'stras',
  'ß',
  'x',
  'y',
  'x x',
  'x y',
  '\u{1F600}',
  '\u{1F1E8}\u{1F1F3}',
  '\u00AD',
  '-',
  '\u2010',
  '\u2013',
  ' ',
  '  ',
  '\t',
  '\n',
  '\n\n',
  '\r\n',
  ' \n ',
  '\u2029',
  ',',
  '.',
  '"',
  '\u201C',
  '(',
  ')',
  'ǅ',
  'İ',
  'ﬁ',
];

const PHRASE_WORDS = [
  'sovereign',
  'internet',
  'law',
  'digital',
  'Sovereignty',
  'x',
  'y',
  'AI',
  'цифровым',
  'суверенитетом',
  '网络主权',
  'colonial',
  '(x',
  'y)',
  'law,',
  '\u201CAI\u201D',
  '的网络主权',
  'x\u00AD',
];
const JOINERS = [' ', '  ', '\n', '\n\n', ' \n \n ', '\r\n', '\r\n\r\n', '-', '\u2011', ' \u00AD ', '\u2029', '\u2028'];

/** Free concatenation of fragments: odd boundaries, folds, surrogates. */
const freeText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join(''));
/** Words separated by joiner runs: many phrase candidates, line and paragraph breaks between them. */
const phraseText = fc
  .array(fc.tuple(fc.constantFrom(...PHRASE_WORDS), fc.constantFrom(...JOINERS)), { maxLength: 40 })
  .map((pairs) => pairs.map(([w, j]) => w + j).join(''));
const textArb = fc.oneof(
  freeText,
  phraseText,
  fc.tuple(freeText, phraseText).map(([a, b]) => a + b),
);
const codebookArb = fc.subarray(CODEBOOK, { minLength: 1 });

describe('matcher properties', () => {
  it('find() agrees with the brute-force reference', () => {
    fc.assert(
      fc.property(codebookArb, textArb, (terms, text) => {
        // The reference tries the inflected forms that the matcher compiles (inflection/expand.ts) as plain terms.
        assert.deepEqual(Matcher.compile(terms).find(text), referenceFind(withInflectedForms(terms), text));
      }),
      { numRuns: 1500 },
    );
  });

  it('matched slices never split a surrogate pair and never start or end on a joiner', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        for (const m of Matcher.compile(CODEBOOK).find(text)) {
          const s = text.slice(m.start, m.end);
          assert.ok(s.length > 0);
          assert.equal(s, s.trim());
          assert.ok(!/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(s), JSON.stringify(s));
          assert.ok(!/^[-\u2010\u2013]|[-\u2010\u2013]$/.test(s), JSON.stringify(s));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('findInRange(text, from, to) equals find(text) restricted to the matches intersecting [from, to)', () => {
    const windowed = textArb.chain((text) =>
      fc.tuple(fc.constant(text), fc.nat({ max: text.length + 2 }), fc.nat({ max: text.length + 2 })),
    );
    fc.assert(
      fc.property(codebookArb, windowed, (terms, [text, a, b]) => {
        const m = Matcher.compile(terms);
        const [from, to] = a <= b ? [a, b] : [b, a];
        const expected = m.find(text).filter((x) => x.start < to && x.end > from);
        assert.deepEqual(m.findInRange(text, from, to), expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('findInRange over each line of a long text equals find() line by line', () => {
    fc.assert(
      fc.property(codebookArb, fc.array(textArb, { minLength: 5, maxLength: 30 }), (terms, lines) => {
        const text = lines.join('\n');
        const m = Matcher.compile(terms);
        const all = m.find(text);
        let from = 0;
        for (const line of lines) {
          const to = from + line.length;
          assert.deepEqual(
            m.findInRange(text, from, to),
            all.filter((x) => x.start < to && x.end > from),
          );
          from = to + 1;
        }
      }),
      { numRuns: 300 },
    );
  });
});
