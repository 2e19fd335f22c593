/**
 * Coded segments for analysts: one record per annotation of every document, checked against the document's
 * current text, so that an export says which segments still stand where they were coded. Nothing is left out:
 * orphans, annotations whose frame the codebook no longer has, and documents whose source is missing are all
 * exported, each with a status that says so (reliability cases 3 and 21). Shared by every export format.
 */
import type { Annotation } from '../annotations';
import { reanchor } from '../anchoring';
import { findFrame, framePath, type Codebook } from '../codebook';
import { LineIndex } from '../text';

/** One document and its annotations as read from its sidecar; `text` (canonical) is undefined when the source is missing. */
export interface CodedDocument {
  /** The document's path as the user knows it (relative to the workspace or the current folder), with '/'. */
  path: string;
  text: string | undefined;
  annotations: readonly Annotation[];
}

/**
 * - `anchored`: the quote is at its offsets.
 * - `moved`: the quote was found elsewhere by its context; offsets are where it is now.
 * - `needs-review`: placed by the coder's "tag all" or an uncertain re-anchoring; a person should check it.
 * - `orphaned`: the quote is no longer in the text; offsets are the last known ones.
 * - `source-missing`: the document could not be read; offsets are as stored.
 */
export type SegmentStatus = 'anchored' | 'moved' | 'needs-review' | 'orphaned' | 'source-missing';

export interface CodedSegment {
  document: string;
  annotation: Annotation;
  /** Offsets after checking against the current text (equal to the stored ones unless moved). */
  start: number;
  end: number;
  /** 1-based, as in the sidecar; undefined when there is no text to count lines in. */
  line: number | undefined;
  column: number | undefined;
  status: SegmentStatus;
  /** Undefined when the codebook has no such frame: the raw id is kept in `annotation.frame`. */
  frameLabel: string | undefined;
  /** "Parent › Child", empty for an unknown frame. */
  framePath: string;
}

function statusOf(stored: Annotation, checked: Annotation, moved: boolean): SegmentStatus {
  if (checked.status === 'orphaned') return 'orphaned';
  if (checked.status === 'needs-review' || stored.status === 'needs-review') return 'needs-review';
  return moved ? 'moved' : 'anchored';
}

function segmentsOf(codebook: Codebook, doc: CodedDocument): CodedSegment[] {
  const lines = doc.text === undefined ? undefined : new LineIndex(doc.text);
  return doc.annotations.map((stored) => {
    const frame = findFrame(codebook, stored.frame);
    const common = { document: doc.path, annotation: stored, frameLabel: frame?.label, framePath: framePath(codebook, stored.frame).join(' › ') };
    if (doc.text === undefined || lines === undefined) {
      return { ...common, start: stored.start, end: stored.end, line: undefined, column: undefined, status: 'source-missing' as const };
    }
    const { annotation: checked, outcome } = reanchor(stored, doc.text);
    const at = lines.positionAt(checked.start);
    return {
      ...common, start: checked.start, end: checked.end, line: at.line + 1, column: at.character + 1,
      status: statusOf(stored, checked, outcome === 'moved' || outcome === 'ambiguous'),
    };
  });
}

/** Every annotation of every document, documents in path order, annotations in their sidecar order. */
export function codedSegments(codebook: Codebook, documents: readonly CodedDocument[]): CodedSegment[] {
  return [...documents].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).flatMap((d) => segmentsOf(codebook, d));
}
