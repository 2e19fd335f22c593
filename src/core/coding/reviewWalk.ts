/**
 * The review walk over a bulk tag: the annotations still marked "needs review", in text order, and which one
 * comes next or before a caret, wrapping at either end, so a coder can step through every occurrence a *Tag all*
 * created, accept or reject each, and know where they are ("review 3 of 12").
 */
import type { Annotation } from '../annotations';

/** The annotations that need review, in text order (the list is kept sorted; orphans have no place to go to). */
export function toReview(list: readonly Annotation[]): Annotation[] {
  return list.filter((a) => a.status === 'needs-review');
}

/**
 * The annotation to review after (`direction` 1) or before (-1) where the walk stands, wrapping round the
 * document; undefined when none needs review. The walk stands on `current` (the id of the annotation it
 * selected last) when that still needs review, and otherwise at the caret `offset`: next is then the first one
 * starting after the caret, previous the last one starting before it.
 */
export function nextToReview(
  list: readonly Annotation[],
  offset: number,
  direction: 1 | -1,
  current?: string,
): Annotation | undefined {
  const pending = toReview(list);
  if (pending.length === 0) return undefined;
  const at = current === undefined ? -1 : pending.findIndex((a) => a.id === current);
  if (at >= 0) return pending[(at + direction + pending.length) % pending.length];
  if (direction === 1) return pending.find((a) => a.start > offset) ?? pending[0];
  return pending.filter((a) => a.start < offset).at(-1) ?? pending[pending.length - 1];
}

/** Where the walk stands: the 1-based position of the annotation `id` among those to review, and how many. */
export function reviewPosition(list: readonly Annotation[], id: string | undefined): { index?: number; total: number } {
  const pending = toReview(list);
  const at = id === undefined ? -1 : pending.findIndex((a) => a.id === id);
  return at < 0 ? { total: pending.length } : { index: at + 1, total: pending.length };
}
