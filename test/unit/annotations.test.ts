import * as assert from 'node:assert/strict';
import {
  addAnnotation,
  annotationsAt,
  annotationsInRange,
  compareAnnotations,
  contextAround,
  createAnnotation,
  isIsoDate,
  markReviewed,
  newAnnotationId,
  removeAnnotation,
  retagAnnotation,
  setMemo,
} from '../../src/core/annotations';
import type { Annotation } from '../../src/core/annotations';

/** A second coder's change, for the list operations that record who changed a decision. */
const EDIT = { by: 'bea', on: '2026-12-02' };

const TEXT = 'Officials spoke of cyber sovereignty 🌐 and of 网络主权 in one breath; суверенитет came later.';

function span(quote: string): [number, number] {
  const i = TEXT.indexOf(quote);
  assert.ok(i >= 0, quote);
  return [i, i + quote.length];
}

function make(quote: string, frame: string, id: string): Annotation {
  const [s, e] = span(quote);
  return createAnnotation(TEXT, s, e, frame, 'alice', '2026-11-23', id);
}

describe('annotation model', () => {
  it('creates ids of the documented shape, all distinct', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => newAnnotationId()));
    assert.equal(ids.size, 2000);
    for (const id of ids) assert.match(id, /^a[0-9a-hjkmnp-tv-z]{10}$/);
  });

  it('creates an annotation with its quote and context', () => {
    const [s, e] = span('cyber sovereignty');
    const a = createAnnotation(TEXT, s, e, 'cyber-sovereignty', 'alice', '2026-11-23');
    assert.equal(a.quote, 'cyber sovereignty');
    assert.equal(a.prefix, 'Officials spoke of ');
    assert.equal(a.suffix, TEXT.slice(e, e + 32));
    assert.equal(a.created, '2026-11-23');
    assert.equal(a.memo, undefined);
    assert.equal(a.status, undefined);
    assert.deepEqual(Object.keys(a), ['id', 'frame', 'start', 'end', 'quote', 'prefix', 'suffix', 'coder', 'created']);
  });

  it('refuses empty, reversed, out-of-range and pair-splitting spans and bad dates', () => {
    const emoji = TEXT.indexOf('🌐');
    assert.throws(() => createAnnotation(TEXT, 5, 5, 'f', 'c', '2026-01-01'), RangeError);
    assert.throws(() => createAnnotation(TEXT, 6, 5, 'f', 'c', '2026-01-01'), RangeError);
    assert.throws(() => createAnnotation(TEXT, -1, 5, 'f', 'c', '2026-01-01'), RangeError);
    assert.throws(() => createAnnotation(TEXT, 0, TEXT.length + 1, 'f', 'c', '2026-01-01'), RangeError);
    assert.throws(() => createAnnotation(TEXT, emoji + 1, emoji + 2, 'f', 'c', '2026-01-01'), /surrogate/);
    assert.throws(() => createAnnotation(TEXT, 0, emoji + 1, 'f', 'c', '2026-01-01'), /surrogate/);
    assert.throws(() => createAnnotation(TEXT, 0, 5, 'f', 'c', '2026-13-01'), /date/);
    assert.throws(() => createAnnotation(TEXT, 0, 5, '', 'c', '2026-01-01'), RangeError);
  });

  it('never splits a surrogate pair in the prefix or suffix', () => {
    // Varying the lead shifts the 32-unit cut across both halves of the pairs.
    for (let lead = 0; lead < 4; lead++) {
      const text = 'x'.repeat(lead) + '😀'.repeat(40) + 'MID' + '😀'.repeat(40);
      const s = text.indexOf('MID');
      const { prefix, suffix } = contextAround(text, s, s + 3);
      assert.ok(prefix.length === 32 || prefix.length === 31, String(prefix.length));
      assert.ok(suffix.length === 32 || suffix.length === 31, String(suffix.length));
      assert.ok(!/^[\uDC00-\uDFFF]/.test(prefix) && !/[\uD800-\uDBFF]$/.test(suffix));
    }
  });

  it('validates calendar dates', () => {
    assert.ok(isIsoDate('2024-02-29'));
    assert.ok(!isIsoDate('2025-02-29'));
    assert.ok(!isIsoDate('2025-2-3'));
    assert.ok(!isIsoDate('2025-04-31'));
  });

  it('orders by start, end, frame, id with plain code-unit comparison', () => {
    const base = make('cyber sovereignty', 'b-frame', 'a2');
    const list = [
      { ...base, frame: 'b-frame', id: 'a1' },
      { ...base, start: base.start - 1 },
      { ...base, end: base.end + 1 },
      { ...base, frame: 'B-frame' },
      base,
    ];
    const sorted = [...list].sort(compareAnnotations);
    assert.deepEqual(
      sorted.map((a) => [a.start, a.end, a.frame, a.id]),
      [
        [base.start - 1, base.end, 'b-frame', 'a2'],
        [base.start, base.end, 'B-frame', 'a2'],
        [base.start, base.end, 'b-frame', 'a1'],
        [base.start, base.end, 'b-frame', 'a2'],
        [base.start, base.end + 1, 'b-frame', 'a2'],
      ],
    );
  });

  describe('immutable list operations', () => {
    const a = make('cyber sovereignty', 'cyber-sovereignty', 'a0000000001');
    const b = make('网络主权', 'cyber-sovereignty', 'a0000000002');
    const c = make('суверенитет', 'digital-territory', 'a0000000003');

    it('adds at the sorted place and returns a new array', () => {
      const one = addAnnotation([], c);
      const two = addAnnotation(one, a);
      const three = addAnnotation(two, b);
      assert.deepEqual(
        three.map((x) => x.id),
        [a.id, b.id, c.id],
      );
      assert.equal(one.length, 1);
      assert.equal(two.length, 2);
      assert.throws(() => addAnnotation(three, { ...b, start: 0 }), /duplicate/);
    });

    it('removes, retags and sets memos without touching the input', () => {
      const list = Object.freeze([a, b, c].map((x) => Object.freeze(x)));
      assert.deepEqual(
        removeAnnotation(list, b.id).map((x) => x.id),
        [a.id, c.id],
      );
      const retagged = retagAnnotation(list, b.id, 'data-sovereignty', EDIT);
      assert.equal(retagged[1]?.frame, 'data-sovereignty');
      assert.equal(list[1]?.frame, 'cyber-sovereignty');
      const memo = setMemo(list, c.id, 'later in the text, "quoted"', EDIT);
      assert.equal(memo[2]?.memo, 'later in the text, "quoted"');
      assert.equal(memo[0], a);
      assert.equal('memo' in setMemo(memo, c.id, '', EDIT)[2], false);
      assert.equal('memo' in setMemo(memo, c.id, undefined, EDIT)[2], false);
      assert.deepEqual(removeAnnotation(list, 'nope'), [...list]);
    });

    it('marks one annotation reviewed: its status goes, the others and the input stay as they were', () => {
      const flagged = Object.freeze(
        [{ ...a, status: 'needs-review' as const }, { ...b, status: 'needs-review' as const }, c].map((x) =>
          Object.freeze(x),
        ),
      );
      const reviewed = markReviewed(flagged, a.id, EDIT);
      assert.equal('status' in (reviewed[0] ?? {}), false);
      assert.equal(reviewed[1]?.status, 'needs-review');
      assert.equal(reviewed[2], c);
      assert.equal(flagged[0]?.status, 'needs-review');
      assert.deepEqual(
        reviewed.map((x) => x.id),
        [a.id, b.id, c.id],
      );
      assert.deepEqual(markReviewed(flagged, 'nope', EDIT), [...flagged]);
    });

    it('keeps the order after a retag that changes the frame key', () => {
      const x = { ...a, id: 'a0000000009', frame: 'a-frame' };
      const y = { ...a, id: 'a0000000008', frame: 'b-frame' };
      const list = [x, y];
      assert.deepEqual(
        retagAnnotation(list, x.id, 'z-frame', EDIT).map((n) => n.id),
        [y.id, x.id],
      );
    });

    it('finds annotations at a caret (end included) and in a range', () => {
      const list = [a, b, c];
      assert.deepEqual(
        annotationsAt(list, a.start).map((x) => x.id),
        [a.id],
      );
      assert.deepEqual(
        annotationsAt(list, a.end).map((x) => x.id),
        [a.id],
      );
      assert.deepEqual(annotationsAt(list, a.end + 1), []);
      assert.deepEqual(annotationsInRange(list, a.end, b.start), []);
      assert.deepEqual(
        annotationsInRange(list, a.end - 1, b.start + 1).map((x) => x.id),
        [a.id, b.id],
      );
      assert.deepEqual(annotationsInRange(list, 0, TEXT.length).length, 3);
      assert.deepEqual(
        annotationsInRange(list, c.start, c.start).map((x) => x.id),
        [c.id],
      );
    });
  });
});
