/**
 * Following a text-wide shift. The old text is not kept, but each annotation carries the piece of it around
 * its span (prefix + quote + suffix at its old offsets), so the annotations together are a sampled copy of
 * the old text. Walking them in old-offset order, the difference between old and new text shows as a running
 * offset delta: an annotation whose piece is found intact at its old offsets plus the current delta simply
 * moved with the text; only one whose piece fails there (the text around it was touched) is searched for,
 * and a confident placement of it sets the delta for those after it. One character inserted at the top of a
 * text thus costs one search and a comparison per annotation, whatever their number and however often their
 * quotes repeat.
 */
import type { Annotation } from '../annotations';
import { pieceHolds } from './position';

export interface ShiftStep {
  /** The delta to try for this annotation first (from the last confident placement before it). */
  delta: number;
  /** True when the annotation's piece is intact at its offsets + delta. */
  holds: boolean;
}

/** Walks `list` in old-offset order; `place` anchors one annotation and returns its new start if confident. */
export function walkInOffsetOrder<T>(
  list: readonly Annotation[], text: string, place: (a: Annotation, step: ShiftStep) => { result: T; confidentStart: number | undefined },
): T[] {
  const order = list.map((_, i) => i).sort((x, y) => (list[x]?.start ?? 0) - (list[y]?.start ?? 0) || x - y);
  const results = new Array<T>(list.length);
  let delta = 0;
  for (const i of order) {
    const a = list[i];
    if (a === undefined) continue;
    const { result, confidentStart } = place(a, { delta, holds: delta !== 0 && pieceHolds(text, a, delta) });
    if (confidentStart !== undefined) delta = confidentStart - a.start;
    results[i] = result;
  }
  return results;
}
