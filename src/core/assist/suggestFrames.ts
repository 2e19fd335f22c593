/**
 * Frame suggestions for the uncoded sentences of one text: what the editor shows as faint, dismissible cues.
 * A sentence that any annotation touches is left alone (the coder has been there); a suggestion is never an
 * annotation until the coder accepts it.
 */
import { sentenceUnits } from '../agreement/units';
import type { Annotation } from '../annotations';
import { textFeatures } from './features';
import { explainFrame, frameProbabilities, type FrameModel } from './frameModel';

export interface FrameSuggestion {
  start: number;
  end: number;
  frame: string;
  /** The classifier's probability that the sentence carries the frame. */
  probability: number;
  /** Words of the sentence that weigh most for the frame. */
  because: string[];
}

export interface SuggestOptions {
  /** Suggest a frame at or above this probability (default 0.5). */
  threshold?: number;
  /** At most this many frames per sentence, the likeliest first (default 2). */
  perSentence?: number;
  /**
   * Say why (the `because` words) for each suggestion (default true). The editor says why only in the hover of
   * the one the coder points at, which keeps scoring a screenful of text to the features and the sums.
   */
  explain?: boolean;
  /** Keys (`suggestionKey`) of suggestions the coder dismissed. */
  dismissed?: ReadonlySet<string>;
}

export const DEFAULT_THRESHOLD = 0.5;

/** Identifies a suggestion across edits elsewhere: the frame and the sentence's text. */
export const suggestionKey = (frame: string, sentence: string): string => `${frame}\u0000${sentence}`;

interface Stretch {
  start: number;
  end: number;
}

/** The placed annotations' spans merged into sorted, disjoint stretches. */
function codedStretches(annotations: readonly Annotation[]): Stretch[] {
  const spans = annotations
    .filter((a) => a.status !== 'orphaned')
    .map((a) => ({ start: a.start, end: a.end }))
    .sort((a, b) => a.start - b.start);
  const merged: Stretch[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

export function suggestFrames(
  model: FrameModel,
  text: string,
  annotations: readonly Annotation[],
  options: SuggestOptions = {},
): FrameSuggestion[] {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const perSentence = options.perSentence ?? 2;
  const coded = codedStretches(annotations);
  const out: FrameSuggestion[] = [];
  let next = 0;
  for (const unit of sentenceUnits(text)) {
    while (next < coded.length && coded[next].end <= unit.start) next++;
    const stretch = coded[next];
    if (stretch !== undefined && stretch.start < unit.end) continue; // the coder has been in this sentence
    const sentence = text.slice(unit.start, unit.end);
    const likely = frameProbabilities(model, textFeatures(sentence))
      .filter((p) => p.probability >= threshold && !options.dismissed?.has(suggestionKey(p.frame, sentence)))
      .sort((a, b) => b.probability - a.probability || (a.frame < b.frame ? -1 : 1))
      .slice(0, perSentence);
    for (const p of likely)
      out.push({ ...unit, ...p, because: options.explain === false ? [] : explainFrame(model, p.frame, sentence) });
  }
  return out;
}
