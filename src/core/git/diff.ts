/**
 * The changes between two versions of a sidecar, by annotation id, as a reviewer reads them: added, removed,
 * retagged, moved, memo changed, status changed. Matching by id (not by line) is what makes the list honest: a
 * retag that moves a block in the file is one retag, not a removal and an addition. Formatting for the terminal,
 * JSON and a pull-request comment lives in diffFormat.ts.
 */
import type { Annotation } from '../annotations';
import { compareAnnotations } from '../annotations';
import { LineIndex } from '../text';

export type ChangeKind = 'added' | 'removed' | 'retagged' | 'moved' | 'memo' | 'status';

/** Where a span is, for people: 1-based line and column when the text is known. */
export interface Place {
  start: number;
  end: number;
  line?: number;
  column?: number;
}

export interface AnnotationChange {
  kind: ChangeKind;
  id: string;
  frame: string;
  quote: string;
  coder: string;
  /** The place in the newer version (in the older one for a removal). */
  place: Place;
  /** For retagged, memo and status: the old and the new value ('' for none). For moved: the old place. */
  from?: string;
  to?: string;
  fromPlace?: Place;
}

/** One text's changes, in the order of the newer version's annotations. */
export interface TextDiff {
  text: string;
  changes: AnnotationChange[];
}

/** One side of a comparison: the annotations and, when known, the canonical text they point into. */
export interface DiffSide {
  annotations: readonly Annotation[];
  text?: string;
}

function placeOf(a: Annotation, lines: LineIndex | undefined): Place {
  if (lines === undefined) return { start: a.start, end: a.end };
  const at = lines.positionAt(a.start);
  return { start: a.start, end: a.end, line: at.line + 1, column: at.character + 1 };
}

/** The changes from `before` to `after` (either may have no annotations: a created or deleted sidecar). */
export function diffAnnotations(before: DiffSide, after: DiffSide): AnnotationChange[] {
  const oldLines = before.text === undefined ? undefined : new LineIndex(before.text);
  const newLines = after.text === undefined ? undefined : new LineIndex(after.text);
  const old = new Map(before.annotations.map((a) => [a.id, a]));
  const changes: AnnotationChange[] = [];
  const describe = (kind: ChangeKind, a: Annotation, lines: LineIndex | undefined): AnnotationChange => ({
    kind,
    id: a.id,
    frame: a.frame,
    quote: a.quote,
    coder: a.coder,
    place: placeOf(a, lines),
  });
  for (const a of [...after.annotations].sort(compareAnnotations)) {
    const was = old.get(a.id);
    if (was === undefined) {
      changes.push(describe('added', a, newLines));
      continue;
    }
    if (was.frame !== a.frame) changes.push({ ...describe('retagged', a, newLines), from: was.frame, to: a.frame });
    if (was.start !== a.start || was.end !== a.end)
      changes.push({ ...describe('moved', a, newLines), fromPlace: placeOf(was, oldLines) });
    if ((was.memo ?? '') !== (a.memo ?? ''))
      changes.push({ ...describe('memo', a, newLines), from: was.memo ?? '', to: a.memo ?? '' });
    if ((was.status ?? '') !== (a.status ?? ''))
      changes.push({ ...describe('status', a, newLines), from: was.status ?? '', to: a.status ?? '' });
  }
  const now = new Set(after.annotations.map((a) => a.id));
  for (const a of [...before.annotations].sort(compareAnnotations))
    if (!now.has(a.id)) changes.push(describe('removed', a, oldLines));
  return changes;
}
