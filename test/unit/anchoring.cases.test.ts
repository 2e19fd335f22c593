/**
 * The named cases of issues 18 and 12 (re-anchoring): look-alikes in every shape the outside red team found,
 * whitespace-blind quotes and context, fuzzy context, edited quotes searched with bounded errors, copies with
 * better context, deleted passages beside identical boilerplate, and the text-wide shift of 10,000 annotations.
 */
import * as assert from 'node:assert/strict';
import { reanchor, reanchorAll } from '../../src/core/anchoring';
import { createAnnotation, type Annotation } from '../../src/core/annotations';

function coded(text: string, quote: string, nth = 0): Annotation {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(quote, at + 1);
  assert.ok(at >= 0, `fixture: '${quote}' not in the text`);
  return createAnnotation(text, at, at + quote.length, 'data', 'tester', '2026-12-02', 'a0000000001');
}

const placedSilently = (outcome: string): boolean => outcome === 'exact' || outcome === 'moved';

/** Re-anchors `a` in `text`, expecting a silent move onto `expected`; returns the moved annotation. */
function assertMovedOnto(a: Annotation, text: string, expected: string): Annotation {
  const r = reanchor(a, text);
  assert.equal(r.outcome, 'moved');
  assert.equal(r.annotation.status, undefined);
  assert.equal(text.slice(r.annotation.start, r.annotation.end), expected);
  return r.annotation;
}

describe('Re-anchoring: look-alikes (issue 12, Hypothesis h#2798 class)', () => {
  it('does not take a look-alike that now sits at the old offsets after the text before it changed length', () => {
    const text =
      'Opening words of the chair. The council adopted data localization for banks, after a long debate. Later, data localization for clouds was postponed.';
    const a = coded(text, 'data localization');
    // the coded passage and what follows it up to the second occurrence are cut: that one lands on the old offsets
    const edited = text.slice(0, a.start) + text.slice(text.lastIndexOf('data localization'));
    assert.equal(
      edited.indexOf('data localization'),
      a.start,
      'fixture: the look-alike sits exactly at the old offsets',
    );
    const r = reanchor(a, edited);
    assert.ok(!placedSilently(r.outcome), `silently ${r.outcome} onto the look-alike`);
  });

  it('flags, never moves, onto a look-alike that shares only the old suffix', () => {
    const text = 'The ministry defends network sovereignty in every forum it attends this year. Elsewhere people talk.';
    const a = coded(text, 'network sovereignty');
    const onlySuffix =
      'Nobody in the ministry said anything about it. Farmers want network sovereignty in every forum it attends this year. Elsewhere people talk.';
    const s = reanchor(a, onlySuffix);
    assert.ok(!placedSilently(s.outcome), `silently ${s.outcome} onto a look-alike that shares only the suffix`);
    assert.equal(s.annotation.status, 'needs-review');
    assert.equal(onlySuffix.slice(s.annotation.start, s.annotation.end), 'network sovereignty');
  });

  it('orphans the annotation when the sentence of "data localization" is deleted and the other occurrence is unrelated', () => {
    const text =
      'Trade was the first topic of the day. The bill makes data localization mandatory for all banks. A glossary lists cyber terms, data localization among them, without comment.';
    const a = coded(text, 'data localization');
    const r = reanchor(a, text.replace('The bill makes data localization mandatory for all banks. ', ''));
    assert.equal(r.outcome, 'orphaned');
    assert.equal(r.annotation.status, 'orphaned');
    assert.equal(r.annotation.quote, 'data localization');
  });

  it('flags rather than moves when the passage is deleted and identical boilerplate remains elsewhere', () => {
    const boilerplate = 'All data remains the property of the ministry and may not be shared.';
    const text = `Section one. ${boilerplate} Section two is about budgets and staffing levels. Annex. ${boilerplate} End.`;
    const a = coded(text, 'may not be shared');
    const r = reanchor(a, text.replace(`Section one. ${boilerplate} `, 'Section one. '));
    assert.ok(!placedSilently(r.outcome), `silently ${r.outcome} onto the boilerplate`);
  });

  it('keeps the annotation where it was, flagged, when an exact copy elsewhere has better context than the edited original', () => {
    const piece = 'the delegates agreed that cyber sovereignty must be respected by all parties to the treaty';
    const text = `Morning session: ${piece}. Afternoon session, on budgets, went long. Appendix quoting it: ${piece}.`;
    const a = coded(text, 'cyber sovereignty');
    const edited = text.replace(
      'the delegates agreed that cyber sovereignty must be respected by all',
      'most delegates felt that cyber sovereignty should be respected by all',
    );
    const r = reanchor(a, edited);
    assert.equal(r.outcome, 'ambiguous');
    assert.equal(r.annotation.status, 'needs-review');
    assert.equal(r.annotation.start, edited.indexOf('cyber sovereignty'), 'at the original, not the copy');
    assert.deepEqual(
      r.alternatives?.map(({ start, end }) => ({ start, end })),
      [{ start: edited.lastIndexOf('cyber sovereignty'), end: edited.lastIndexOf('cyber sovereignty') + 17 }],
    );
    const score = r.alternatives?.[0]?.score ?? 0;
    assert.ok(score > 0.9, `the copy has the quote and nearly all its context: ${score}`);
  });
});

describe('Re-anchoring: whitespace, fuzzy context, edited quotes (issue 18)', () => {
  it('re-anchors a rewrapped paragraph (spaces and line breaks swapped) as moved, context and quote alike', () => {
    const text =
      'Preface line.\n\nThe parliament debated the sovereign internet law for three\ndays and then adjourned without a vote on the amendments.';
    const a = coded(text, 'sovereign internet law for three\ndays');
    const rewrapped =
      'Preface line, longer now.\n\nThe parliament debated the\nsovereign internet law for\nthree days and then adjourned\nwithout a vote on the amendments.';
    const moved = assertMovedOnto(a, rewrapped, 'sovereign internet law for\nthree days');
    assert.equal(reanchor(moved, rewrapped).outcome, 'exact', 'found at its offsets on the next load');
  });

  it('matches a line break added or removed between Chinese characters', () => {
    const text = '代表团在会上强调维护网络主权的原则，并呼吁各方尊重各国的选择。随后讨论了数据安全问题。';
    const a = coded(text, '维护网络主权的原则');
    const wrapped = '前言。代表团在会上强调维护网络\n主权的原则，并呼吁各方尊重各国\n的选择。随后讨论了数据安全问题。';
    assertMovedOnto(a, wrapped, '维护网络\n主权的原则');
    // and the other way: a quote coded across a line break, found in the text without it
    const across = createAnnotation(
      wrapped,
      wrapped.indexOf('维护网络'),
      wrapped.indexOf('主权的原则') + 5,
      'data',
      'tester',
      '2026-12-02',
      'a0000000002',
    );
    assertMovedOnto(across, `再版。${text}`, '维护网络主权的原则');
  });

  it('does not send an unchanged unique quote to review when one character of its context changed', () => {
    const text = 'In the morning the committee discussed digital borders and tariffs, then broke for lunch at noon.';
    const a = coded(text, 'digital borders');
    const r = reanchor(a, `Note. ${text.replace('committee discussed', 'committee discused')}`);
    assert.equal(r.outcome, 'moved');
    assert.equal(r.annotation.status, undefined);
  });

  it('finds an edited quote near its old place even when its context was touched too, as needs-review', () => {
    const text =
      'The report, published in spring, says that technological sovereignty requires domestic chip plants and more engineers.';
    const a = coded(text, 'technological sovereignty requires domestic chip plants');
    const edited = text
      .replace('published in spring', 'published last spring')
      .replace('technological sovereignty requires', 'technology sovereignty needs')
      .replace('and more', 'and many more');
    const r = reanchor(a, edited);
    assert.equal(r.outcome, 'fuzzy');
    assert.equal(r.annotation.status, 'needs-review');
    assert.equal(
      edited.slice(r.annotation.start, r.annotation.end),
      'technology sovereignty needs domestic chip plants',
    );
  });

  it('moves every one of 10,000 annotations after one character inserted at the top, none ambiguous', () => {
    const sentence = 'The council met again. Data localization was on the agenda, as before. ';
    const text = sentence.repeat(1500);
    const list: Annotation[] = [];
    for (let i = 0; i < 10000; i++) {
      const at = Math.floor((i * (text.length - 40)) / 10000);
      list.push(
        createAnnotation(
          text,
          at,
          at + 5 + (i % 20),
          'data',
          'tester',
          '2026-12-02',
          `a${i.toString(32).padStart(10, '0')}`,
        ),
      );
    }
    const { annotations, counts } = reanchorAll(list, `x${text}`);
    assert.deepEqual(counts, { exact: 0, moved: 10000, ambiguous: 0, fuzzy: 0, orphaned: 0 });
    annotations.forEach((b, i) => assert.equal(b.start, (list[i]?.start ?? 0) + 1));
  });
});
