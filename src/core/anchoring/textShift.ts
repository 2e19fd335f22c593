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

/**
 * Walks `list` in old-offset order; `place` anchors one annotation and returns its new start if confident.
 * Then each annotation left unsure gets one more chance with the delta of the next confident one after it:
 * the first annotations of a text have no predecessor to learn a shift from (one at the very top, with text
 * inserted above it, has no prefix left to prove itself by), but their successors show it.
 */
export function walkInOffsetOrder<T>(
  list: readonly Annotation[],
  text: string,
  place: (a: Annotation, step: ShiftStep) => { result: T; confidentStart: number | undefined },
): T[] {
  const order = list.map((_, i) => i).sort((x, y) => (list[x]?.start ?? 0) - (list[y]?.start ?? 0) || x - y);
  const results = new Array<T>(list.length);
  const deltas = new Array<number | undefined>(order.length);
  let delta = 0;
  order.forEach((i, k) => {
    const a = list[i];
    if (a === undefined) return;
    const { result, confidentStart } = place(a, { delta, holds: delta !== 0 && pieceHolds(text, a, delta) });
    if (confidentStart !== undefined) {
      delta = confidentStart - a.start;
      deltas[k] = delta;
    }
    results[i] = result;
  });
  let next: number | undefined;
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k] ?? 0;
    const a = list[i];
    if (deltas[k] !== undefined) next = deltas[k];
    else if (a !== undefined && next !== undefined && next !== 0 && pieceHolds(text, a, next))
      results[i] = place(a, { delta: next, holds: true }).result;
  }
  return results;
}
