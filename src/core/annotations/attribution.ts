/**
 * Who decided what. An annotation keeps its `coder` and `created` for good (who first coded the span, and
 * when); a later change records who made it and when (`modified`, `modifiedBy`), and a retag by someone other
 * than the coder records who chose the frame it now has (`retaggedBy`). The frame is the coding decision that
 * exports and the agreement report credit, so it is credited to `retaggedBy` when set, else to `coder`: a memo
 * written or a review accepted by a second coder does not make the first coder's frame theirs. The list
 * operations that change a decision after coding live here, so that none of them can forget to record it.
 */
import { updateAnnotation, type Annotation } from './annotation';

/** A change to an annotation: by whom (the coder's name) and on which day (YYYY-MM-DD). */
export interface Edit {
  by: string;
  on: string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function checkedEdit(edit: Edit): Edit {
  if (edit.by === '') throw new RangeError('the name of who changed an annotation must not be empty');
  if (!ISO_DAY.test(edit.on)) throw new RangeError(`modified date must be YYYY-MM-DD, got '${edit.on}'`);
  return edit;
}

/** `a` with the change recorded: `modified` and `modifiedBy` say when and by whom it was last changed. */
export function recordEdit(a: Annotation, edit: Edit): Annotation {
  const { by, on } = checkedEdit(edit);
  return { ...a, modified: on, modifiedBy: by };
}

/** `a` with `frame`, credited to whoever chose it: `retaggedBy` only when that is not the annotation's coder. */
export function retaggedTo(a: Annotation, frame: string, edit: Edit): Annotation {
  const next = recordEdit({ ...a, frame }, edit);
  if (edit.by === a.coder) delete next.retaggedBy;
  else next.retaggedBy = edit.by;
  return next;
}

/** The coder whose decision the annotation's frame is: the last one who retagged it, else the one who coded it. */
export function decidedBy(a: Annotation): string {
  return a.retaggedBy ?? a.coder;
}

/** A new list where annotation `id` carries `frame`, the retag recorded (its position in the order may change). */
export function retagAnnotation(list: readonly Annotation[], id: string, frame: string, edit: Edit): Annotation[] {
  if (frame === '') throw new RangeError('frame must not be empty');
  return updateAnnotation(list, id, (a) => (a.frame === frame ? a : retaggedTo(a, frame, edit)));
}

/** A new list where annotation `id` has `memo`, the change recorded; undefined or an empty memo removes it. */
export function setMemo(list: readonly Annotation[], id: string, memo: string | undefined, edit: Edit): Annotation[] {
  return updateAnnotation(list, id, (a) => {
    if ((a.memo ?? '') === (memo ?? '')) return a;
    const next = recordEdit(a, edit);
    if (memo === undefined || memo === '') delete next.memo;
    else next.memo = memo;
    return next;
  });
}

/**
 * A new list where annotation `id` no longer needs review: a person looked at it and it stands as coded. Its
 * status goes (a needs-review or an orphaned flag alike, as the coder has just confirmed it where it is), and
 * who confirmed it is recorded; the frame stays credited to whoever chose it.
 */
export function markReviewed(list: readonly Annotation[], id: string, edit: Edit): Annotation[] {
  return updateAnnotation(list, id, (a) => {
    if (a.status === undefined) return a;
    const next = recordEdit(a, edit);
    delete next.status;
    return next;
  });
}
