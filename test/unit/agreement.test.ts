/**
 * Inter-coder agreement: the coefficients agree with NLTK's nltk.metrics.agreement (the reference
 * implementation, Debian's python3-nltk run with /usr/bin/python3) on random and hand-made rating matrices,
 * and the report builds sentence units, excludes texts a coder has not coded and lists disagreements.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { createAnnotation, type Annotation } from '../../src/core/annotations';
import { parseCodebook, type Codebook } from '../../src/core/codebook';
import { agreementReport } from '../../src/core/agreement/report';
import { agreementCoefficients, type RatingMatrix } from '../../src/core/agreement/statistics';
import { sentenceUnits } from '../../src/core/agreement/units';
import { sovcode } from './sovcodeRunner';

const NLTK = `
import json, sys
from nltk.metrics.agreement import AnnotationTask
out = []
for matrix in json.load(sys.stdin):
    data = [(str(c), str(i), label) for i, row in enumerate(matrix) for c, label in enumerate(row)]
    t = AnnotationTask(data=data)
    out.append({'Ao': t.avg_Ao(), 'kappa': t.kappa(), 'alpha': t.alpha()})
print(json.dumps(out))
`;

/** NLTK's avg_Ao, kappa() and alpha() for each matrix. */
function nltk(matrices: RatingMatrix[]): { Ao: number; kappa: number; alpha: number }[] {
  const r = spawnSync('/usr/bin/python3', ['-c', NLTK], { input: JSON.stringify(matrices), encoding: 'utf8' });
  assert.equal(r.error, undefined, 'needs /usr/bin/python3 with NLTK (Debian package python3-nltk)');
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { Ao: number; kappa: number; alpha: number }[];
}

const close = (a: number | undefined, b: number, what: string): void => {
  assert.ok(a !== undefined && Math.abs(a - b) < 1e-9, `${what}: ours ${String(a)}, NLTK ${b}`);
};

/** Expected agreement below 1 for every coder pair: otherwise kappa is undefined (NLTK divides by zero). */
function varied(m: RatingMatrix): boolean {
  const coders = m[0]?.length ?? 0;
  for (let c = 0; c < coders; c++) if (new Set(m.map((row) => row[c])).size < 2) return false;
  return true;
}

describe('agreement: coefficients against NLTK', () => {
  it('matches NLTK on a textbook example (two coders, yes/no)', () => {
    const m = [
      ['y', 'y'],
      ['n', 'y'],
      ['n', 'n'],
      ['y', 'y'],
      ['n', 'n'],
      ['y', 'n'],
      ['n', 'n'],
      ['n', 'n'],
    ];
    const ours = agreementCoefficients(m);
    const ref = nltk([m])[0];
    close(ours.percentAgreement, ref.Ao, 'percent agreement');
    close(ours.cohenKappa, ref.kappa, 'kappa');
    close(ours.krippendorffAlpha, ref.alpha, 'alpha');
    close(ours.percentAgreement, 0.75, 'percent agreement by hand');
  });

  it('matches NLTK on 200 random matrices of 2-4 coders and 2-3 labels', () => {
    const matrix = fc.integer({ min: 2, max: 4 }).chain((coders) =>
      fc.integer({ min: 2, max: 3 }).chain((labels) =>
        fc.array(
          fc.array(fc.constantFrom(...['yes', 'no', 'maybe'].slice(0, labels)), {
            minLength: coders,
            maxLength: coders,
          }),
          { minLength: 2, maxLength: 40 },
        ),
      ),
    );
    const samples = fc.sample(matrix.filter(varied), { numRuns: 200, seed: 20261201 });
    const refs = nltk(samples);
    samples.forEach((m, i) => {
      const ours = agreementCoefficients(m);
      const ref = refs[i];
      close(ours.percentAgreement, ref.Ao, `Ao of sample ${i}`);
      close(ours.cohenKappa, ref.kappa, `kappa of sample ${i}`);
      close(ours.krippendorffAlpha, ref.alpha, `alpha of sample ${i}`);
    });
  });

  it('calls kappa and alpha undefined when the labels do not vary, instead of dividing by zero', () => {
    const none = agreementCoefficients([
      ['no', 'no'],
      ['no', 'no'],
    ]);
    assert.equal(none.percentAgreement, 1);
    assert.equal(none.cohenKappa, undefined);
    assert.equal(none.krippendorffAlpha, undefined);
    assert.equal(agreementCoefficients([]).percentAgreement, undefined);
    assert.throws(() => agreementCoefficients([['a', 'b'], ['a']]), RangeError);
  });
});

describe('agreement: sentence units', () => {
  it('splits English, Russian and Chinese sentences; a blank line ends a unit, a wrapped line does not', () => {
    const text =
      'Heading without a stop\n\nFirst sentence. Second one\nwraps here!\nОн сказал. Это всё.\n\n他们维护网络主权。然后讨论数据。\n\n';
    assert.deepEqual(
      sentenceUnits(text).map((u) => text.slice(u.start, u.end)),
      [
        'Heading without a stop',
        'First sentence.',
        'Second one\nwraps here!',
        'Он сказал.',
        'Это всё.',
        '他们维护网络主权。',
        '然后讨论数据。',
      ],
    );
  });

  it('ends a unit at a line of only spaces or tabs, as at an empty line', () => {
    const text = 'Heading\n \nText starts here. Second one.\n\t\nLast';
    assert.deepEqual(
      sentenceUnits(text).map((u) => text.slice(u.start, u.end)),
      ['Heading', 'Text starts here.', 'Second one.', 'Last'],
    );
  });

  it('gives an opening quotation mark to the sentence it opens, not to the one before', () => {
    const text = '三句？“四句。”他说：「五句。」Он сказал. «Шестое.» Done.';
    assert.deepEqual(
      sentenceUnits(text).map((u) => text.slice(u.start, u.end)),
      ['三句？', '“四句。”', '他说：「五句。」', 'Он сказал.', '«Шестое.»', 'Done.'],
    );
  });
});

const CODEBOOK = `codebook: agree-test
title: Agreement test
frames:
  - id: territory
    label: Territory
    color: "#2e7d32"
    definition: Space as territory.
  - id: data
    label: Data
    color: "#6a1b9a"
    definition: Data as a resource.
`;

function codebook(): Codebook {
  const { codebook: cb, problems } = parseCodebook(CODEBOOK, 'codebook.yaml');
  assert.ok(cb, JSON.stringify(problems));
  return cb;
}

const TEXT =
  'The information space has borders. Data must stay at home. Nobody disputes the weather.\n\nA sovereign internet protects us.\n';
let counter = 0;
function tag(coder: string, frame: string, quote: string): Annotation {
  const start = TEXT.indexOf(quote);
  return createAnnotation(
    TEXT,
    start,
    start + quote.length,
    frame,
    coder,
    '2026-12-01',
    `a${String(++counter).padStart(10, '0')}`,
  );
}

describe('agreement: the report', () => {
  it('rates each sentence per frame and coder, and lists the disagreements with their text', () => {
    const annotations = [
      tag('alice', 'territory', 'information space'),
      tag('bob', 'territory', 'space has borders'),
      tag('alice', 'data', 'Data must stay'),
      tag('bob', 'territory', 'sovereign internet'),
      tag('alice', 'territory', 'A sovereign internet protects us.'),
    ];
    const report = agreementReport(codebook(), [
      { path: 'one.txt', text: TEXT, annotations },
      {
        path: 'alice-only.txt',
        text: 'Only Alice coded this.',
        annotations: [createAnnotation('Only Alice coded this.', 0, 10, 'data', 'alice', '2026-12-01', 'a9999999999')],
      },
    ]);
    assert.deepEqual(report.coders, ['alice', 'bob']);
    assert.deepEqual(report.documents.included, ['one.txt']);
    assert.deepEqual(report.documents.excluded, [
      { document: 'alice-only.txt', reason: 'not coded by bob (no annotation, no done mark)' },
    ]);
    const territory = report.frames.find((f) => f.frame === 'territory');
    const data = report.frames.find((f) => f.frame === 'data');
    assert.equal(territory?.items, 4, 'four sentences');
    assert.equal(territory?.percentAgreement, 1, 'both coded sentences 1 and 4 with territory');
    assert.deepEqual(territory?.unitsCoded, [2, 2]);
    assert.deepEqual(data?.unitsCoded, [1, 0]);
    assert.deepEqual(data?.disagreements, [
      { document: 'one.txt', line: 1, text: 'Data must stay at home.', appliedBy: ['alice'] },
    ]);
    assert.equal(data?.percentAgreement, 0.75);
    assert.equal(data?.cohenKappa, 0, 'agreement no better than chance: 75% agree, and 75% was expected');
    // overall pools the 8 (unit, frame) items; checked against NLTK on the same matrix
    const pooled = [
      ['yes', 'yes'],
      ['no', 'no'],
      ['no', 'no'],
      ['yes', 'yes'],
      ['no', 'no'],
      ['yes', 'no'],
      ['no', 'no'],
      ['no', 'no'],
    ];
    const ref = nltk([pooled])[0];
    close(report.overall.percentAgreement, ref.Ao, 'overall Ao');
    close(report.overall.cohenKappa, ref.kappa, 'overall kappa');
    close(report.overall.krippendorffAlpha, ref.alpha, 'overall alpha');
  });

  it('needs two coders, and leaves out annotations that cannot be placed', () => {
    assert.throws(
      () => agreementReport(codebook(), [{ path: 'a.txt', text: TEXT, annotations: [tag('alice', 'data', 'Data')] }]),
      /at least two coders; found alice/,
    );
    const orphan = { ...tag('bob', 'data', 'Data'), quote: 'gone from the text', start: 0, end: 18 };
    const report = agreementReport(codebook(), [
      {
        path: 'a.txt',
        text: TEXT,
        annotations: [tag('alice', 'data', 'Data'), tag('bob', 'data', 'Data must'), orphan],
      },
    ]);
    assert.equal(report.unplaced, 1);
    assert.equal(report.frames[0]?.percentAgreement, 1);
  });

  it('refuses a repeated or unknown coder and a comparison over no text, naming the coders found', () => {
    const docs = [
      { path: 'a.txt', text: TEXT, annotations: [tag('alice', 'data', 'Data'), tag('bob', 'data', 'Data must')] },
    ];
    assert.throws(() => agreementReport(codebook(), docs, ['alice', 'alice']), /coder 'alice' is named twice/);
    assert.throws(
      () => agreementReport(codebook(), docs, ['alice', 'typo']),
      /unknown coder 'typo': the annotations have alice, bob/,
    );
    const apart = [
      { path: 'a.txt', text: TEXT, annotations: [tag('alice', 'data', 'Data')] },
      { path: 'b.txt', text: TEXT, annotations: [tag('bob', 'data', 'Data')] },
    ];
    assert.throws(
      () => agreementReport(codebook(), apart),
      /no text is coded by all of alice, bob.*coders found: alice, bob/,
    );
  });
});

describe('sovcode agreement', () => {
  const SAMPLE = join(__dirname, '..', '..', '..', 'sample');

  it('prints a table, JSON, CSV and an HTML report with a chart for the two coders of the sample', () => {
    const text = sovcode('agreement', SAMPLE);
    assert.equal(text.code, 0, text.err);
    assert.match(text.out, /coders: sample-coder, second-coder/);
    assert.match(text.out, /All frames \(pooled\)/);
    const json = JSON.parse(sovcode('agreement', '--format', 'json', SAMPLE).out) as {
      coders: string[];
      frames: { frame: string; disagreements: unknown[] }[];
      parents: unknown[];
    };
    assert.deepEqual(json.coders, ['sample-coder', 'second-coder']);
    assert.ok(json.frames.some((f) => f.frame === 'non-interference' && f.disagreements.length > 0));
    const rows = parseCsv<Record<string, string>>(sovcode('agreement', '--format', 'csv', SAMPLE).out, {
      columns: true,
    });
    assert.equal(
      rows.length,
      json.frames.length + json.parents.length + 1,
      'a row per frame, parent frame, and pooled',
    );
    assert.ok(rows.every((r) => r['cohen_kappa'] !== undefined && r['units_coded_sample-coder'] !== undefined));
    const html = sovcode('agreement', '--format', 'html', SAMPLE).out;
    assert.match(html, /<svg [^>]*aria-label="Cohen's kappa and Krippendorff's alpha per frame"/);
    assert.match(html, /<rect [^>]*class="kappa"/);
    assert.doesNotMatch(html, /<script/i);
  });

  it('says what is wrong with too few coders or an unknown coder', () => {
    assert.match(sovcode('agreement', '--coders', 'sample-coder', SAMPLE).err, /at least two coders/);
    // an unknown or repeated coder is an input error (rc 2) that names the coders there are, never a report over 0 texts
    const unknown = sovcode('agreement', '--coders', 'sample-coder,nobody', SAMPLE);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /unknown coder 'nobody': the annotations have sample-coder, second-coder/);
    const twice = sovcode('agreement', '--coders', 'sample-coder,sample-coder', SAMPLE);
    assert.equal(twice.code, 2);
    assert.match(twice.err, /coder 'sample-coder' is named twice/);
    assert.match(sovcode('agreement', '--format', 'pdf', SAMPLE).err, /unknown --format 'pdf'/);
  });
});
