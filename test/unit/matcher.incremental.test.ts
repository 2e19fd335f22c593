/**
 * updateMatches (what the editor runs on every keystroke) against the truth: after any sequence of edits —
 * typing inside a term, deleting across terms and line breaks, pasting, several changes in one event as
 * multi-cursor editing sends them — the incrementally kept matches equal a fresh full scan.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { matcherTerms, parseCodebook } from '../../src/core/codebook';
import { Matcher, updateMatches, type TextChange, type TermMatch } from '../../src/core/matcher';

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

const PIECES = ['information ', 'space', 'sovereign ', 'internet', ' law', 'digital borders', 'data ', 'sovereignty', 'localisation',
  'суверенного ', 'интернета', '网络', '主权', '数据主权', ' ', ' ', '\n', '\n\n', '.', 'the ', 'x', '“', '-'];
const piece = fc.constantFrom(...PIECES);
const text = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));

/** A change at relative positions (0..1) of the current text, so it always fits. */
const change = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.double({ min: 0, max: 1, noNaN: true }), insert: fc.array(piece, { maxLength: 3 }).map((p) => p.join('')) });

function apply(t: string, c: { at: number; len: number; insert: string }): { text: string; change: TextChange } {
  const rangeOffset = Math.floor(c.at * t.length);
  const rangeLength = Math.floor(c.len * (t.length - rangeOffset) * 0.3);
  return { text: t.slice(0, rangeOffset) + c.insert + t.slice(rangeOffset + rangeLength), change: { rangeOffset, rangeLength, text: c.insert } };
}

describe('matcher: incremental update while typing', () => {
  const m = matcher();

  it('equals a full scan after each of a sequence of single edits', () => {
    fc.assert(fc.property(text, fc.array(change, { minLength: 1, maxLength: 12 }), (start, edits) => {
      let t = start;
      let matches: TermMatch[] = m.find(t);
      for (const e of edits) {
        const next = apply(t, e);
        matches = updateMatches(matches, [next.change], next.text, m);
        t = next.text;
        assert.deepEqual(matches, m.find(t), `after ${JSON.stringify(next.change)} on ${JSON.stringify(t)}`);
      }
    }), { numRuns: 400, seed: 42 });
  });

  it('equals a full scan after events of several changes (multi-cursor, each relative to the text after the previous)', () => {
    fc.assert(fc.property(text, fc.array(change, { minLength: 2, maxLength: 5 }), (start, edits) => {
      let t = start;
      const changes: TextChange[] = [];
      for (const e of edits) {
        const next = apply(t, e);
        changes.push(next.change);
        t = next.text;
      }
      assert.deepEqual(updateMatches(m.find(start), changes, t, m), m.find(t));
    }), { numRuns: 400, seed: 7 });
  });

  it('finds a term completed by typing its last letter, and loses one broken by a deletion', () => {
    const before = 'We defend the sovereign interne.';
    const typed = updateMatches(m.find(before), [{ rangeOffset: before.indexOf('.'), rangeLength: 0, text: 't' }], 'We defend the sovereign internet.', m);
    assert.deepEqual(typed.map((x) => x.end - x.start), ['sovereign internet'.length]);
    const broken = updateMatches(typed, [{ rangeOffset: 14, rangeLength: 4, text: '' }], 'We defend the reign internet.', m);
    assert.deepEqual(broken.map((x) => x.frameId), ['d'], 'only "internet" is left');
  });
});
