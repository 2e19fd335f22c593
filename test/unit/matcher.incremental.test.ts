/**
 * updateMatches (what the editor runs on every keystroke) against the truth: after any sequence of edits —
 * typing inside a term, deleting across terms and line breaks, pasting, several changes in one event as
 * multi-cursor editing sends them — the incrementally kept matches equal a fresh full scan. The MatchIndex is
 * built with tiny blocks and the re-scan with a tiny first excerpt, so block splits, emptied blocks, removals
 * across blocks, lazy shifts and growing excerpts all happen in these short texts.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { matcherTerms, parseCodebook } from '../../src/core/codebook';
import {
  findAround,
  Matcher,
  MatchIndex,
  stringSource,
  updateMatches,
  type TextChange,
  type TextSource,
} from '../../src/core/matcher';

const CODEBOOK = `codebook: incremental
title: Incremental test
frames:
  - id: t
    label: Territory
    color: "#2e7d32"
    definition: x
    terms: [information space, sovereign internet, sovereign internet law, digital border*, суверенн* интернет*, 网络主权]
  - id: d
    label: Data
    color: "#6a1b9a"
    definition: x
    terms: [data sovereignty, data locali*, 数据主权, internet]
`;

function matcher(): Matcher {
  const { codebook } = parseCodebook(CODEBOOK, 'codebook.yaml');
  assert.ok(codebook);
  return Matcher.compile(matcherTerms(codebook));
}

const PIECES = [
  'information ',
  'space',
  'sovereign ',
  'internet',
  ' law',
  'digital borders',
  'data ',
  'sovereignty',
  'localisation',
  'суверенного ',
  'интернета',
  '网络',
  '主权',
  '数据主权',
  ' ',
  ' ',
  '\n',
  '\n\n',
  '.',
  'the ',
  'x',
  '“',
  '-',
];
const piece = fc.constantFrom(...PIECES);
const text = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));

/** A change at relative positions (0..1) of the current text, so it always fits. */
const change = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  len: fc.double({ min: 0, max: 1, noNaN: true }),
  insert: fc.array(piece, { maxLength: 3 }).map((p) => p.join('')),
});

function apply(t: string, c: { at: number; len: number; insert: string }): { text: string; change: TextChange } {
  const rangeOffset = Math.floor(c.at * t.length);
  const rangeLength = Math.floor(c.len * (t.length - rangeOffset) * 0.3);
  return {
    text: t.slice(0, rangeOffset) + c.insert + t.slice(rangeOffset + rangeLength),
    change: { rangeOffset, rangeLength, text: c.insert },
  };
}

/** A source that refuses to be read whole, as the editor never reads the document whole per keystroke. */
function excerptsOnly(t: string): TextSource {
  const s = stringSource(t);
  return {
    length: s.length,
    slice: (from, to) =>
      from <= 0 && to >= t.length && t.length > 40 ? assert.fail('read the whole text') : s.slice(from, to),
  };
}

describe('matcher: incremental update while typing', () => {
  const m = matcher();
  const options = { context: 3 };

  it('equals a full scan after each of a sequence of single edits', () => {
    fc.assert(
      fc.property(text, fc.array(change, { minLength: 1, maxLength: 12 }), (start, edits) => {
        let t = start;
        const index = new MatchIndex(m.find(t), 2);
        for (const e of edits) {
          const next = apply(t, e);
          updateMatches(index, [next.change], next.text, m, options);
          t = next.text;
          assert.deepEqual(index.all(), m.find(t), `after ${JSON.stringify(next.change)} on ${JSON.stringify(t)}`);
          assert.equal(index.size, index.all().length);
        }
      }),
      { numRuns: 400, seed: 42 },
    );
  });

  it('equals a full scan after events of several changes (multi-cursor, each relative to the text after the previous)', () => {
    fc.assert(
      fc.property(text, fc.array(change, { minLength: 2, maxLength: 5 }), (start, edits) => {
        let t = start;
        const changes: TextChange[] = [];
        for (const e of edits) {
          const next = apply(t, e);
          changes.push(next.change);
          t = next.text;
        }
        const index = new MatchIndex(m.find(start), 3);
        updateMatches(index, changes, t, m, options);
        assert.deepEqual(index.all(), m.find(t));
      }),
      { numRuns: 400, seed: 7 },
    );
  });

  it('finds a term completed by typing its last letter, and loses one broken by a deletion', () => {
    const before = 'We defend the sovereign interne.';
    const index = new MatchIndex(m.find(before));
    updateMatches(
      index,
      [{ rangeOffset: before.indexOf('.'), rangeLength: 0, text: 't' }],
      'We defend the sovereign internet.',
      m,
    );
    assert.deepEqual(
      index.all().map((x) => x.end - x.start),
      ['sovereign internet'.length],
    );
    updateMatches(index, [{ rangeOffset: 14, rangeLength: 4, text: '' }], 'We defend the reign internet.', m);
    assert.deepEqual(
      index.all().map((x) => x.frameId),
      ['d'],
      'only "internet" is left',
    );
  });

  it('re-scans a long text from excerpts around the edit, never reading it whole', () => {
    let t = 'The sovereign internet law and data localisation rules.\n'.repeat(200);
    const index = new MatchIndex(m.find(t), 4);
    for (const at of [0, 5000, t.length - 3, 7]) {
      const c: TextChange = { rangeOffset: at, rangeLength: 2, text: 'digital borders ' };
      t = t.slice(0, at) + c.text + t.slice(at + c.rangeLength);
      updateMatches(index, [c], excerptsOnly(t), m, options);
      assert.deepEqual(index.all(), m.find(t));
    }
    assert.deepEqual(
      index.inRange(5000, 5100),
      m.find(t).filter((x) => x.end > 5000 && x.start < 5100),
    );
  });

  it('findAround equals findInRange over the whole text, at any first excerpt size', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 50 }), (t, a, b, context) => {
        const from = a % (t.length + 1);
        const to = from + (b % (t.length - from + 1));
        assert.deepEqual(findAround(m, stringSource(t), from, to, context), m.findInRange(t, from, to));
      }),
      { numRuns: 500, seed: 3 },
    );
  });

  it('a long deletion empties whole blocks and still agrees with a full scan', () => {
    let t = 'data sovereignty, internet, 网络主权; '.repeat(60);
    const index = new MatchIndex(m.find(t), 2);
    const c: TextChange = { rangeOffset: 30, rangeLength: 1500, text: '' };
    t = t.slice(0, 30) + t.slice(1530);
    updateMatches(index, [c], t, m);
    assert.deepEqual(index.all(), m.find(t));
    assert.throws(() => new MatchIndex([], 0), /block size/);
  });
});
