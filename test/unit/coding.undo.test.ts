/**
 * The coding undo stack: changes recorded by the annotations they touched, undone and redone through the real
 * list operations, refused (never applied stale) when an annotation changed since, and bound to a text version.
 */
import * as assert from 'node:assert/strict';
import {
  addAnnotation,
  createAnnotation,
  markReviewed,
  removeAnnotation,
  retagAnnotation,
  setMemo,
  shiftAnnotations,
  type Annotation,
} from '../../src/core/annotations';
import { reattachAnnotation } from '../../src/core/coding/reattach';
import {
  applyCodingChange,
  codingChangeBetween,
  describeChange,
  inverseOf,
  UNDO_DEPTH,
  UndoStack,
  type CodingChange,
} from '../../src/core/coding/undoStack';

const TEXT = 'The minister spoke of data sovereignty, then of digital borders, and of 网络主权 at the end.';

function make(quote: string, frame: string, id: string): Annotation {
  const at = TEXT.indexOf(quote);
  assert.ok(at >= 0, quote);
  return createAnnotation(TEXT, at, at + quote.length, frame, 'alice', '2026-12-02', id);
}

const A = make('data sovereignty', 'data-sovereignty', 'a0000000001');
const B = make('digital borders', 'digital-territory', 'a0000000002');
const C = make('网络主权', 'cyber-sovereignty', 'a0000000003');
const BASE = [A, B];

function changeOf(before: readonly Annotation[], after: readonly Annotation[]): CodingChange {
  const change = codingChangeBetween(before, after);
  assert.ok(change, 'the lists differ');
  return change;
}

function applied(list: readonly Annotation[], change: CodingChange): Annotation[] {
  const result = applyCodingChange(list, change);
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return result.list;
}

const frameName = (id: string): string => `<${id}>`;

describe('coding undo: changes', () => {
  const cases: [string, (l: readonly Annotation[]) => Annotation[], string][] = [
    ['tag', (l) => addAnnotation(l, C), "tag '网络主权' as <cyber-sovereignty>"],
    ['remove', (l) => removeAnnotation(l, A.id), "remove 'data sovereignty'"],
    ['retag', (l) => retagAnnotation(l, B.id, 'data-sovereignty'), "retag 'digital borders' as <data-sovereignty>"],
    ['memo', (l) => setMemo(l, A.id, 'a claim of control'), "memo of 'data sovereignty'"],
    ['re-attach', (l) => reattachAnnotation(l, A.id, TEXT, C.start, C.end), "move '网络主权'"],
  ];
  for (const [name, edit, label] of cases) {
    it(`undoes and redoes a ${name}, touching only that annotation`, () => {
      const after = edit(BASE);
      const change = changeOf(BASE, after);
      assert.equal(describeChange(change, frameName), label);
      const undone = applied(after, inverseOf(change));
      assert.deepEqual(undone, BASE);
      assert.deepEqual(applied(undone, change), after);
    });
  }

  it('undoes an accepted review (needs-review comes back) and a bulk tag as one step', () => {
    const pending: Annotation = { ...C, status: 'needs-review' };
    const withPending = addAnnotation(BASE, pending);
    const accepted = markReviewed(withPending, C.id);
    const change = changeOf(withPending, accepted);
    assert.equal(describeChange(change, frameName), "accept '网络主权'");
    assert.equal(applied(accepted, inverseOf(change)).find((a) => a.id === C.id)?.status, 'needs-review');

    const bulk = changeOf([], BASE);
    assert.equal(describeChange(bulk, frameName), 'tag 2 spans as <data-sovereignty>, <digital-territory>');
    assert.deepEqual(applied(BASE, inverseOf(bulk)), []);
  });

  it('finds no change when nothing differs, key order aside', () => {
    const reordered = BASE.map((a) => Object.fromEntries(Object.entries(a).reverse()) as unknown as Annotation);
    assert.equal(codingChangeBetween(BASE, reordered), undefined);
  });

  it('leaves what changed elsewhere since as it is now', () => {
    const after = removeAnnotation(BASE, A.id);
    const change = changeOf(BASE, after);
    const laterElsewhere = addAnnotation(setMemo(after, B.id, 'later'), C);
    const undone = applied(laterElsewhere, inverseOf(change));
    assert.deepEqual(
      undone.map((a) => [a.id, a.memo]),
      [
        [A.id, undefined],
        [B.id, 'later'],
        [C.id, undefined],
      ],
    );
  });

  it('refuses an undo when its annotation moved, changed or went since, and names it', () => {
    const after = setMemo(BASE, A.id, 'first thought');
    const change = changeOf(BASE, after);
    const moved = shiftAnnotations(after, [{ start: 0, end: 0, text: 'Yesterday ' }], 'Yesterday ' + TEXT);
    const refusedMove = applyCodingChange(moved, inverseOf(change));
    assert.equal(refusedMove.ok, false);
    assert.match(refusedMove.ok ? '' : refusedMove.reason, /'data sovereignty' has changed since/);
    const gone = applyCodingChange(removeAnnotation(after, A.id), inverseOf(change));
    assert.match(gone.ok ? '' : gone.reason, /no longer in the file/);
    const tag = changeOf(BASE, addAnnotation(BASE, C));
    const twice = applyCodingChange(addAnnotation(BASE, C), tag);
    assert.match(twice.ok ? '' : twice.reason, /already in the file/);
  });
});

describe('coding undo: the stack', () => {
  const step = (version: number, label = 'x') => ({ change: changeOf([], [A]), label, textVersion: version });

  it('undoes at the version it was made at, redoes at the version it was undone at', () => {
    const stack = new UndoStack();
    assert.equal(stack.canUndoAt(1), false);
    stack.record(step(1, 'first'));
    stack.record(step(1, 'second'));
    assert.equal(stack.canUndoAt(1), true);
    assert.equal(stack.canUndoAt(2), false, 'typing since: Ctrl+Z belongs to the text');
    assert.equal(stack.nextUndo()?.label, 'second');
    stack.undone(1);
    assert.equal(stack.nextUndo()?.label, 'first');
    assert.equal(stack.canRedoAt(1), true);
    stack.redone(1);
    assert.equal(stack.nextUndo()?.label, 'second');
    assert.equal(stack.nextRedo(), undefined);
  });

  it('forgets the redo side on a new decision, and drops a step that cannot apply', () => {
    const stack = new UndoStack();
    stack.record(step(1, 'first'));
    stack.undone(1);
    stack.record(step(1, 'other'));
    assert.equal(stack.nextRedo(), undefined);
    stack.dropUndo();
    assert.equal(stack.nextUndo(), undefined);
  });

  it(`keeps the last ${UNDO_DEPTH} steps`, () => {
    const stack = new UndoStack();
    for (let i = 0; i < UNDO_DEPTH + 5; i++) stack.record(step(1, String(i)));
    let depth = 0;
    while (stack.nextUndo()) {
      stack.undone(1);
      depth++;
    }
    assert.equal(depth, UNDO_DEPTH);
    assert.equal(stack.nextRedo()?.label, '5');
  });
});
