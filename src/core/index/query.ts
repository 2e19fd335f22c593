/**
 * Retrieval: which coded segments of the corpus match a filter (frames, coders, statuses, document attributes).
 * The explorer, the statistics view's "list these segments" and the CLI all filter through this one function,
 * so a count in a chart and the segments listed for it can never disagree.
 */
import type { CodedSegment, SegmentStatus } from '../documents';
import type { DocumentAttributes } from '../attributes';

export interface SegmentFilter {
  /** Frame ids; a segment matches when its frame is one of them. Undefined or empty: any frame. */
  frames?: readonly string[];
  coders?: readonly string[];
  statuses?: readonly SegmentStatus[];
  /** Documents, by path. */
  documents?: readonly string[];
  /** Attribute name → accepted values; a document without the attribute matches the value ''. */
  attributes?: Readonly<Record<string, readonly string[]>>;
}

const any = <T>(list: readonly T[] | undefined): boolean => list === undefined || list.length === 0;

/** The segments that pass every part of the filter, in their given order. */
export function filterSegments(
  segments: readonly CodedSegment[],
  filter: SegmentFilter,
  attributes?: DocumentAttributes,
): CodedSegment[] {
  const frames = any(filter.frames) ? undefined : new Set(filter.frames);
  const coders = any(filter.coders) ? undefined : new Set(filter.coders);
  const statuses = any(filter.statuses) ? undefined : new Set(filter.statuses);
  const documents = any(filter.documents) ? undefined : new Set(filter.documents);
  const wanted = Object.entries(filter.attributes ?? {}).filter(([, values]) => values.length > 0);
  return segments.filter((s) => {
    if (frames && !frames.has(s.annotation.frame)) return false;
    if (coders && !coders.has(s.annotation.coder)) return false;
    if (statuses && !statuses.has(s.status)) return false;
    if (documents && !documents.has(s.document)) return false;
    return wanted.every(([name, values]) => values.includes(attributes?.valueOf(s.document, name) ?? ''));
  });
}

/** True for segments a person should look at: needs review, orphaned, or whose source is missing. */
export function needsAttention(s: CodedSegment): boolean {
  return s.status === 'needs-review' || s.status === 'orphaned' || s.status === 'source-missing';
}
