/**
 * A document's coded segments as numbers: where each annotation stands now (offsets, line, column, status) and
 * the other places found for the flagged ones, in annotation order. What the jobs worker sends back for a large
 * open document instead of the segments themselves: the extension host already holds the annotations and the
 * codebook, so it rebuilds the same segments (segmentsFromPlaces) from a few typed arrays. Receiving 10,000
 * segments whole, each with its annotation's strings, held the host for 25 ms (more in the extension host) at
 * every index update while the coder typed; the numbers take well under a millisecond.
 */
import type { Annotation } from '../annotations';
import type { ReviewCandidate } from '../anchoring';
import type { Codebook } from '../codebook';
import { segmentBuilder, type CodedDocument, type CodedSegment, type SegmentStatus } from './codedSegments';

const STATUSES: readonly SegmentStatus[] = [
  'anchored',
  'moved',
  'needs-review',
  'conflict',
  'orphaned',
  'source-missing',
];
/** Line and column of a segment without a text to count in (source-missing). */
const NO_POSITION = -1;

export interface SegmentPlaces {
  start: Int32Array;
  end: Int32Array;
  line: Int32Array;
  column: Int32Array;
  /** Index into STATUSES. */
  status: Uint8Array;
  /** [segment index, candidates] for the segments that have other places (flagged ones). */
  alternatives: [number, ReviewCandidate[]][];
}

/** The places of `segments` (one document's, in annotation order). */
export function placesOf(segments: readonly CodedSegment[]): SegmentPlaces {
  const n = segments.length;
  const places: SegmentPlaces = {
    start: new Int32Array(n),
    end: new Int32Array(n),
    line: new Int32Array(n),
    column: new Int32Array(n),
    status: new Uint8Array(n),
    alternatives: [],
  };
  segments.forEach((s, i) => {
    places.start[i] = s.start;
    places.end[i] = s.end;
    places.line[i] = s.line ?? NO_POSITION;
    places.column[i] = s.column ?? NO_POSITION;
    places.status[i] = STATUSES.indexOf(s.status);
    if (s.alternatives) places.alternatives.push([i, s.alternatives]);
  });
  return places;
}

/**
 * The segments of `doc` whose places were computed elsewhere (placesOf over documentSegments of the same
 * annotations): the same objects documentSegments gives, the annotations being the caller's own.
 */
export function segmentsFromPlaces(
  codebook: Codebook | undefined,
  doc: Omit<CodedDocument, 'text'>,
  places: SegmentPlaces,
): CodedSegment[] {
  const { annotations } = doc;
  if (places.start.length !== annotations.length)
    throw new RangeError(`${places.start.length} places for ${annotations.length} annotations of ${doc.path}`);
  const segment = segmentBuilder(codebook, doc);
  const out = annotations.map((a: Annotation, i) => {
    const line = places.line[i];
    const column = places.column[i];
    return segment(
      a,
      places.start[i],
      places.end[i],
      line === NO_POSITION ? undefined : line,
      column === NO_POSITION ? undefined : column,
      STATUSES[places.status[i]],
    );
  });
  for (const [i, alternatives] of places.alternatives) out[i].alternatives = alternatives;
  return out;
}
