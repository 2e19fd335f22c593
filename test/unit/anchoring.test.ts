/** Re-anchoring on load: exact, moved by context, ambiguous near ties, orphans; never a silent jump. */
import * as assert from 'node:assert/strict';
import { reanchor, reanchorAll } from '../../src/core/anchoring';
import { createAnnotation } from '../../src/core/annotations';

const ORIGINAL = 'The minister spoke of cyber sovereignty at length. Critics answered with open networks.';

function coded(text: string, quote: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(quote, at + 1);
  return createAnnotation(text, at, at + quote.length, 'non-interference', 'tester', '2026-11-23', 'a0000000001');
}

describe('Anchoring', () => {
  it('keeps an annotation whose quote is still at its offsets', () => {
    const a = coded(ORIGINAL, 'cyber sovereignty');
    assert.deepEqual(reanchor(a, ORIGINAL), { annotation: a, outcome: 'exact' });
  });

  it('follows text inserted before the span outside the editor (case 1)', () => {
    const a = coded(ORIGINAL, 'cyber sovereignty');
    const edited = `A new opening sentence. ${ORIGINAL}`;
    const r = reanchor(a, edited);
    assert.equal(r.outcome, 'moved');
    assert.equal(edited.slice(r.annotation.start, r.annotation.end), 'cyber sovereignty');
    assert.equal(r.annotation.status, undefined);
  });

  it('orphans an annotation whose sentence was deleted, keeping the record (case 3)', () => {
    const a = coded(ORIGINAL, 'cyber sovereignty');
    const r = reanchor(a, 'Critics answered with open networks.');
    assert.equal(r.outcome, 'orphaned');
    assert.equal(r.annotation.status, 'orphaned');
    assert.equal(r.annotation.quote, 'cyber sovereignty');
    assert.equal(r.annotation.id, a.id);
  });

  it('does not jump to the same quote elsewhere when the coded one changed (case 4, Hypothesis h#2798)', () => {
    const text = 'Intro paragraph about trade and tariffs, nothing else here at all. Then cyber sovereignty appears.';
    const a = coded(text, 'cyber sovereignty');
    const edited =
      'Intro paragraph about trade and tariffs, nothing else here at all. Then network sovereignty appears.\n\nAn unrelated list: cyber sovereignty; data localisation; splinternet.';
    const r = reanchor(a, edited);
    assert.notEqual(r.outcome, 'moved', 'moved silently onto a look-alike');
    assert.ok(r.annotation.status === 'orphaned' || r.annotation.status === 'needs-review');
  });

  it('picks the right one of duplicated quotes by context, and marks a near tie ambiguous (case 5)', () => {
    const text = 'First, data localisation in banks. Second, data localisation in clouds.';
    const second = coded(text, 'data localisation', 1);
    const edited = `Preface. ${text}`;
    const r = reanchor(second, edited);
    assert.equal(r.outcome, 'moved');
    assert.equal(r.annotation.start, edited.lastIndexOf('data localisation'));
    // Four identical sentences: the second and third occurrences have the same 32 characters of context.
    const tie = 'The same sentence repeats: data localisation is the rule here. '.repeat(4);
    const a = { ...coded(tie, 'data localisation', 1), start: 1000, end: 1017 };
    const t = reanchor(a, tie);
    assert.equal(t.outcome, 'ambiguous');
    assert.equal(t.annotation.status, 'needs-review');
  });

  it('treats an empty quote as an orphan instead of highlighting anything (case 8)', () => {
    const a = { ...coded(ORIGINAL, 'cyber sovereignty'), quote: '' };
    assert.equal(reanchor(a, ORIGINAL).outcome, 'orphaned');
  });

  it('counts outcomes over a list', () => {
    const a = coded(ORIGINAL, 'cyber sovereignty');
    const b = { ...coded(ORIGINAL, 'open networks'), id: 'a0000000002' };
    const { counts, annotations } = reanchorAll([a, b], ORIGINAL.replace('open networks', 'closed ones'));
    assert.deepEqual(counts, { exact: 1, moved: 0, ambiguous: 0, fuzzy: 0, orphaned: 1 });
    assert.equal(annotations.length, 2);
  });
});

describe('Anchoring an edited quote (case 2)', () => {
  const TEXT =
    'Opening remarks of the panel. The minister defended cyber sovereignty for the region today. Closing words.';

  it('flags a word changed inside the span as needs-review with a score, keeping the coded quote', () => {
    const a = coded(TEXT, 'defended cyber sovereignty for the region');
    const edited = TEXT.replace(
      'defended cyber sovereignty for the region',
      'defended network sovereignty for the region',
    );
    const r = reanchor(a, edited);
    assert.equal(r.outcome, 'fuzzy');
    assert.equal(r.annotation.status, 'needs-review');
    assert.equal(r.annotation.quote, 'defended cyber sovereignty for the region', 'the record of the decision is kept');
    assert.equal(edited.slice(r.annotation.start, r.annotation.end), 'defended network sovereignty for the region');
    assert.ok(r.score !== undefined && r.score >= 0.6 && r.score < 1, `score ${String(r.score)}`);
    // stable: loading the result again finds the same place
    const again = reanchor(r.annotation, edited);
    assert.deepEqual(
      [again.annotation.start, again.annotation.end, again.outcome],
      [r.annotation.start, r.annotation.end, 'fuzzy'],
    );
  });

  it('orphans a span rewritten beyond recognition, and one whose context is gone', () => {
    const a = coded(TEXT, 'cyber sovereignty');
    assert.equal(reanchor(a, TEXT.replace('cyber sovereignty', 'a completely new idea')).outcome, 'orphaned');
    assert.equal(
      reanchor(a, 'Something else entirely, cyber sovreignty, without the old context.').outcome,
      'orphaned',
    );
  });

  it('prefers the edited quote in its own context over the old quote somewhere weakly supported (case 4)', () => {
    const a = coded(TEXT, 'defended cyber sovereignty for the region');
    const edited = `${TEXT.replace('defended cyber sovereignty', 'defended digital sovereignty')}\nA list: defended cyber sovereignty for the region.`;
    const r = reanchor(a, edited);
    assert.equal(r.outcome, 'fuzzy');
    assert.equal(edited.slice(r.annotation.start, r.annotation.end), 'defended digital sovereignty for the region');
  });

  it('does not choose silently between two equally similar candidates: flagged where it was, the other recorded', () => {
    const twice =
      'Intro. The minister defended cyber sovereignty for the region today. The minister defended cyber sovereignty for the region today.';
    const a = coded(twice, 'cyber sovereignty');
    const edited = twice.replace(/cyber sovereignty/g, 'cyber sovereignity');
    const r = reanchor(a, edited);
    assert.equal(r.outcome, 'fuzzy');
    assert.equal(r.annotation.status, 'needs-review');
    assert.equal(r.annotation.start, edited.indexOf('cyber sovereignity'), 'at the expected place, not the copy');
    assert.deepEqual(
      r.alternatives?.map((c) => c.start),
      [edited.lastIndexOf('cyber sovereignity')],
    );
  });
});
