/** Frame statistics: frequencies, co-occurrence in its three readings and coverage, against hand counts and brute force. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { sentenceUnits } from '../../src/core/agreement/units';
import { DocumentAttributes } from '../../src/core/attributes';
import type { Annotation } from '../../src/core/annotations';
import { codedSegments, type CodedDocument } from '../../src/core/documents';
import {
  NO_VALUE,
  paragraphUnits,
  statsCsv,
  statsReport,
  statsText,
  unionLength,
  type CooccurrenceMode,
} from '../../src/core/stats';
import { testCodebook } from './twoFrames';

const book = testCodebook();
const TEXT = 'Land is ours. The sea is wide.\n\nLand and sea meet here. Only land here.\n';

function annotation(text: string, id: number, frame: string, start: number, end: number, coder = 'x'): Annotation {
  return {
    id: `a${String(id).padStart(10, '0')}`,
    frame,
    start,
    end,
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - 32), start),
    suffix: text.slice(end, end + 32),
    coder,
    created: '2026-12-01',
  };
}
function span(text: string, needle: string, from = 0): [number, number] {
  const at = text.indexOf(needle, from);
  assert.ok(at >= 0, needle);
  return [at, at + needle.length];
}

describe('frame statistics', () => {
  const p2 = TEXT.indexOf('Land and');
  const doc: CodedDocument = {
    path: 'a.txt',
    text: TEXT,
    annotations: [
      annotation(TEXT, 1, 'land', ...span(TEXT, 'Land is ours')),
      annotation(TEXT, 2, 'sea', ...span(TEXT, 'sea is wide')),
      annotation(TEXT, 3, 'land', ...span(TEXT, 'Land and sea', p2)),
      annotation(TEXT, 4, 'sea', ...span(TEXT, 'sea meet', p2)),
      annotation(TEXT, 5, 'ghost', ...span(TEXT, 'Only land')),
    ],
  };
  const other: CodedDocument = { path: 'b.txt', text: undefined, annotations: [annotation('x', 6, 'land', 0, 1, 'y')] };
  const docs = [doc, other];
  const segments = codedSegments(book, docs);

  it('counts every segment per frame, codebook frames first and an unknown frame by its id', () => {
    const r = statsReport(book, docs, segments);
    assert.deepEqual(
      r.frames.map((f) => [f.id, f.inCodebook]),
      [
        ['land', true],
        ['sea', true],
        ['ghost', false],
      ],
    );
    assert.deepEqual(
      r.frequencies.frames.map((f) => f.count),
      [3, 2, 1],
    );
    assert.equal(r.frequencies.total, 6);
  });

  it('groups by text and by a document attribute, with "(none)" for texts without a value', () => {
    const byText = statsReport(book, docs, segments, { by: { kind: 'text' } }).frequencies;
    assert.deepEqual(byText.groups, ['a.txt', 'b.txt']);
    assert.deepEqual(
      byText.frames.map((f) => f.byGroup),
      [
        [2, 1],
        [2, 0],
        [1, 0],
      ],
    );
    const attributes = new DocumentAttributes(['country'], new Map([['a.txt', new Map([['country', 'ru']])]]));
    const byCountry = statsReport(book, docs, segments, {
      by: { kind: 'attribute', name: 'country' },
      attributes,
    }).frequencies;
    assert.deepEqual(byCountry.groups, ['ru', NO_VALUE]);
    assert.deepEqual(byCountry.groupTotals, [5, 1]);
  });

  it('co-occurrence: overlapping pairs, shared sentences, shared paragraphs', () => {
    const matrix = (mode: CooccurrenceMode): number[][] =>
      statsReport(book, docs, segments, { cooccurrence: mode }).cooccurrence.matrix;
    // overlap: only 'Land and sea' × 'sea meet' share characters; the source-missing segment never counts
    assert.deepEqual(matrix('overlap'), [
      [2, 1, 0],
      [1, 2, 0],
      [0, 0, 1],
    ]);
    // sentences: land touches 2, sea 2, ghost 1; land and sea share 'Land and sea meet here.' only
    assert.deepEqual(matrix('sentence'), [
      [2, 1, 0],
      [1, 2, 0],
      [0, 0, 1],
    ]);
    // paragraphs: both frames in both paragraphs; ghost with both in the second
    assert.deepEqual(matrix('paragraph'), [
      [2, 2, 1],
      [2, 2, 1],
      [1, 1, 1],
    ]);
  });

  it('coverage counts overlapping characters once and leaves out texts whose source is missing', () => {
    const c = statsReport(book, docs, segments).coverage;
    assert.equal(c.characters, TEXT.length);
    const [l1, l2] = [span(TEXT, 'Land is ours'), span(TEXT, 'Land and sea meet', p2)];
    const expected = l1[1] - l1[0] + 'sea is wide'.length + (l2[1] - l2[0]) + 'Only land'.length;
    assert.equal(c.coded, expected);
    assert.equal(c.byFrame['land'], 'Land is ours'.length + 'Land and sea'.length);
    assert.deepEqual(
      c.documents.map((d) => d.document),
      ['a.txt'],
    );
  });

  it('paragraphs end at blank lines, also ones holding spaces, and three line breaks in a row', () => {
    const t = 'One.\nStill one.\n \nTwo.\n\n\nThree.';
    assert.deepEqual(
      paragraphUnits(t).map((u) => t.slice(u.start, u.end)),
      ['One.\nStill one.', 'Two.', 'Three.'],
    );
  });

  it('matches brute force on random coding: overlap pairs, sentence co-occurrence, coverage by characters', () => {
    const text = 'Alpha beta gamma. Delta epsilon zeta.\n\nEta theta iota. Kappa lambda mu nu.\n';
    const units = sentenceUnits(text);
    const arb = fc.array(
      fc.tuple(fc.nat(text.length - 2), fc.integer({ min: 1, max: 20 }), fc.constantFrom('land', 'sea')),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(arb, (raw) => {
        const list = raw.map(([s, len, f], i) => annotation(text, i, f, s, Math.min(text.length, s + len)));
        const d: CodedDocument = { path: 'r.txt', text, annotations: list };
        const segs = codedSegments(book, [d]);
        const overlap = statsReport(book, [d], segs, { cooccurrence: 'overlap' }).cooccurrence.matrix;
        const sentence = statsReport(book, [d], segs, { cooccurrence: 'sentence' }).cooccurrence.matrix;
        let pairs = 0;
        for (const a of list)
          for (const b of list)
            if (a.frame === 'land' && b.frame === 'sea' && a.start < b.end && b.start < a.end) pairs++;
        assert.equal(overlap[0]?.[1], pairs);
        const touches = (u: { start: number; end: number }, f: string): boolean =>
          list.some((a) => a.frame === f && a.start < u.end && u.start < a.end);
        assert.equal(sentence[0]?.[1], units.filter((u) => touches(u, 'land') && touches(u, 'sea')).length);
        assert.equal(sentence[0]?.[0], units.filter((u) => touches(u, 'land')).length);
        const marked = [...text].map((_c, i) => list.some((a) => a.start <= i && i < a.end)).filter(Boolean).length;
        assert.equal(unionLength(list), marked);
      }),
      { numRuns: 200 },
    );
  });

  it('tables: the text table names every frame, the CSV has one row per number', () => {
    const r = statsReport(book, docs, segments, { by: { kind: 'text' } });
    const text = statsText(r);
    for (const label of ['Land', 'Sea', 'ghost (not in codebook)', 'a.txt']) assert.ok(text.includes(label), label);
    const csv = statsCsv(r).trim().split('\r\n');
    assert.equal(csv.length, 1 + 3 * (1 + 2) + 9 + 1 + 3);
  });
});
