/**
 * Carrying annotations through text edits. VS Code does not track decoration ranges for us
 * (microsoft/vscode#48364), so the adapter feeds `onDidChangeTextDocument` content changes here, converted to
 * canonical offsets, in the order given: each edit's offsets refer to the text after the previous edits.
 *
 * The rule is that no annotation is ever dropped or silently moved onto other text:
 * - an edit before the span (ending at or before its start, including an insertion at its start) shifts it;
 * - an edit after it (starting at or after its end, including an insertion at its end) leaves it alone;
 * - an edit inside it (an insertion strictly inside, or a replacement within it) grows or shrinks the span and
 *   marks it 'needs-review', since the coded text changed;
 * - an edit across one boundary keeps the union of what survives and the new text, marked 'needs-review';
 * - an edit that removes the whole span leaves an 'orphaned' annotation of zero width where the text was.
 * The quote is never rewritten: it is the record of what was coded. An annotation that only shifted still has
 * text.slice(start, end) === quote; its prefix and suffix are refreshed from the new text so that later
 * re-anchoring compares against current context.
 */
import { compareAnnotations, CONTEXT_LENGTH, contextAround } from './annotation';
import type { Annotation, AnnotationStatus } from './annotation';

/** One replacement, in canonical offsets of the text before this edit (after the previous ones). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

interface Tracked {
  original: Annotation;
  start: number;
  end: number;
  status: AnnotationStatus | undefined;
  touched: boolean;
  /** An edit came within CONTEXT_LENGTH of the span, so its prefix or suffix may have changed. */
  nearEdit: boolean;
}

function checkEdit(e: TextEdit, index: number): void {
  if (!Number.isInteger(e.start) || !Number.isInteger(e.end) || e.start < 0 || e.end < e.start) {
    throw new RangeError(`edit ${index} has an invalid range [${e.start}, ${e.end})`);
  }
}

/** Marks the span as changed by an edit; an orphan stays an orphan. */
function review(t: Tracked): void {
  t.touched = true;
  if (t.status !== 'orphaned') t.status = 'needs-review';
}

function applyEdit(t: Tracked, e: TextEdit): void {
  const { start: s, end: x } = e;
  const inserted = e.text.length;
  const delta = inserted - (x - s);
  const a = t.start;
  const b = t.end;
  if (x >= a - CONTEXT_LENGTH && s <= b + CONTEXT_LENGTH) t.nearEdit = true;
  if (x <= a) {
    // Entirely before the span, or an insertion right at its start: the span moves with its text.
    t.start = a + delta;
    t.end = b + delta;
  } else if (s >= b) {
    // Entirely after the span, or an insertion right at its end: nothing to do.
  } else if (s <= a && x >= b) {
    // The whole span is gone: keep the record as a zero-width orphan where its text was.
    t.start = s;
    t.end = s;
    t.touched = true;
    t.status = 'orphaned';
  } else if (s >= a && x <= b) {
    t.end = b + delta;
    review(t);
  } else if (s < a) {
    // Across the start: the span now begins with the replacement text.
    t.start = s;
    t.end = b + delta;
    review(t);
  } else {
    // Across the end: the span now ends with the replacement text.
    t.end = s + inserted;
    review(t);
  }
}

/**
 * What is read of the new text: a string, or excerpts of a document too long to copy whole on every keystroke
 * (a string is one already). Only the context of spans near an edit is ever read.
 */
export interface TextExcerpts {
  readonly length: number;
  slice(from: number, to: number): string;
}

/** contextAround over an excerpt one unit wider than the context each side, so pair checks see the same units. */
function contextIn(text: TextExcerpts, start: number, end: number): { prefix: string; suffix: string } {
  const lo = Math.max(0, start - CONTEXT_LENGTH - 1);
  const hi = Math.min(text.length, end + CONTEXT_LENGTH + 1);
  return contextAround(text.slice(lo, hi), start - lo, end - lo);
}

function settle(t: Tracked, newText: TextExcerpts): Annotation {
  const o = t.original;
  if (t.touched) {
    const next: Annotation = { ...o, start: t.start, end: t.end };
    if (t.status !== undefined) next.status = t.status;
    return next;
  }
  // Context is refreshed only for anchored spans with an edit nearby: elsewhere it cannot have changed.
  const context =
    o.status === undefined && t.nearEdit ? contextIn(newText, t.start, t.end) : { prefix: o.prefix, suffix: o.suffix };
  if (t.start === o.start && t.end === o.end && context.prefix === o.prefix && context.suffix === o.suffix) return o;
  return { ...o, start: t.start, end: t.end, ...context };
}

/**
 * The annotations after `edits` turned the old text into `newText`. Returns a new sorted array; the input
 * array and its annotations are never mutated (unchanged annotations are returned as the same objects).
 */
export function shiftAnnotations(
  list: readonly Annotation[],
  edits: readonly TextEdit[],
  newText: TextExcerpts,
): Annotation[] {
  edits.forEach(checkEdit);
  if (edits.length === 1) return shiftThroughOne(list, edits[0], newText);
  const tracked: Tracked[] = list.map((a) => ({
    original: a,
    start: a.start,
    end: a.end,
    status: a.status,
    touched: false,
    nearEdit: false,
  }));
  for (const e of edits) {
    for (const t of tracked) applyEdit(t, e);
  }
  return tracked.map((t) => settle(t, newText)).sort(compareAnnotations);
}

/**
 * shiftAnnotations for one edit (a keystroke), the same result with less work per annotation: a span that
 * ends more than CONTEXT_LENGTH before the edit is returned as it is, and one that starts more than
 * CONTEXT_LENGTH after it is only moved (no edit near it, so its context is unchanged); only the spans near the
 * edit take the general path. At 10,000 annotations that is a few near ones instead of 10,000 tracked copies.
 */
function shiftThroughOne(list: readonly Annotation[], e: TextEdit, newText: TextExcerpts): Annotation[] {
  const delta = e.text.length - (e.end - e.start);
  const out = new Array<Annotation>(list.length);
  let sorted = true;
  for (let i = 0; i < list.length; i++) {
    const a = list[i];
    let b: Annotation;
    if (e.start > a.end + CONTEXT_LENGTH) b = a;
    else if (e.end < a.start - CONTEXT_LENGTH) b = delta === 0 ? a : movedBy(a, delta);
    else {
      const t: Tracked = { original: a, start: a.start, end: a.end, status: a.status, touched: false, nearEdit: false };
      applyEdit(t, e);
      b = settle(t, newText);
    }
    out[i] = b;
    if (sorted && i > 0 && compareAnnotations(out[i - 1], b) > 0) sorted = false;
  }
  // a list in order stays in order but for the spans near the edit: sort only when one of them moved past another
  return sorted ? out : out.sort(compareAnnotations);
}

/**
 * The annotation moved by `delta`, every other key as it was. Written out rather than spread: spreading an
 * object whose optional keys vary (memo, status, modified…) takes V8's slow path, 5,000 times per keystroke.
 */
function movedBy(a: Annotation, delta: number): Annotation {
  const b: Annotation = {
    id: a.id,
    frame: a.frame,
    start: a.start + delta,
    end: a.end + delta,
    quote: a.quote,
    prefix: a.prefix,
    suffix: a.suffix,
    coder: a.coder,
    created: a.created,
  };
  // the optional keys one by one (present, even if undefined, stays present: as a spread would keep it)
  if ('modified' in a) b.modified = a.modified;
  if ('modifiedBy' in a) b.modifiedBy = a.modifiedBy;
  if ('retaggedBy' in a) b.retaggedBy = a.retaggedBy;
  if ('memo' in a) b.memo = a.memo;
  if ('status' in a) b.status = a.status;
  if ('conflictWith' in a) b.conflictWith = a.conflictWith;
  if (Object.keys(a).length !== Object.keys(b).length) copyOtherKeys(a, b);
  return b;
}

/** Keys the Annotation type does not list (a future field, a test's extra key): kept, like a spread keeps them. */
function copyOtherKeys(a: Annotation, b: Annotation): void {
  const from = a as unknown as Record<string, unknown>;
  const to = b as unknown as Record<string, unknown>;
  for (const key of Object.keys(from)) if (!(key in to)) to[key] = from[key];
}
