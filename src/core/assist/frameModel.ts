/**
 * The suggester's classifier: one logistic regression per frame ("does this sentence carry frame F?"), over the
 * hashed n-gram features of features.ts, trained by stochastic gradient descent in a seeded order. Logistic
 * regression rather than naive Bayes because its probabilities are usable as shown ("0.82"), where naive
 * Bayes pushes every posterior to 0 or 1 on sentences with many correlated n-grams. A sentence can carry
 * several frames, so the frames are independent binary problems (one-vs-rest).
 *
 * Coded sentences are few beside uncoded ones, so positives are weighted by the square root of the class
 * ratio (capped): enough that a frame coded in 5 % of sentences is ever suggested, not so much that the
 * probabilities lose their meaning. The figures this gives are measured by crossValidation.ts, not assumed.
 */
import { FEATURE_SPACE, featureHash, wordFeatures } from './features';
import { seededRandom, shuffled } from './seededRandom';

/** One unit of training data: its features and the frames the coders applied to it (empty: coded, no frame). */
export interface TrainingUnit {
  features: Uint32Array;
  frames: ReadonlySet<string>;
}

export interface FrameWeights {
  frame: string;
  bias: number;
  weights: Float32Array;
  /** Training units carrying the frame. */
  positives: number;
}

export interface FrameModel {
  frames: FrameWeights[];
  /** Training units in all. */
  units: number;
  seed: number;
}

export interface TrainingOptions {
  /** Frames to learn (each needs `minPositives` units); the others get no model. */
  frames: readonly string[];
  /** A frame with fewer coded units than this is not learned: its suggestions would be noise. */
  minPositives?: number;
  epochs?: number;
  seed?: number;
  /**
   * Units that are always learned from but do not count towards `minPositives`: the codebook's own words
   * (trainingSet.ts codebookUnits), which give each frame its vocabulary in every language before the coding
   * has many examples of it.
   */
  prior?: readonly TrainingUnit[];
}

/** Below this many coded sentences a frame gets no suggestions (documented in docs/assisted-coding.md). */
export const MIN_POSITIVES = 5;
const EPOCHS = 3;
const LEARNING_RATE = 0.3;
const L2 = 1e-2;
const MAX_POSITIVE_WEIGHT = 6;

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

function score(model: FrameWeights, features: Uint32Array): number {
  const weights = model.weights;
  let z = model.bias;
  // an indexed loop: iterating a typed array with for…of costs several times more on this hot path
  for (let i = 0; i < features.length; i++) z += weights[features[i]];
  return z;
}

/** Units learned between two yields of the training steps: a few milliseconds of work. */
const UNITS_PER_STEP = 100;

function* trainFrameSteps(
  frame: string,
  units: readonly TrainingUnit[],
  order: readonly number[],
  epochs: number,
): Generator<void, FrameWeights> {
  const positives = units.filter((u) => u.frames.has(frame)).length;
  const negatives = units.length - positives;
  const positiveWeight = Math.min(MAX_POSITIVE_WEIGHT, Math.max(1, Math.sqrt(negatives / Math.max(1, positives))));
  const model: FrameWeights = { frame, bias: 0, weights: new Float32Array(FEATURE_SPACE), positives };
  let sinceYield = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const rate = LEARNING_RATE / (1 + epoch);
    for (const i of order) {
      if (++sinceYield === UNITS_PER_STEP) {
        sinceYield = 0;
        yield;
      }
      const unit = units[i];
      const y = unit.frames.has(frame) ? 1 : 0;
      const weight = y === 1 ? positiveWeight : 1;
      // the features are binary, so each one's gradient is the residual itself
      const g = rate * weight * (y - sigmoid(score(model, unit.features)));
      model.bias += g;
      for (const f of unit.features) model.weights[f] = (model.weights[f] ?? 0) * (1 - rate * L2) + g;
    }
  }
  return model;
}

/**
 * The training as steps of a few milliseconds each (a generator that yields between them), so that the editor
 * can train between keystrokes without blocking its extension host; the result is the same model as
 * trainFrameModel's.
 */
export function* trainingSteps(units: readonly TrainingUnit[], options: TrainingOptions): Generator<void, FrameModel> {
  const seed = options.seed ?? 1;
  const minPositives = options.minPositives ?? MIN_POSITIVES;
  const all = [...units, ...(options.prior ?? [])];
  const order = shuffled(
    all.map((_, i) => i),
    seededRandom(seed),
  );
  const frames: FrameWeights[] = [];
  for (const frame of options.frames) {
    if (units.filter((u) => u.frames.has(frame)).length < minPositives) continue;
    frames.push(yield* trainFrameSteps(frame, all, order, options.epochs ?? EPOCHS));
  }
  return { frames, units: units.length, seed };
}

/** Trains one classifier per frame that has enough coded units; deterministic for a given seed. */
export function trainFrameModel(units: readonly TrainingUnit[], options: TrainingOptions): FrameModel {
  const steps = trainingSteps(units, options);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/** Probability per learned frame that a unit with these features carries it. */
export function frameProbabilities(model: FrameModel, features: Uint32Array): { frame: string; probability: number }[] {
  return model.frames.map((m) => ({ frame: m.frame, probability: sigmoid(score(m, features)) }));
}

/** Dictionary words (ICU), which split unspaced Chinese into words where the features keep whole runs. */
const explanationWords = new Intl.Segmenter('und', { granularity: 'word' });

/** The n-grams of a word inside a longer run (unpadded) and as a run of its own (padded), hashed. */
function explanationFeatures(word: string): Set<number> {
  const out = new Set(wordFeatures(word));
  for (let n = 2; n <= 4; n++) for (let i = 0; i + n <= word.length; i++) out.add(featureHash(word.slice(i, i + n)));
  return out;
}

/**
 * The words of a sentence that weigh most for a frame: each word's n-grams' weights summed, the highest
 * positive ones first, for the hover's "because: data, servers, national".
 */
export function explainFrame(model: FrameModel, frame: string, sentence: string, count = 3): string[] {
  const m = model.frames.find((x) => x.frame === frame);
  if (!m) return [];
  const byWord = new Map<string, number>();
  for (const piece of explanationWords.segment(sentence)) {
    const word = piece.segment.normalize('NFKC').toLowerCase();
    if (!piece.isWordLike || byWord.has(word)) continue;
    let sum = 0;
    for (const f of explanationFeatures(word)) sum += m.weights[f] ?? 0;
    byWord.set(word, sum);
  }
  return [...byWord]
    .filter(([, s]) => s > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, count)
    .map(([w]) => w);
}
