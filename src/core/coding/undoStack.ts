/**
 * Undo and redo of coding decisions, per document. A coding change is recorded as the versions of the
 * annotations it touched, before and after (by id), not as a copy of the whole list: undoing it puts back
 * exactly those versions and leaves every other annotation as it is now, so an undo never reverts what another
 * command, the disk or a merge changed elsewhere in the file. An undo applies only while the touched
 * annotations are still as the change left them; when something else moved or changed one since, the step is
 * refused with a reason instead of writing back a stale copy. Each step also carries the text version it was
 * made at: the editor lets Ctrl+Z reach a coding step only while the text is unchanged since (the text's own
 * undo owns every other Ctrl+Z).
 */
import { addAnnotation, type Annotation } from '../annotations';
import { shortQuote } from './wording';

/** One coding decision as the list changed: the touched annotations before (absent: added) and after (absent: removed). */
export interface CodingChange {
  readonly before: readonly Annotation[];
  readonly after: readonly Annotation[];
}

/** A recorded step: the change, what it was in words, and the text version it was made at. */
export interface CodingStep {
  readonly change: CodingChange;
  readonly label: string;
  readonly textVersion: number;
}

/** How deep each document's history goes; older steps fall off (a bulk tag is one step however many spans). */
export const UNDO_DEPTH = 100;

/** A stable comparison of two annotation versions: same fields, same values (key order ignored). */
function sameVersion(a: Annotation, b: Annotation): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const fieldsOf = (x: Annotation): Record<string, unknown> => ({ ...x });
  const [fa, fb] = [fieldsOf(a), fieldsOf(b)];
  return [...keys].every((k) => fa[k] === fb[k]);
}

/** The change from `before` to `after` (whole lists), or undefined when no annotation differs. */
export function codingChangeBetween(
  before: readonly Annotation[],
  after: readonly Annotation[],
): CodingChange | undefined {
  const old = new Map(before.map((a) => [a.id, a]));
  const now = new Map(after.map((a) => [a.id, a]));
  const touched = new Set<string>();
  for (const [id, a] of old) if (!now.has(id) || !sameVersion(a, now.get(id) as Annotation)) touched.add(id);
  for (const id of now.keys()) if (!old.has(id)) touched.add(id);
  if (touched.size === 0) return undefined;
  return {
    before: before.filter((a) => touched.has(a.id)),
    after: after.filter((a) => touched.has(a.id)),
  };
}

/** The change that undoes `change`. */
export function inverseOf(change: CodingChange): CodingChange {
  return { before: change.after, after: change.before };
}

export type ApplyResult =
  { readonly ok: true; readonly list: Annotation[] } | { readonly ok: false; readonly reason: string };

/**
 * Applies `change` to the current list: the list must hold the `before` versions exactly (and none of the ids
 * the change adds); they are replaced by the `after` versions, and an id absent from `after` is removed.
 */
export function applyCodingChange(list: readonly Annotation[], change: CodingChange): ApplyResult {
  const current = new Map(list.map((a) => [a.id, a]));
  const ids = new Set([...change.before, ...change.after].map((a) => a.id));
  for (const expected of change.before) {
    const found = current.get(expected.id);
    if (!found) return { ok: false, reason: `annotation '${expected.quote}' is no longer in the file` };
    if (!sameVersion(found, expected))
      return { ok: false, reason: `annotation '${expected.quote}' has changed since (moved by an edit, or reloaded)` };
  }
  for (const added of change.after)
    if (current.has(added.id) && !change.before.some((b) => b.id === added.id))
      return { ok: false, reason: `annotation '${added.quote}' is already in the file` };
  let next = list.filter((a) => !ids.has(a.id));
  for (const a of change.after) next = addAnnotation(next, a);
  return { ok: true, list: next };
}

/** One document's undo and redo steps. */
export class UndoStack {
  private readonly undoSteps: CodingStep[] = [];
  private readonly redoSteps: CodingStep[] = [];

  /** A new coding decision: it can be undone, and whatever was undone before can no longer be redone. */
  record(step: CodingStep): void {
    this.undoSteps.push(step);
    if (this.undoSteps.length > UNDO_DEPTH) this.undoSteps.shift();
    this.redoSteps.length = 0;
  }

  /** The step an undo would revert, if any. */
  nextUndo(): CodingStep | undefined {
    return this.undoSteps.at(-1);
  }

  /** The step a redo would apply again, if any. */
  nextRedo(): CodingStep | undefined {
    return this.redoSteps.at(-1);
  }

  /** The last step was undone at text version `textVersion`: it moves to the redo side. */
  undone(textVersion: number): void {
    const step = this.undoSteps.pop();
    if (step) this.redoSteps.push({ ...step, textVersion });
  }

  /** The last undone step was applied again at `textVersion`: it moves back to the undo side. */
  redone(textVersion: number): void {
    const step = this.redoSteps.pop();
    if (step) this.undoSteps.push({ ...step, textVersion });
  }

  /** The next undo step cannot apply any more (its annotations changed since): it is dropped. */
  dropUndo(): void {
    this.undoSteps.pop();
  }

  /** The next redo step cannot apply any more: it is dropped. */
  dropRedo(): void {
    this.redoSteps.pop();
  }

  /** True when the next undo step was made at this text version (so Ctrl+Z may reach it). */
  canUndoAt(textVersion: number): boolean {
    return this.nextUndo()?.textVersion === textVersion;
  }

  canRedoAt(textVersion: number): boolean {
    return this.nextRedo()?.textVersion === textVersion;
  }
}

/** Why a change was made, in a coder's words, from what it did (frame ids named through `frameName`). */
export function describeChange(change: CodingChange, frameName: (id: string) => string): string {
  const before = new Map(change.before.map((a) => [a.id, a]));
  const after = new Map(change.after.map((a) => [a.id, a]));
  const added = change.after.filter((a) => !before.has(a.id));
  const removed = change.before.filter((a) => !after.has(a.id));
  const changed = change.after.filter((a) => before.has(a.id));
  const quoted = (a: Annotation): string => `'${shortQuote(a.quote)}'`;
  if (added.length > 0 && removed.length === 0 && changed.length === 0) {
    const frames = [...new Set(added.map((a) => frameName(a.frame)))].join(', ');
    return added.length === 1 ? `tag ${quoted(added[0])} as ${frames}` : `tag ${added.length} spans as ${frames}`;
  }
  if (removed.length > 0 && added.length === 0 && changed.length === 0)
    return removed.length === 1 ? `remove ${quoted(removed[0])}` : `remove ${removed.length} annotations`;
  if (changed.length === 1 && added.length === 0 && removed.length === 0) {
    const [a, b] = [before.get(changed[0].id) as Annotation, changed[0]];
    if (a.frame !== b.frame) return `retag ${quoted(b)} as ${frameName(b.frame)}`;
    if (a.memo !== b.memo) return `memo of ${quoted(b)}`;
    if (a.start !== b.start || a.end !== b.end || a.quote !== b.quote) return `move ${quoted(b)}`;
    if (a.status !== b.status && b.status === undefined) return `accept ${quoted(b)}`;
    return `change ${quoted(b)}`;
  }
  return `change ${change.before.length + added.length} annotations`;
}
