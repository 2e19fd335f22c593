/**
 * Co-occurrence of frames: where two frames are applied together. Three readings, chosen by a switch:
 * - `overlap`: cell (A, B) is the number of pairs of an A segment and a B segment of one text whose spans share
 *   at least one character; the diagonal is the number of placed A segments.
 * - `sentence` / `paragraph`: cell (A, B) is the number of sentences (paragraphs) that an A segment and a B
 *   segment both touch; the diagonal is the number of units A touches.
 * Only segments with a place in the current text count (not orphans, not texts whose source is missing), and
 * coders are pooled: filter by coder first to see one coder's coding. Method: docs/statistics.md.
 */
import type { TextUnit } from '../agreement/units';
import type { CodedDocument, CodedSegment } from '../documents';
import type { FrameColumn } from './frameOrder';
import { firstUnitEndingAfter, unitsOf, type CooccurrenceMode } from './units';

export interface Cooccurrence {
  mode: CooccurrenceMode;
  frames: string[];
  /** Square, symmetric, in the order of `frames`. */
  matrix: number[][];
}

/** True for a segment whose offsets point into the current text. */
export function isPlaced(s: CodedSegment): boolean {
  return s.status !== 'orphaned' && s.status !== 'source-missing';
}

function bump(matrix: number[][], i: number, j: number): void {
  const row = matrix[i];
  row[j] = (row[j] ?? 0) + 1;
  if (i !== j) {
    const other = matrix[j];
    other[i] = (other[i] ?? 0) + 1;
  }
}

/** Overlapping pairs of one text: a sweep over segments by start keeps it near-linear for ordinary coding. */
function countOverlaps(
  segments: readonly CodedSegment[],
  index: ReadonlyMap<string, number>,
  matrix: number[][],
): void {
  const sorted = [...segments].sort((a, b) => a.start - b.start || a.end - b.end);
  let active: CodedSegment[] = [];
  for (const s of sorted) {
    const i = index.get(s.annotation.frame);
    if (i === undefined) continue;
    bump(matrix, i, i);
    active = active.filter((a) => a.end > s.start);
    for (const a of active) {
      const j = index.get(a.annotation.frame);
      if (j !== undefined && j !== i) bump(matrix, i, j);
    }
    active.push(s);
  }
}

/** Units of one text touched by each frame, then each pair of frames per unit. */
function countInUnits(
  segments: readonly CodedSegment[],
  units: readonly TextUnit[],
  index: ReadonlyMap<string, number>,
  matrix: number[][],
): void {
  const framesPerUnit = new Map<number, Set<number>>();
  for (const s of segments) {
    const f = index.get(s.annotation.frame);
    if (f === undefined) continue;
    for (let u = firstUnitEndingAfter(units, s.start); u < units.length && units[u].start < s.end; u++) {
      let set = framesPerUnit.get(u);
      if (!set) framesPerUnit.set(u, (set = new Set()));
      set.add(f);
    }
  }
  for (const set of framesPerUnit.values()) {
    const list = [...set];
    for (let a = 0; a < list.length; a++) for (let b = a; b < list.length; b++) bump(matrix, list[a], list[b]);
  }
}

/** The co-occurrence matrix over the documents' placed segments (segments given per document path). */
export function frameCooccurrence(
  documents: readonly CodedDocument[],
  segmentsByDocument: ReadonlyMap<string, readonly CodedSegment[]>,
  frames: readonly FrameColumn[],
  mode: CooccurrenceMode,
): Cooccurrence {
  const index = new Map(frames.map((f, i) => [f.id, i]));
  const matrix = frames.map(() => frames.map(() => 0));
  for (const doc of documents) {
    const placed = (segmentsByDocument.get(doc.path) ?? []).filter(isPlaced);
    if (placed.length === 0 || doc.text === undefined) continue;
    if (mode === 'overlap') countOverlaps(placed, index, matrix);
    else countInUnits(placed, unitsOf(doc.text, mode), index, matrix);
  }
  return { mode, frames: frames.map((f) => f.id), matrix };
}

/**
 * The segments behind one cell of the matrix, for "list these segments": the A and B segments that overlap
 * each other (overlap), or that lie in a sentence or paragraph both frames touch. For A = B: every placed
 * segment of A.
 */
export function cooccurringSegments(
  documents: readonly CodedDocument[],
  segments: readonly CodedSegment[],
  a: string,
  b: string,
  mode: CooccurrenceMode,
): CodedSegment[] {
  const texts = new Map(documents.map((d) => [d.path, d.text]));
  const placed = segments.filter((s) => isPlaced(s) && (s.annotation.frame === a || s.annotation.frame === b));
  if (a === b) return placed;
  const found = new Set<CodedSegment>();
  const byDocument = new Map<string, CodedSegment[]>();
  for (const s of placed) {
    const list = byDocument.get(s.document);
    if (list) list.push(s);
    else byDocument.set(s.document, [s]);
  }
  for (const [path, list] of byDocument) {
    const text = texts.get(path);
    if (text === undefined) continue;
    const as = list.filter((s) => s.annotation.frame === a);
    const bs = list.filter((s) => s.annotation.frame === b);
    if (mode === 'overlap') {
      for (const x of as)
        for (const y of bs)
          if (x.start < y.end && y.start < x.end) {
            found.add(x);
            found.add(y);
          }
      continue;
    }
    const units = unitsOf(text, mode);
    const touches = (s: CodedSegment, u: TextUnit): boolean => s.start < u.end && u.start < s.end;
    for (const u of units) {
      const inA = as.filter((s) => touches(s, u));
      const inB = bs.filter((s) => touches(s, u));
      if (inA.length > 0 && inB.length > 0) [...inA, ...inB].forEach((s) => found.add(s));
    }
  }
  return placed.filter((s) => found.has(s));
}
