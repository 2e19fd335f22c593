/**
 * The annotation model: one coding decision (a frame applied to a span of a source text) and the ordered,
 * immutable list operations the editor and the CLI use. The list is always kept in the stable order of
 * `compareAnnotations`, which is also the order of the blocks in the sidecar file, so that a new annotation
 * lands at a predictable place and two coders' additions merge in Git.
 */
import { randomBytes } from 'node:crypto';
import { splitsSurrogatePair } from '../text';

/**
 * Status set by anchoring and edit tracking ('needs-review', 'orphaned'), or by a merge of two branches that
 * changed the same decision differently ('conflict', with `conflictWith` naming the other version). An
 * annotation without a status is anchored on its quote.
 */
export type AnnotationStatus = 'needs-review' | 'orphaned' | 'conflict';

export interface Annotation {
  /** Stable, unique, never reused: 'a' + 10 base32 characters from a crypto random source. */
  id: string;
  /** Frame id from the codebook (kept as is even when the codebook no longer has it). */
  frame: string;
  /** Canonical UTF-16 offsets, start < end (start === end only for an orphan), never inside a surrogate pair. */
  start: number;
  end: number;
  /** The exact text [start, end) when it was coded: the record of the decision. */
  quote: string;
  /** Up to CONTEXT_LENGTH UTF-16 units of text on each side, for re-anchoring; never splits a surrogate pair. */
  prefix: string;
  suffix: string;
  coder: string;
  /** YYYY-MM-DD, set once. */
  created: string;
  /** YYYY-MM-DD of the last change after coding (retag, memo, review, re-attach), with who made it. */
  modified?: string;
  modifiedBy?: string;
  /** Who chose the current frame, when a coder other than `coder` retagged it (attribution.ts). */
  retaggedBy?: string;
  memo?: string;
  status?: AnnotationStatus;
  /** Only with status 'conflict': the id of the other version of the same decision, kept beside this one. */
  conflictWith?: string;
}

/** Length of the prefix and suffix context, in UTF-16 code units (one less when it would split a pair). */
export const CONTEXT_LENGTH = 32;

/** Crockford's base32 alphabet in lower case: no i, l, o, u, so ids read aloud and never spell words. */
const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** A fresh annotation id: 'a' followed by 10 base32 characters (50 random bits). */
export function newAnnotationId(): string {
  const bytes = randomBytes(10);
  let id = 'a';
  for (const b of bytes) id += ID_ALPHABET[b & 31];
  return id;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The prefix and suffix context of [start, end) in `text`, trimmed so that neither splits a surrogate pair. */
export function contextAround(text: string, start: number, end: number): { prefix: string; suffix: string } {
  let from = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, from)) from++;
  let to = Math.min(text.length, end + CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, to)) to--;
  return { prefix: text.slice(from, start), suffix: text.slice(end, to) };
}

/**
 * A new annotation on [start, end) of the canonical `text`. Throws RangeError for an empty or out-of-range span,
 * a span boundary inside a surrogate pair, or a bad date, so that no malformed annotation is ever created.
 */
export function createAnnotation(
  text: string,
  start: number,
  end: number,
  frame: string,
  coder: string,
  today: string,
  id: string = newAnnotationId(),
): Annotation {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`invalid span [${start}, ${end}) for a text of length ${text.length}`);
  }
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    throw new RangeError(`span [${start}, ${end}) would split a character (surrogate pair)`);
  }
  if (frame === '' || coder === '') throw new RangeError('frame and coder must not be empty');
  if (!isIsoDate(today)) throw new RangeError(`created date must be YYYY-MM-DD, got '${today}'`);
  return {
    id,
    frame,
    start,
    end,
    quote: text.slice(start, end),
    ...contextAround(text, start, end),
    coder,
    created: today,
  };
}

/** Plain code-unit comparison: deterministic across locales and machines, unlike localeCompare. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The stable order of annotations (and of sidecar blocks): start, end, frame, id. */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  return a.start - b.start || a.end - b.end || compareStrings(a.frame, b.frame) || compareStrings(a.id, b.id);
}

/** A sorted copy of any list of annotations. */
export function sortAnnotations(list: readonly Annotation[]): Annotation[] {
  return [...list].sort(compareAnnotations);
}

/**
 * Annotations touching a caret at `offset`: start <= offset <= end. The end is included so that a caret
 * just after a coded word (where it rests after selecting it) still finds the annotation.
 */
export function annotationsAt(list: readonly Annotation[], offset: number): Annotation[] {
  return list.filter((a) => a.start <= offset && offset <= a.end);
}

/** Annotations overlapping [from, to); an empty range behaves like `annotationsAt(from)`. */
export function annotationsInRange(list: readonly Annotation[], from: number, to: number): Annotation[] {
  if (from >= to) return annotationsAt(list, from);
  return list.filter((a) => a.start < to && a.end > from);
}

/** A new list with `annotation` inserted at its sorted place. Throws when its id is already in the list. */
export function addAnnotation(list: readonly Annotation[], annotation: Annotation): Annotation[] {
  if (list.some((a) => a.id === annotation.id)) throw new RangeError(`duplicate annotation id '${annotation.id}'`);
  let i = list.length;
  while (i > 0 && compareAnnotations(list[i - 1], annotation) > 0) i--;
  return [...list.slice(0, i), annotation, ...list.slice(i)];
}

/** A new list without the annotation `id` (an unchanged copy when there is none). */
export function removeAnnotation(list: readonly Annotation[], id: string): Annotation[] {
  return list.filter((a) => a.id !== id);
}

/** Applies `change` to the annotation `id` and restores the order; an unchanged copy when there is none. */
export function updateAnnotation(
  list: readonly Annotation[],
  id: string,
  change: (a: Annotation) => Annotation,
): Annotation[] {
  return sortAnnotations(list.map((a) => (a.id === id ? change(a) : a)));
}
