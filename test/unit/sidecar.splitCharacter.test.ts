/**
 * Offsets that split a surrogate pair (issue 12): a quote holding half a character is refused when the sidecar
 * is read; offsets inside a character of the source are an error of `sovcode validate` at the annotation's
 * line, and `sovcode export` refuses rather than export a broken character.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lineOfAnnotation, parseSidecar, splitCharacterProblems } from '../../src/core/sidecar';
import { SAMPLE_SIDECAR, SAMPLE_TEXT } from './hostileInput';
import { sovcode } from './sovcodeRunner';

/** The sample sidecar with the fish annotation (quote "🐟 swam") moved to start after the fish's first half. */
function fishSplitAtStart(): string {
  const start = SAMPLE_TEXT.indexOf('🐟');
  return SAMPLE_SIDECAR.replace(`start: ${start}\n`, `start: ${start + 1}\n`).replace(
    'quote: "🐟 swam"',
    'quote: "\\uDC1F swam"',
  );
}

describe('offsets that split a character', () => {
  it('a quote holding half a surrogate pair is an error at its line, and the file is read-only', () => {
    const text = fishSplitAtStart();
    const parsed = parseSidecar(text, 'sample.txt.annotations.yaml');
    assert.equal(parsed.readOnly, true);
    const quoteLine = text.split('\n').findIndex((l) => l.includes('\\uDC1F')) + 1;
    assert.deepEqual(
      parsed.problems.map((p) => [p.line, p.severity]),
      [[quoteLine, 'error']],
    );
    assert.match(parsed.problems[0]?.message ?? '', /'quote' holds half of a character/);
    assert.equal(parsed.sidecar?.annotations.length, 3, 'the other annotations still load');
  });

  it('the fast reader of canonical files refuses the same quote (both readers share the check)', () => {
    const parsed = parseSidecar(
      SAMPLE_SIDECAR.replace('quote: "网络主权"', 'quote: "网络主权\\uD83D"'),
      'sample.txt.annotations.yaml',
    );
    assert.equal(parsed.readOnly, true);
    assert.match(parsed.problems[0]?.message ?? '', /holds half of a character/);
  });

  it('offsets inside a character of the text are an error at the annotation, for start and for end', () => {
    const fish = SAMPLE_TEXT.indexOf('🐟');
    const annotations = [
      {
        id: 'afishstart1',
        frame: 'f',
        start: fish + 1,
        end: fish + 7,
        quote: 'x',
        prefix: '',
        suffix: '',
        coder: 'c',
        created: '2026-11-30',
      },
      {
        id: 'afishend001',
        frame: 'f',
        start: fish - 5,
        end: fish + 1,
        quote: 'x',
        prefix: '',
        suffix: '',
        coder: 'c',
        created: '2026-11-30',
      },
      {
        id: 'awhole0001a',
        frame: 'f',
        start: fish,
        end: fish + 2,
        quote: '🐟',
        prefix: '',
        suffix: '',
        coder: 'c',
        created: '2026-11-30',
      },
    ];
    const sidecarText = annotations.map((a) => `  - id: ${a.id}`).join('\n');
    const problems = splitCharacterProblems(annotations, SAMPLE_TEXT, 'f.annotations.yaml', sidecarText);
    assert.deepEqual(
      problems.map((p) => [p.line, p.severity]),
      [
        [1, 'error'],
        [2, 'error'],
      ],
    );
    assert.match(
      problems[0]?.message ?? '',
      new RegExp(`afishstart1: start ${fish + 1} \\(line 4, column 9 of the text\\) falls inside a character`),
    );
    assert.match(problems[1]?.message ?? '', /afishend001: end \d+ \(line 4, column 9 of the text\) falls inside/);
    assert.equal(lineOfAnnotation(sidecarText, 'awhole0001a'), 3);
  });

  it('sovcode validate reports the split with file:line, and sovcode export refuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sovcode-split-'));
    writeFileSync(join(dir, 'sample.txt'), SAMPLE_TEXT);
    const fish = SAMPLE_TEXT.indexOf('🐟');
    // the quote is whole; only the offsets are one unit off, so only the text shows the split
    const sidecarText = SAMPLE_SIDECAR.replace(`start: ${fish}\n`, `start: ${fish + 1}\n`);
    const sidecar = join(dir, 'sample.txt.annotations.yaml');
    writeFileSync(sidecar, sidecarText);
    const line = lineOfAnnotation(sidecarText, `a${String(fish).padStart(10, '0')}`);
    assert.ok(line > 1);
    const validate = sovcode('validate', dir);
    assert.equal(validate.code, 1);
    assert.match(
      validate.out,
      new RegExp(
        `${sidecar.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:${line}:1: error: annotation a\\d+: start ${fish + 1} .*falls inside a character`,
      ),
    );
    const exported = sovcode('export', dir);
    assert.equal(exported.code, 2);
    assert.equal(exported.out, '', 'no CSV with a broken character');
    assert.match(exported.err, /nothing exported.*\n.*falls inside a character/);
  });
});
