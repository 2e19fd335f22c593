/**
 * Re-attaching an orphan: the coder points at where the coded passage now is, and the annotation moves there.
 * Id, frame, coder, date and memo stay (it is the same coding decision); the quote and its context are taken
 * afresh from the new span, and the orphaned or needs-review status is cleared because a person placed it;
 * who placed it, and when, is recorded (`modified`, `modifiedBy`).
 */
import { contextAround, recordEdit, sortAnnotations, type Annotation, type Edit } from '../annotations';
import { splitsSurrogatePair } from '../text';

/** A new list with annotation `id` on [start, end) of `text`. Throws RangeError for a bad span or an unknown id. */
export function reattachAnnotation(
  list: readonly Annotation[],
  id: string,
  text: string,
  start: number,
  end: number,
  edit: Edit,
): Annotation[] {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`invalid span [${start}, ${end}) for a text of length ${text.length}`);
  }
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end))
    throw new RangeError(`span [${start}, ${end}) would split a character`);
  if (!list.some((a) => a.id === id)) throw new RangeError(`no annotation '${id}'`);
  return sortAnnotations(
    list.map((a) => {
      if (a.id !== id) return a;
      const next: Annotation = recordEdit(
        { ...a, start, end, quote: text.slice(start, end), ...contextAround(text, start, end) },
        edit,
      );
      delete next.status;
      return next;
    }),
  );
}
