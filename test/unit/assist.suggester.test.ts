/**
 * The frame suggester (src/core/assist): features that serve inflected Russian and unspaced Chinese, a
 * deterministic classifier that learns a frame's vocabulary, suggestions only for untouched sentences, the
 * training data's rules (no automatic coder, no unreviewed span), and the cross-validated figures on the
 * hand-coded measurement corpus, printed and held to a floor set from measurement (docs/assisted-coding.md).
 */
import * as assert from 'node:assert/strict';
import { createAnnotation, type Annotation } from '../../src/core/annotations';
import { parseCodebook, type Codebook } from '../../src/core/codebook';
import {
  codebookUnits,
  evaluateSuggester,
  evaluationText,
  explainFrame,
  frameProbabilities,
  labelledUnits,
  suggestFrames,
  suggestionKey,
  textFeatures,
  trainFrameModel,
  type TrainingUnit,
} from '../../src/core/assist';
import { agreementCoefficients } from '../../src/core/agreement/statistics';
import { readCodedDocuments } from '../../src/cli/codedDocuments';
import { sovcode } from './sovcodeRunner';

const shared = (a: Uint32Array, b: Uint32Array): number => [...a].filter((f) => b.includes(f)).length;

function unit(text: string, ...frames: string[]): TrainingUnit {
  return { features: textFeatures(text), frames: new Set(frames) };
}

/** A small, separable training set: data sentences, military sentences, and neutral ones. */
const TOY: TrainingUnit[] = [
  ...[
    'servers store citizen data',
    'data stays on national servers',
    'personal data and servers at home',
    'citizen data localized',
    'data centres hold records',
    'records of citizens as data',
  ].map((t) => unit(t, 'data')),
  ...[
    'the army prepares for war',
    'war games of the army',
    'missiles and the army',
    'a war fought by drones',
    'army units on the border',
    'drones and missiles at war',
  ].map((t) => unit(t, 'threats')),
  ...[
    'the meeting began at noon',
    'thanks to the committee',
    'the weather was fine',
    'minutes will follow',
    'lunch was served late',
    'the chair closed the session',
  ].map((t) => unit(t)),
];

function codebook(): Codebook {
  const parsed = parseCodebook(
    `codebook: cb\ntitle: T\nlanguages: [en]\nframes:\n  - id: data\n    label: Data\n    color: "#336699"\n    definition: Data as a resource.\n    terms: [data localization]\n  - id: threats\n    label: Threats\n    color: "#993333"\n    definition: Threats.\n    terms: [cyber attack]\n`,
    'codebook.yaml',
  );
  assert.ok(parsed.codebook, JSON.stringify(parsed.problems));
  return parsed.codebook;
}

describe('assisted coding: the frame suggester', () => {
  it('features: inflected Russian forms share most n-grams; Chinese runs give bigrams; hashing is stable', () => {
    const nom = textFeatures('суверенитет');
    const inst = textFeatures('суверенитетом');
    assert.ok(shared(nom, inst) / nom.length > 0.6, 'суверенитет and суверенитетом share most features');
    assert.ok(
      shared(textFeatures('网络主权'), textFeatures('维护网络主权')) >= 3,
      'a Chinese phrase inside a run shares its n-grams',
    );
    assert.deepEqual([...textFeatures('Data SERVERS')], [...textFeatures('data servers')], 'case folded');
    assert.deepEqual([...textFeatures('data servers')], [...textFeatures('data servers')]);
  });

  it('learns a frame from its coded sentences, deterministically for a seed, and explains with the sentence words', () => {
    const model = trainFrameModel(TOY, { frames: ['data', 'threats'] });
    const p = (text: string, frame: string): number =>
      frameProbabilities(model, textFeatures(text)).find((x) => x.frame === frame)?.probability ?? NaN;
    assert.ok(p('national data on servers', 'data') > 0.5);
    assert.ok(p('national data on servers', 'threats') < 0.5);
    assert.ok(p('the army and its drones', 'threats') > 0.5);
    assert.ok(p('the committee met at noon', 'data') < 0.5);
    const because = explainFrame(model, 'data', 'national data on servers');
    assert.ok(because.includes('data'), `the word the frame was learned from is among the reasons: ${because.join()}`);
    assert.ok(
      because.every((w) => 'national data on servers'.split(' ').includes(w)),
      because.join(),
    );
    const again = trainFrameModel(TOY, { frames: ['data', 'threats'] });
    assert.deepEqual(again.frames[0]?.weights, model.frames[0]?.weights, 'the same seed gives the same model');
    const other = trainFrameModel(TOY, { frames: ['data', 'threats'], seed: 7 });
    assert.notDeepEqual(other.frames[0]?.weights, model.frames[0]?.weights, 'the seed changes the training order');
  });

  it('does not learn a frame with fewer than 5 coded sentences, whatever the codebook prior says', () => {
    const few = [...TOY.filter((u) => !u.frames.has('data')), ...TOY.filter((u) => u.frames.has('data')).slice(0, 4)];
    const model = trainFrameModel(few, { frames: ['data', 'threats'], prior: codebookUnits(codebook()) });
    assert.deepEqual(
      model.frames.map((f) => f.frame),
      ['threats'],
    );
  });

  it('suggests only for sentences no annotation touches, above the threshold, and never a dismissed one', () => {
    const model = trainFrameModel(TOY, { frames: ['data', 'threats'] });
    const text = 'Citizen data stays on servers. The army prepares drones. The chair thanked everyone.';
    const all = suggestFrames(model, text, []);
    assert.deepEqual(
      all.map((s) => [text.slice(s.start, s.end), s.frame]),
      [
        ['Citizen data stays on servers.', 'data'],
        ['The army prepares drones.', 'threats'],
      ],
    );
    assert.ok(all.every((s) => s.probability >= 0.5 && s.because.length > 0));
    const coded: Annotation = createAnnotation(
      text,
      text.indexOf('army'),
      text.indexOf('army') + 4,
      'threats',
      'ana',
      '2026-12-01',
    );
    assert.deepEqual(
      suggestFrames(model, text, [coded]).map((s) => s.frame),
      ['data'],
      'the coder has been in the second sentence: no suggestion there',
    );
    const dismissed = new Set([suggestionKey('data', 'Citizen data stays on servers.')]);
    assert.deepEqual(
      suggestFrames(model, text, [], { dismissed }).map((s) => s.frame),
      ['threats'],
    );
    assert.deepEqual(suggestFrames(model, text, [], { threshold: 0.999999 }), []);
  });

  it('learns only from human decisions: no automatic coder, no span waiting for review', () => {
    const text = 'Data stays home. The army marches. Nothing here.';
    const at = (q: string, coder: string, extra: Partial<Annotation> = {}): Annotation => ({
      ...createAnnotation(
        text,
        text.indexOf(q),
        text.indexOf(q) + q.length,
        q.startsWith('Data') ? 'data' : 'threats',
        coder,
        '2026-12-01',
      ),
      ...extra,
    });
    const documents = [
      {
        path: 't.txt',
        text,
        annotations: [
          at('Data stays home.', 'ana'),
          at('The army marches.', 'model:test/echo'),
          at('army', 'ana', { status: 'needs-review' as const }),
        ],
      },
    ];
    const units = labelledUnits(codebook(), documents);
    assert.deepEqual(
      units.map((u) => [u.text, [...u.frames]]),
      [
        ['Data stays home.', ['data']],
        ['The army marches.', []],
        ['Nothing here.', []],
      ],
    );
    assert.deepEqual([...units[0].byCoder.keys()], ['ana']);
  });

  it('cross-validation: deterministic, consistent counts, and kappa computed by the agreement code', () => {
    const { codebook: cb, documents } = readCodedDocuments(
      ['test/fixtures/assist-corpus'],
      'codebook/sovereignty.yaml',
      'counted',
    );
    const units = labelledUnits(cb, documents);
    const report = evaluateSuggester(units, { prior: codebookUnits(cb) });
    assert.deepEqual(evaluateSuggester(units, { prior: codebookUnits(cb) }), report, 'the same seed, the same figures');
    assert.equal(report.foldBy, 'text');
    for (const c of report.coders) {
      for (const f of c.frames) {
        const support = units.filter((u) => u.byCoder.get(c.coder)?.has(f.frame)).length;
        assert.equal(
          f.truePositives + f.falseNegatives,
          support,
          `${c.coder}/${f.frame}: support is the coder's own count`,
        );
      }
      // kappa re-derived from the confusion counts alone (2×2 per frame, pooled)
      const rows: string[][] = [];
      for (const f of c.frames) {
        const tn = c.units - f.truePositives - f.falsePositives - f.falseNegatives;
        for (const [n, g, t] of [
          [f.truePositives, 'yes', 'yes'],
          [f.falsePositives, 'yes', 'no'],
          [f.falseNegatives, 'no', 'yes'],
          [tn, 'no', 'no'],
        ] as const)
          for (let i = 0; i < n; i++) rows.push([g, t]);
      }
      assert.ok(Math.abs((agreementCoefficients(rows).cohenKappa ?? NaN) - (c.agreement.cohenKappa ?? NaN)) < 1e-12);
    }
  });

  it('measured on the hand-coded corpus: prints its figures and holds the floor set from measurement', () => {
    const r = sovcode(
      'suggest',
      '--evaluate',
      'test/fixtures/assist-corpus',
      '--codebook',
      'codebook/sovereignty.yaml',
      '--format',
      'json',
    );
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out) as ReturnType<typeof evaluateSuggester>;
    console.log(
      evaluationText(report)
        .split('\n')
        .filter((l) => l.startsWith('against') || l.startsWith('frame suggester'))
        .map((l) => `      ${l}`)
        .join('\n'),
    );
    // measured 2026-12-02 with the grown codebook of issue 11: F1 0.47 / 0.44, kappa 0.42 / 0.38 (seed 1, L2 0.01)
    for (const c of report.coders) {
      assert.ok((c.overall.f1 ?? 0) >= 0.42, `${c.coder}: F1 ${c.overall.f1}`);
      assert.ok((c.agreement.cohenKappa ?? 0) >= 0.35, `${c.coder}: kappa ${c.agreement.cohenKappa}`);
    }
  });

  it('sovcode suggest refuses what it cannot use, in words that say what to do', () => {
    assert.match(
      sovcode('suggest', '--evaluate', '--folds', '1', 'test/fixtures/assist-corpus').err,
      /--folds '1' is not valid/,
    );
    assert.match(sovcode('suggest', '--from', 'test/fixtures/assist-corpus').err, /name the texts/);
    const r = sovcode(
      'suggest',
      '--from',
      'test/fixtures/assist-corpus',
      '--threshold',
      '0.5',
      'test/fixtures/assist-corpus/minister-budget-speech.txt',
    );
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, 'no suggestions\n', 'every sentence of a coded text has been coded');
  });
});
