/**
 * `sovcode suggest --evaluate`: k-fold cross-validation of the suggester over the workspace's own coding, so
 * that a methods section can say how good the suggestions are before anyone relies on them. The folds are
 * whole texts when there are at least k coded texts (sentences of one text resemble each other, and a model
 * must not be tested on the text it learned from), else sentences; both in a seeded order. Each held-out
 * sentence is predicted by a model trained on the other folds, and the predictions are compared with each
 * human coder's decisions on the texts that coder coded: precision, recall and F1 per frame, and agreement
 * (kappa, alpha) over (sentence, frame) items with the same code as the agreement report.
 */
import { agreementCoefficients, type Coefficients } from '../agreement/statistics';
import { frameProbabilities, MIN_POSITIVES, trainFrameModel } from './frameModel';
import { seededRandom, shuffled } from './seededRandom';
import { DEFAULT_THRESHOLD } from './suggestFrames';
import type { LabelledUnit } from './trainingSet';
import type { TrainingUnit } from './frameModel';

export interface FrameScore {
  frame: string;
  /** Held-out sentences the coder gave the frame (true positives + false negatives). */
  support: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number | undefined;
  recall: number | undefined;
  f1: number | undefined;
}

export interface CoderEvaluation {
  coder: string;
  /** Held-out sentences of texts this coder coded. */
  units: number;
  frames: FrameScore[];
  /** Micro-averaged over the frames. */
  overall: FrameScore;
  /** Suggester against this coder over (sentence, frame) items, yes/no. */
  agreement: Coefficients;
}

export interface EvaluationReport {
  folds: number;
  foldBy: 'text' | 'sentence';
  seed: number;
  threshold: number;
  units: number;
  /** Frames with enough coding to be learned in every fold's training part. */
  frames: string[];
  coders: CoderEvaluation[];
}

export interface EvaluationOptions {
  folds?: number;
  seed?: number;
  threshold?: number;
  /** Always learned from, never tested on: the codebook's own words (trainingSet.ts codebookUnits). */
  prior?: readonly TrainingUnit[];
}

const ratio = (a: number, b: number): number | undefined => (b === 0 ? undefined : a / b);

function frameScore(frame: string, tp: number, fp: number, fn: number): FrameScore {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 =
    precision === undefined || recall === undefined || precision + recall === 0
      ? undefined
      : (2 * precision * recall) / (precision + recall);
  return { frame, support: tp + fn, truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 };
}

/** Fold number per unit: whole texts when there are enough of them, else single sentences; seeded. */
function foldsOf(units: readonly LabelledUnit[], k: number, seed: number): { fold: number[]; by: 'text' | 'sentence' } {
  const random = seededRandom(seed);
  const texts = [...new Set(units.map((u) => u.document))].sort();
  if (texts.length >= k) {
    const foldOfText = new Map(shuffled(texts, random).map((t, i) => [t, i % k]));
    return { fold: units.map((u) => foldOfText.get(u.document) ?? 0), by: 'text' };
  }
  const fold = new Array<number>(units.length).fill(0);
  shuffled(
    units.map((_, i) => i),
    random,
  ).forEach((unit, i) => (fold[unit] = i % k));
  return { fold, by: 'sentence' };
}

/** Cross-validated predictions (frames at or above the threshold) for every unit. */
function heldOutPredictions(
  units: readonly LabelledUnit[],
  frames: readonly string[],
  fold: readonly number[],
  k: number,
  options: Required<EvaluationOptions>,
): Set<string>[] {
  const { seed, threshold, prior } = options;
  const predicted = units.map(() => new Set<string>());
  for (let f = 0; f < k; f++) {
    const training = units.filter((_, i) => fold[i] !== f);
    const model = trainFrameModel(training, { frames, seed, prior });
    units.forEach((u, i) => {
      if (fold[i] !== f) return;
      for (const p of frameProbabilities(model, u.features)) if (p.probability >= threshold) predicted[i]?.add(p.frame);
    });
  }
  return predicted;
}

function evaluateCoder(
  coder: string,
  units: readonly LabelledUnit[],
  predicted: readonly Set<string>[],
  frames: readonly string[],
): CoderEvaluation {
  const mine = units
    .map((u, i) => ({ truth: u.byCoder.get(coder), guess: predicted[i] ?? new Set<string>() }))
    .filter((x) => x.truth !== undefined);
  const ratings: string[][] = [];
  let [tpAll, fpAll, fnAll] = [0, 0, 0];
  const scores = frames.map((frame) => {
    let [tp, fp, fn] = [0, 0, 0];
    for (const { truth, guess } of mine) {
      const t = truth?.has(frame) === true;
      const g = guess.has(frame);
      ratings.push([g ? 'yes' : 'no', t ? 'yes' : 'no']);
      if (t && g) tp++;
      else if (g) fp++;
      else if (t) fn++;
    }
    [tpAll, fpAll, fnAll] = [tpAll + tp, fpAll + fp, fnAll + fn];
    return frameScore(frame, tp, fp, fn);
  });
  return {
    coder,
    units: mine.length,
    frames: scores,
    overall: frameScore('all', tpAll, fpAll, fnAll),
    agreement: agreementCoefficients(ratings),
  };
}

/** The cross-validated figures of the suggester over these labelled units. */
export function evaluateSuggester(units: readonly LabelledUnit[], options: EvaluationOptions = {}): EvaluationReport {
  const seed = options.seed ?? 1;
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const requested = options.folds ?? 5;
  if (!Number.isInteger(requested) || requested < 2)
    throw new RangeError(`folds must be a whole number of at least 2, got ${requested}`);
  const k = Math.min(requested, units.length);
  if (k < 2) throw new RangeError('cross-validation needs at least two coded sentences');
  // a frame is evaluated only where it can be learned: enough coded sentences outside any one fold
  const counts = new Map<string, number>();
  for (const u of units) for (const f of u.frames) counts.set(f, (counts.get(f) ?? 0) + 1);
  const frames = [...counts]
    .filter(([, n]) => n >= MIN_POSITIVES + Math.ceil(n / k))
    .map(([f]) => f)
    .sort();
  const { fold, by } = foldsOf(units, k, seed);
  const predicted = heldOutPredictions(units, frames, fold, k, {
    folds: k,
    seed,
    threshold,
    prior: options.prior ?? [],
  });
  const coders = [...new Set(units.flatMap((u) => [...u.byCoder.keys()]))].sort();
  return {
    folds: k,
    foldBy: by,
    seed,
    threshold,
    units: units.length,
    frames,
    coders: coders.map((c) => evaluateCoder(c, units, predicted, frames)),
  };
}
