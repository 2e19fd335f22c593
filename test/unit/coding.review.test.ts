/** The review walk and the short forms of a coder's text: next/previous needs-review with wrapping, positions, cuts. */
import * as assert from 'node:assert/strict';
import { createAnnotation, type Annotation } from '../../src/core/annotations';
import { nextToReview, reviewPosition, toReview } from '../../src/core/coding/reviewWalk';
import { cutAtWord, shortQuote } from '../../src/core/coding/wording';

const TEXT = 'borders here, borders there, a settled claim, and borders again at the end of the note.';

function at(word: string, from: number, id: string, review: boolean): Annotation {
  const start = TEXT.indexOf(word, from);
  const a = createAnnotation(TEXT, start, start + word.length, 'digital-territory', 'bob', '2026-12-02', id);
  return review ? { ...a, status: 'needs-review' } : a;
}

const FIRST = at('borders', 0, 'a0000000001', true);
const SETTLED = at('settled claim', 0, 'a0000000002', false);
const SECOND = at('borders', 10, 'a0000000003', true);
const THIRD = at('borders', 40, 'a0000000004', true);
const LIST = [FIRST, SECOND, SETTLED, THIRD].sort((a, b) => a.start - b.start);

describe('review walk', () => {
  it('lists only what needs review, in text order', () => {
    assert.deepEqual(
      toReview(LIST).map((a) => a.id),
      [FIRST.id, SECOND.id, THIRD.id],
    );
  });

  it('steps from the caret forward and back, wrapping at both ends', () => {
    assert.equal(nextToReview(LIST, 0, 1)?.id, SECOND.id, 'a caret on the first start moves on');
    assert.equal(nextToReview(LIST, SETTLED.start, 1)?.id, THIRD.id);
    assert.equal(nextToReview(LIST, TEXT.length, 1)?.id, FIRST.id, 'wraps to the top');
    assert.equal(nextToReview(LIST, SETTLED.start, -1)?.id, SECOND.id);
    assert.equal(nextToReview(LIST, 0, -1)?.id, THIRD.id, 'wraps to the bottom');
  });

  it('steps from the annotation it stands on, even when two start at one place', () => {
    const twin: Annotation = { ...SECOND, id: 'a0000000009', frame: 'data-sovereignty' };
    const list = [...LIST, twin].sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
    const order = toReview(list).map((a) => a.id);
    let id = order[0];
    const seen = [id];
    for (let i = 0; i < order.length; i++) {
      id = nextToReview(list, 0, 1, id)?.id ?? '';
      seen.push(id);
    }
    assert.deepEqual(seen, [...order, order[0]]);
    assert.equal(nextToReview(list, 0, -1, order[0])?.id, order.at(-1));
  });

  it('finds nothing when nothing needs review, and says where the walk stands', () => {
    assert.equal(nextToReview([SETTLED], 0, 1), undefined);
    assert.deepEqual(reviewPosition(LIST, SECOND.id), { index: 2, total: 3 });
    assert.deepEqual(reviewPosition(LIST, SETTLED.id), { total: 3 });
    assert.deepEqual(reviewPosition(LIST, undefined), { total: 3 });
  });
});

describe('wording: cut at a word', () => {
  it('cuts at the last space in reach, with an ellipsis, and keeps short text whole', () => {
    assert.equal(cutAtWord('the defence of digital borders against', 24), 'the defence of digital…');
    assert.equal(cutAtWord('short', 24), 'short');
    assert.equal(shortQuote('a  claim\nover   data', 30), 'a claim over data');
  });

  it('cuts unspaced Chinese at the limit and never splits a surrogate pair', () => {
    assert.equal(cutAtWord('网络主权是国家主权在网络空间的延伸', 6), '网络主权是国…');
    const emoji = '🌐🌐🌐🌐🌐';
    assert.equal(cutAtWord(emoji, 3), '🌐🌐🌐…');
  });

  it('drops punctuation left dangling before the ellipsis', () => {
    assert.equal(cutAtWord('borders, data, and claims of control', 16), 'borders, data…');
  });
});
