/**
 * The agreement report's choices beyond the sentence: paragraph, document and character units (the character
 * figures equal those of one item per character, counted by brute force here), parent frames that take in the
 * frames below them, and the per-coder done mark ("coded, nothing applies"): read and written by both sidecar
 * readers, merged as a set, set from the command line, and counted by the report.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Codebook } from '../../src/core/codebook';
import { agreementReport } from '../../src/core/agreement/report';
import { agreementCoefficients } from '../../src/core/agreement/statistics';
import { paragraphUnits } from '../../src/core/agreement/units';
import { mergeSidecars } from '../../src/core/git';
import {
  mergeDone,
  parseCanonicalSidecar,
  parseSidecarYaml,
  serializeSidecar,
  type Sidecar,
} from '../../src/core/sidecar';
import { textHash } from '../../src/core/text';
import { codebookOf, taggerFor } from './agreementFixtures';
import { sovcode, sovcodeAsync } from './sovcodeRunner';

const CODEBOOK = `codebook: units-test
title: Units test
frames:
  - id: claims
    label: Claims
    color: "#2e7d32"
    definition: Claims of sovereignty.
  - id: territory
    label: Territory
    parent: claims
    color: "#1b5e20"
    definition: Space as territory.
    terms: [border]
  - id: data
    label: Data
    parent: claims
    color: "#6a1b9a"
    definition: Data as a resource.
    terms: [data]
`;

const codebook = (): Codebook => codebookOf(CODEBOOK);

const TEXT = 'Our border is drawn in code. Data stays home.\n\nA second paragraph on borders. It ends here.\n';
const tag = taggerFor(TEXT, 'u', '2026-12-02');

const ANNOTATIONS = [
  tag('ann', 'territory', 'border is drawn'),
  tag('bo', 'territory', 'Our border'),
  tag('ann', 'data', 'Data stays home.'),
  tag('bo', 'territory', 'second paragraph on borders'),
];

describe('agreement: units of analysis', () => {
  const docs = [{ path: 't.txt', text: TEXT, annotations: ANNOTATIONS }];

  it('counts paragraphs and whole documents as units, and states the unit', () => {
    assert.deepEqual(
      paragraphUnits(TEXT).map((u) => TEXT.slice(u.start, u.end)),
      ['Our border is drawn in code. Data stays home.', 'A second paragraph on borders. It ends here.'],
    );
    const para = agreementReport(codebook(), docs, undefined, { unit: 'paragraph' });
    assert.equal(para.unit, 'paragraph');
    assert.equal(para.frames.find((f) => f.frame === 'territory')?.items, 2);
    assert.deepEqual(para.frames.find((f) => f.frame === 'territory')?.unitsCoded, [1, 2]);
    const whole = agreementReport(codebook(), docs, undefined, { unit: 'document' });
    assert.equal(whole.frames[0]?.items, 1);
    assert.equal(agreementReport(codebook(), docs).unit, 'sentence', 'the sentence is the default');
  });

  it('gives at the character unit the figures of one item per character', () => {
    const report = agreementReport(codebook(), docs, undefined, { unit: 'character' });
    const chars = [...TEXT];
    // brute force: every code point is an item; a coder applied F to it when one of their F spans covers it
    let offset = 0;
    const perChar = chars.map((ch) => {
      const at = offset;
      offset += ch.length;
      return ['ann', 'bo'].map((coder) =>
        ANNOTATIONS.some((a) => a.coder === coder && a.frame === 'territory' && a.start <= at && at < a.end)
          ? 'yes'
          : 'no',
      );
    });
    const brute = agreementCoefficients(perChar, { categories: ['no', 'yes'] });
    const territory = report.frames.find((f) => f.frame === 'territory');
    assert.ok(territory);
    assert.equal(territory.items, chars.length);
    for (const key of ['percentAgreement', 'cohenKappa', 'krippendorffAlpha', 'fleissKappa', 'gwetAC1'] as const)
      assert.ok(Math.abs((territory[key] ?? NaN) - (brute[key] ?? NaN)) < 1e-12, key);
    assert.ok(Math.abs((territory.intervals.gwetAC1.se ?? NaN) - (brute.intervals.gwetAC1.se ?? NaN)) < 1e-12);
    assert.ok(Math.abs((report.alphaByUnit.character ?? NaN) - (report.overall.krippendorffAlpha ?? NaN)) < 1e-12);
  });

  it('rates a parent frame on the units where a coder applied it or a frame below it', () => {
    const report = agreementReport(codebook(), docs);
    const claims = report.parents.find((p) => p.frame === 'claims');
    assert.ok(claims);
    assert.deepEqual(claims.covers, ['territory', 'data']);
    // sentences: ann codes 1 (territory), 2 (data); bo codes 1 and 3 (territory)
    assert.deepEqual(claims.unitsCoded, [2, 2]);
    assert.equal(claims.percentAgreement, 0.5);
  });
});

describe('agreement: the done mark', () => {
  const other = 'Nothing sovereign here. Just weather.\n';

  it('counts a text a coder marked done without coding it, and says so', () => {
    const docs = [
      { path: 't.txt', text: TEXT, annotations: ANNOTATIONS },
      {
        path: 'weather.txt',
        text: other,
        annotations: [taggerFor(other, 'w', '2026-12-02')('ann', 'data', 'weather')],
        done: ['bo'],
      },
    ];
    const report = agreementReport(codebook(), docs);
    assert.deepEqual(report.documents.included, ['t.txt', 'weather.txt']);
    assert.deepEqual(report.documents.markedDone, [{ document: 'weather.txt', coders: ['bo'] }]);
    const [coded, weather] = docs;
    assert.ok(coded && weather);
    const without = agreementReport(codebook(), [coded, { ...weather, done: [] }]);
    assert.deepEqual(without.documents.excluded, [
      { document: 'weather.txt', reason: 'not coded by bo (no annotation, no done mark)' },
    ]);
    // four sentences in t.txt, two in weather.txt: bo's two 'no' units there now count
    assert.equal(report.frames.find((f) => f.frame === 'data')?.items, 6);
    assert.equal(without.frames.find((f) => f.frame === 'data')?.items, 4);
  });

  it('is read alike by both sidecar readers, written before the list, and merged as a set', () => {
    const base: Sidecar = {
      version: 1,
      source: 't.txt',
      sourceHash: textHash(TEXT),
      codebook: 'units-test',
      annotations: ANNOTATIONS.slice(0, 1),
    };
    const yaml = serializeSidecar({ ...base, done: ['zoe', 'bo', 'bo'] }, TEXT);
    assert.match(yaml, /offsets: utf16-lf\ndone:\n {2}- bo\n {2}- zoe\nannotations:\n/);
    const fast = parseCanonicalSidecar(yaml, 't.txt.annotations.yaml');
    const full = parseSidecarYaml(yaml, 't.txt.annotations.yaml');
    assert.deepEqual(fast?.done, ['bo', 'zoe']);
    assert.deepEqual(full.sidecar, fast);
    assert.deepEqual(full.problems, []);
    assert.equal(serializeSidecar(base, TEXT).includes('done:'), false, 'no key when nobody is done');
    const bad = parseSidecarYaml(yaml.replace('  - zoe', '  - ""'), 't.txt.annotations.yaml');
    assert.ok(bad.readOnly, 'a bad mark makes the file read-only rather than dropping it');
    assert.match(bad.problems[0]?.message ?? '', /'done' entry/);
    assert.deepEqual(mergeDone(['ann'], ['ann', 'bo'], []), ['bo'], 'ann removed on one side, bo added on the other');
    const merged = mergeSidecars(
      { ...base, done: ['ann'] },
      { ...base, done: ['ann', 'bo'] },
      { ...base, done: ['ann', 'cy'] },
    );
    assert.deepEqual(merged.sidecar.done, ['ann', 'bo', 'cy']);
  });

  it('is set and taken back by sovcode done, which refuses a sidecar with errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sovcode-done-'));
    writeFileSync(join(dir, 'codebook.yaml'), CODEBOOK);
    const text = join(dir, 'w.txt');
    writeFileSync(text, other);
    const marked = await sovcodeAsync('done', '--coder', 'bo', text);
    assert.equal(marked.code, 0, marked.err);
    const sidecarFile = `${text}.annotations.yaml`;
    assert.match(
      readFileSync(sidecarFile, 'utf8'),
      /codebook: units-test\noffsets: utf16-lf\ndone:\n {2}- bo\nannotations: \[\]\n/,
    );
    assert.match((await sovcodeAsync('done', '--coder', 'bo', text)).out, /unchanged/);
    const undone = await sovcodeAsync('done', '--coder', 'bo', '--undo', sidecarFile);
    assert.equal(undone.code, 0, undone.err);
    assert.doesNotMatch(readFileSync(sidecarFile, 'utf8'), /done:/);
    assert.match((await sovcodeAsync('done', text)).err, /needs --coder NAME/);
    writeFileSync(sidecarFile, 'version: 1\nannotations: 3\n');
    const refused = await sovcodeAsync('done', '--coder', 'bo', text);
    assert.equal(refused.code, 2);
    assert.match(refused.err, /not marked: fix this annotation file first/);
    assert.equal(readFileSync(sidecarFile, 'utf8'), 'version: 1\nannotations: 3\n', 'never rewritten');
  });

  it('takes --unit on the command line and names it in every format', () => {
    const SAMPLE = join(__dirname, '..', '..', '..', 'sample');
    const text = sovcode('agreement', '--unit', 'paragraph', SAMPLE);
    assert.equal(text.code, 0, text.err);
    assert.match(text.out, /unit: paragraph/);
    assert.match(text.out, /alpha by unit \(pooled\): sentence [-0-9.]+, paragraph/);
    assert.match(
      sovcode('agreement', '--unit', 'paragraph', '--format', 'html', SAMPLE).out,
      /unit: <strong>paragraph<\/strong>/,
    );
    assert.match(sovcode('agreement', '--unit', 'paragraph', '--format', 'csv', SAMPLE).out, /"frame","paragraph",/);
    assert.equal(
      (JSON.parse(sovcode('agreement', '--unit', 'character', '--format', 'json', SAMPLE).out) as { unit: string })
        .unit,
      'character',
    );
    const wrong = sovcode('agreement', '--unit', 'word', SAMPLE);
    assert.equal(wrong.code, 2);
    assert.match(wrong.err, /unknown --unit 'word' for agreement: use sentence, paragraph, document, character/);
  });
});
