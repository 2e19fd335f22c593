/**
 * The candidates of a flagged annotation (issues 12 and 18: "needs-review with both candidates shown"): what
 * re-anchoring records, what is found again when that record is gone, how each is described (line, excerpt,
 * score), and the coder's "Move here", which is refused when the chosen place no longer fits.
 */
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  describeCandidates,
  findAlternatives,
  moveToCandidate,
  reanchor,
  reanchorAll,
  scoreHere,
} from '../../src/core/anchoring';
import { createAnnotation, type Annotation } from '../../src/core/annotations';
import { sidecarYaml, tempFolder } from './fileFixtures';
import { sovcode } from './sovcodeRunner';

const piece = 'the delegates agreed that cyber sovereignty must be respected by all parties to the treaty';
const text = `Morning session: ${piece}.\nAfternoon session, on budgets, went long.\nAppendix quoting it: ${piece}.`;
const edited = text.replace(
  'the delegates agreed that cyber sovereignty must be respected by all',
  'most delegates felt that cyber sovereignty should be respected by all',
);

function coded(source: string, quote: string): Annotation {
  const at = source.indexOf(quote);
  assert.ok(at >= 0, `fixture: '${quote}' not in the text`);
  return createAnnotation(source, at, at + quote.length, 'data', 'tester', '2026-12-02', 'a0000000001');
}

describe('Re-anchoring: the candidates of a flagged annotation', () => {
  it('records the copy elsewhere with its score, and describes it by line, column and excerpt', () => {
    const r = reanchor(coded(text, 'cyber sovereignty'), edited);
    assert.equal(r.annotation.status, 'needs-review');
    const copy = edited.lastIndexOf('cyber sovereignty');
    const [described] = describeCandidates(edited, r.alternatives ?? []);
    assert.ok(described);
    const { score, ...where } = described;
    assert.deepEqual(where, {
      start: copy,
      end: copy + 'cyber sovereignty'.length,
      line: 3,
      column: copy - edited.lastIndexOf('\n'),
      excerpt: 'cyber sovereignty',
    });
    assert.ok(score > 0.9 && score <= 1, `the copy has the quote and nearly all its context: ${score}`);
  });

  it('finds the same candidates again from the text when the record is gone (a reopened file)', () => {
    const r = reanchor(coded(text, 'cyber sovereignty'), edited);
    const again = findAlternatives(r.annotation, edited);
    assert.deepEqual(again, r.alternatives, 'the search behind the hover agrees with re-anchoring');
    const here = scoreHere(r.annotation, edited);
    assert.ok(here !== undefined && here < 1 && here > 0.5, `placed candidate scored ${String(here)}`);
  });

  it('moves the annotation to a chosen candidate: anchored, with that text and fresh context', () => {
    const r = reanchor(coded(text, 'cyber sovereignty'), edited);
    const [copy] = r.alternatives ?? [];
    assert.ok(copy);
    const [moved] =
      moveToCandidate([r.annotation], r.annotation, edited, copy.start, copy.end, { by: 'ana', on: '2026-12-02' }) ??
      [];
    assert.ok(moved);
    assert.equal(moved.status, undefined, 'anchored: the coder decided');
    assert.equal(edited.slice(moved.start, moved.end), moved.quote);
    assert.equal(moved.prefix, edited.slice(copy.start - moved.prefix.length, copy.start));
    assert.equal(reanchor(moved, edited).outcome, 'exact', 'it holds there on the next load');
  });

  it('refuses a move to a place that no longer fits (an old hover after the text changed)', () => {
    const r = reanchor(coded(text, 'cyber sovereignty'), edited);
    const [copy] = r.alternatives ?? [];
    assert.ok(copy);
    const rewritten = edited.slice(0, copy.start) + 'data localization' + edited.slice(copy.end);
    assert.equal(
      moveToCandidate([r.annotation], r.annotation, rewritten, copy.start, copy.end, { by: 'ana', on: '2026-12-02' }),
      undefined,
    );
    assert.equal(
      moveToCandidate([r.annotation], r.annotation, edited, 0, 5, { by: 'ana', on: '2026-12-02' }),
      undefined,
      'nor onto arbitrary text',
    );
  });

  it('keeps the look-alikes of an orphan whose passage was deleted, and offers them', () => {
    const boiler = 'All parties reaffirm the principle of sovereign equality of states.';
    const source = `Preamble text here. ${boiler} The minister then spoke about trade at length. Closing: ${boiler}`;
    const a = coded(source, 'sovereign equality');
    const cut = source.replace(`${boiler} `, '');
    const { results } = reanchorAll([a], cut);
    const [r] = results;
    assert.ok(r);
    assert.ok(r.annotation.status === 'needs-review' || r.annotation.status === 'orphaned', r.outcome);
    const offered = r.alternatives?.length ? r.alternatives : findAlternatives(r.annotation, cut);
    const places = [r.annotation, ...offered].map((p) => cut.slice(p.start, p.end));
    assert.ok(places.includes('sovereign equality'), 'the boilerplate copy is on offer, never taken silently');
  });

  it('offers nothing for an annotation that has no plausible other place', () => {
    const a = coded(text, 'Afternoon session');
    assert.deepEqual(findAlternatives(a, text), []);
  });
});

describe('sovcode validate: the candidates of a flagged annotation', () => {
  it('names the place it was put for review and the copy elsewhere, with line, excerpt and score', () => {
    const dir = tempFolder();
    const a = coded(text, 'cyber sovereignty');
    writeFileSync(join(dir, 'session.txt'), edited);
    writeFileSync(join(dir, 'session.txt.annotations.yaml'), sidecarYaml('session.txt', text, [a]));
    const { out, err } = sovcode('validate', dir);
    const report = out + err;
    const line = report.split('\n').find((l) => l.includes(a.id) && l.includes('needs-review'));
    assert.ok(line, report);
    assert.match(line, /placed at line 1, column \d+ of the text for review/);
    assert.match(line, /it could also be at: line 3, column \d+ "cyber sovereignty" \(score 0\.9\d\)/);
  });
});
