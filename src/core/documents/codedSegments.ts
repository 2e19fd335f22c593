/**
 * Coded segments for analysts: one record per annotation of every document, checked against the document's
 * current text, so that an export says which segments still stand where they were coded. Nothing is left out:
 * orphans, annotations whose frame the codebook no longer has, and documents whose source is missing are all
 * exported, each with a status that says so (reliability cases 3 and 21). Shared by every export format.
 */
import type { Annotation } from '../annotations';
import { describeCandidates, reanchorAll, type ReviewCandidate } from '../anchoring';
import { findFrame, framePath, type Codebook } from '../codebook';
import { LineIndex } from '../text';

/** Where a text added from an original came from (its provenance record; core/export/sourceOrigin.ts reads it). */
export interface SourceOrigin {
  /** The original's path as the `document` column gives the text's: relative to the same folder, with '/'. */
  original: string;
  sha256: string;
  /** The converting library and its version, e.g. "pdfjs-dist 5.6.205". */
  converter: string;
  /** When it was added (ISO 8601). */
  imported: string;
}

/** One document and its annotations as read from its sidecar; `text` (canonical) is undefined when the source is missing. */
export interface CodedDocument {
  /** The document's path as the user knows it (relative to the workspace or the current folder), with '/'. */
  path: string;
  text: string | undefined;
  annotations: readonly Annotation[];
  /** Where the text came from, when it was added from an original (export/sourceOrigin.ts). */
  origin?: SourceOrigin;
  /** Coders who marked the text done (the sidecar's `done:`); one with no annotation here found nothing applies. */
  done?: readonly string[];
}

/**
 * - `anchored`: the quote is at its offsets.
 * - `moved`: the quote was found elsewhere by its context; offsets are where it is now.
 * - `needs-review`: placed by the coder's "tag all" or an uncertain re-anchoring; a person should check it.
 * - `orphaned`: the quote is no longer in the text; offsets are the last known ones.
 * - `conflict`: a merge kept this and another version of the decision (annotation.conflictWith); to be resolved.
 * - `source-missing`: the document could not be read; offsets are as stored.
 */
export type SegmentStatus = 'anchored' | 'moved' | 'needs-review' | 'conflict' | 'orphaned' | 'source-missing';

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
  /** Its document's origin, when the text was added from an original. */
  origin?: SourceOrigin;
  /** For a flagged segment (needs-review, orphaned): the other places re-anchoring found, best first. */
  alternatives?: ReviewCandidate[];
}

function statusOf(stored: Annotation, checked: Annotation): SegmentStatus {
  if (checked.status === 'orphaned') return 'orphaned';
  if (stored.status === 'conflict') return 'conflict';
  if (checked.status === 'needs-review' || stored.status === 'needs-review') return 'needs-review';
  return checked.start !== stored.start || checked.end !== stored.end ? 'moved' : 'anchored';
}

/**
 * The segments of one document. Its annotations are re-anchored in one reanchorAll over the text, the same call
 * the editor makes when it opens the document, so the statuses exported and validated are the ones VS Code shows.
 */
export function documentSegments(codebook: Codebook | undefined, doc: CodedDocument): CodedSegment[] {
  const segment = segmentBuilder(codebook, doc);
  if (doc.text === undefined)
    return doc.annotations.map((stored) =>
      segment(stored, stored.start, stored.end, undefined, undefined, 'source-missing'),
    );
  const lines = new LineIndex(doc.text);
  const { text } = doc;
  const { results } = reanchorAll(doc.annotations, text);
  return doc.annotations.map((stored, i) => {
    const { annotation: now, alternatives } = results[i];
    const at = lines.positionAt(now.start);
    const s = segment(stored, now.start, now.end, at.line + 1, at.character + 1, statusOf(stored, now));
    if (alternatives?.length) s.alternatives = describeCandidates(text, alternatives, lines);
    return s;
  });
}

/**
 * Makes one document's segments: a frame's label and path once per frame, and every segment built with the
 * same keys in the same order (no spreads): `sovcode export` builds 100,000 of them. Shared with
 * segmentsFromPlaces (segmentPlaces.ts), so that segments rebuilt from a worker's numbers are these.
 */
export function segmentBuilder(
  codebook: Codebook | undefined,
  doc: Pick<CodedDocument, 'path' | 'origin'>,
): (
  stored: Annotation,
  start: number,
  end: number,
  line: number | undefined,
  column: number | undefined,
  status: SegmentStatus,
) => CodedSegment {
  const frames = new Map<string, { label: string | undefined; path: string }>();
  const frameOf = (id: string): { label: string | undefined; path: string } => {
    let f = frames.get(id);
    if (f === undefined) {
      f = {
        label: codebook && findFrame(codebook, id)?.label,
        path: codebook ? framePath(codebook, id).join(' › ') : '',
      };
      frames.set(id, f);
    }
    return f;
  };
  return (stored, start, end, line, column, status) => {
    const f = frameOf(stored.frame);
    const s: CodedSegment = {
      document: doc.path,
      annotation: stored,
      frameLabel: f.label,
      framePath: f.path,
      start,
      end,
      line,
      column,
      status,
    };
    if (doc.origin) s.origin = doc.origin;
    return s;
  };
}

/** Documents in path order (code unit order, so the same on every machine and locale). */
export function byPath(a: CodedDocument, b: CodedDocument): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** Every annotation of every document, documents in path order, annotations in their sidecar order. */
export function codedSegments(codebook: Codebook, documents: readonly CodedDocument[]): CodedSegment[] {
  return [...documents].sort(byPath).flatMap((d) => documentSegments(codebook, d));
}
