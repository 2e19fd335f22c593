import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { contextAround, createAnnotation } from '../../src/core/annotations';
import type { Annotation } from '../../src/core/annotations';
import { shiftAnnotations } from '../../src/core/annotations';
import type { TextEdit } from '../../src/core/annotations';

const TEXT = 'Intro line.\nThe delegates defended cyber sovereignty 🌐 firmly.\n结尾：网络主权。';

function at(quote: string): Annotation {
  const s = TEXT.indexOf(quote);
  return createAnnotation(TEXT, s, s + quote.length, 'cyber-sovereignty', 'alice', '2026-11-23', 'a0000000001');
}

/** Applies edits the way VS Code reports contentChanges: each on the result of the previous one. */
function apply(text: string, edits: readonly TextEdit[]): string {
  return edits.reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), text);
}

function shift(a: Annotation, edits: TextEdit[]): { result: Annotation; text: string } {
  const text = apply(TEXT, edits);
  const out = shiftAnnotations([a], edits, text);
  assert.equal(out.length, 1, 'an annotation is never dropped');
  return { result: out[0], text };
}

describe('shifting annotations through edits', () => {
  const a = at('cyber sovereignty');

  it('shifts on an insert before, and on an insert exactly at the start', () => {
    for (const pos of [0, a.start]) {
      const { result, text } = shift(a, [{ start: pos, end: pos, text: 'NEW ' }]);
      assert.equal(result.start, a.start + 4);
      assert.equal(text.slice(result.start, result.end), a.quote);
      assert.equal(result.status, undefined);
    }
  });

  it('shifts on a deletion before and refreshes the context', () => {
    const { result, text } = shift(a, [{ start: 0, end: 12, text: '' }]);
    assert.equal(result.start, a.start - 12);
    assert.equal(text.slice(result.start, result.end), a.quote);
    assert.equal(result.prefix, 'The delegates defended ');
  });

  it('leaves the annotation alone on an insert at its end or after it', () => {
    for (const pos of [a.end, a.end + 3]) {
      const { result } = shift(a, [{ start: pos, end: pos, text: '!!' }]);
      assert.deepEqual([result.start, result.end, result.status, result.quote], [a.start, a.end, undefined, a.quote]);
    }
  });

  it('grows on an insert strictly inside, keeps the coded quote and asks for review', () => {
    const mid = a.start + 5;
    const { result, text } = shift(a, [{ start: mid, end: mid, text: '-ish' }]);
    assert.deepEqual([result.start, result.end], [a.start, a.end + 4]);
    assert.equal(text.slice(result.start, result.end), 'cyber-ish sovereignty');
    assert.equal(result.quote, 'cyber sovereignty');
    assert.equal(result.status, 'needs-review');
  });

  it('keeps the union and asks for review when an edit crosses the start or the end', () => {
    const start = shift(a, [{ start: a.start - 3, end: a.start + 5, text: 'X' }]).result;
    assert.deepEqual([start.start, start.end, start.status], [a.start - 3, a.end - 7, 'needs-review']);
    const end = shift(a, [{ start: a.end - 3, end: a.end + 4, text: 'YY' }]).result;
    assert.deepEqual([end.start, end.end, end.status], [a.start, a.end - 1, 'needs-review']);
  });

  it('orphans the annotation (kept, zero width) when its whole span is deleted or replaced', () => {
    for (const edit of [
      { start: a.start, end: a.end, text: '' },
      { start: a.start - 1, end: a.end + 1, text: 'data' },
    ]) {
      const { result } = shift(a, [edit]);
      assert.deepEqual([result.start, result.end, result.status], [edit.start, edit.start, 'orphaned']);
      assert.equal(result.quote, a.quote);
      assert.equal(result.prefix, a.prefix);
    }
  });

  it('keeps an orphan an orphan and moves it with later edits', () => {
    const { result: orphan, text } = shift(a, [{ start: a.start, end: a.end, text: '' }]);
    const later = shiftAnnotations(
      [orphan],
      [
        { start: 0, end: 0, text: '>>' },
        { start: orphan.start + 2, end: orphan.start + 5, text: '' },
      ],
      apply(text, []),
    );
    assert.equal(later[0]?.status, 'orphaned');
    assert.equal(later[0]?.start, orphan.start + 2);
  });

  it('applies several edits in the order given (each on the text after the previous)', () => {
    const edits: TextEdit[] = [
      { start: 0, end: 0, text: 'AAA' },
      { start: a.start + 3 + a.quote.length, end: a.start + 3 + a.quote.length, text: '??' },
      { start: 1, end: 3, text: '' },
    ];
    const { result, text } = shift(a, edits);
    assert.equal(result.start, a.start + 1);
    assert.equal(text.slice(result.start, result.end), a.quote);
  });

  it('never mutates its input and returns untouched annotations as the same objects', () => {
    const intro = at('Intro');
    const b = at('网络主权');
    const list = Object.freeze([Object.freeze(intro), Object.freeze(b)]);
    const edits = [{ start: TEXT.length, end: TEXT.length, text: ' end' }];
    const out = shiftAnnotations(list, edits, apply(TEXT, edits));
    assert.notEqual(out, list);
    assert.equal(out[0], intro);
    assert.equal(out[1]?.suffix, b.suffix + ' end');
  });

  it('refuses malformed edits', () => {
    assert.throws(() => shiftAnnotations([a], [{ start: 5, end: 4, text: '' }], TEXT), RangeError);
  });

  it('property: an annotation no edit touches still has text.slice(start, end) === quote and current context', () => {
    const alphabet = ['a', ' ', '\n', '网', 'ы', '😀', '"'];
    const word = fc.array(fc.constantFrom(...alphabet), { maxLength: 6 }).map((cs) => cs.join(''));
    const scenario = fc.record({
      base: fc.array(fc.constantFrom(...alphabet), { minLength: 20, maxLength: 200 }).map((cs) => cs.join('')),
      spans: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 12 })), { minLength: 1, maxLength: 6 }),
      edits: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 8 }), word), { maxLength: 8 }),
    });
    fc.assert(
      fc.property(scenario, ({ base, spans, edits }) => {
        const cps = [...base];
        const offsetOf = (cp: number): number => cps.slice(0, cp).join('').length;
        const list = spans.map(([s, len], i) => {
          const from = s % cps.length;
          const to = Math.min(cps.length, from + len + 1);
          return createAnnotation(
            base,
            offsetOf(from),
            offsetOf(to),
            'f',
            'c',
            '2026-01-01',
            `a${String(i).padStart(10, '0')}`,
          );
        });
        let text = base;
        const concrete: TextEdit[] = [];
        for (const [s, len, ins] of edits) {
          const cpsNow = [...text];
          const from = s % (cpsNow.length + 1);
          const to = Math.min(cpsNow.length, from + len);
          const start = cpsNow.slice(0, from).join('').length;
          const end = cpsNow.slice(0, to).join('').length;
          concrete.push({ start, end, text: ins });
          text = text.slice(0, start) + ins + text.slice(end);
        }
        const out = shiftAnnotations(list, concrete, text);
        // the editor hands over excerpts of the document instead of the whole text: same result
        const excerpts = {
          length: text.length,
          slice: (from: number, to: number) => text.slice(Math.max(0, from), to),
        };
        assert.deepEqual(shiftAnnotations(list, concrete, excerpts), out);
        assert.equal(out.length, list.length);
        for (const r of out) {
          assert.ok(
            r.start <= r.end && r.start >= 0 && r.end <= text.length,
            `range [${r.start}, ${r.end}) in ${text.length}`,
          );
          if (r.status === undefined) {
            assert.equal(text.slice(r.start, r.end), r.quote);
            assert.deepEqual(
              { prefix: r.prefix, suffix: r.suffix },
              contextAround(text, r.start, r.end),
              'context is current',
            );
          } else assert.equal(r.quote, list.find((x) => x.id === r.id)?.quote);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('property: one edit (a keystroke, the fast path) gives what the general path gives', () => {
    const alphabet = ['a', ' ', '\n', '网', 'ы', '😀', '"'];
    const scenario = fc.record({
      base: fc.array(fc.constantFrom(...alphabet), { minLength: 20, maxLength: 600 }).map((cs) => cs.join('')),
      spans: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 12 })), { minLength: 1, maxLength: 40 }),
      edit: fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.array(fc.constantFrom(...alphabet), { maxLength: 6 })),
    });
    fc.assert(
      fc.property(scenario, ({ base, spans, edit }) => {
        const cps = [...base];
        const offsetOf = (cp: number): number => cps.slice(0, cp).join('').length;
        const list = spans.map(([s, len], i) =>
          createAnnotation(
            base,
            offsetOf(s % cps.length),
            offsetOf(Math.min(cps.length, (s % cps.length) + len + 1)),
            'f',
            'c',
            '2026-01-01',
            `a${String(i).padStart(10, '0')}`,
          ),
        );
        const [s, len, ins] = edit;
        const from = s % (cps.length + 1);
        const e: TextEdit = {
          start: offsetOf(from),
          end: offsetOf(Math.min(cps.length, from + len)),
          text: ins.join(''),
        };
        const text = apply(base, [e]);
        // the same edit followed by an empty insertion right after its text takes the general path; that second
        // edit touches and nears nothing the first did not
        const noop: TextEdit = { start: e.start + e.text.length, end: e.start + e.text.length, text: '' };
        assert.deepEqual(shiftAnnotations(list, [e], text), shiftAnnotations(list, [e, noop], text));
      }),
      { numRuns: 3000 },
    );
  });
});
