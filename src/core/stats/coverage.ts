/**
 * Coverage: the share of a text's characters that coding covers, per text, per frame and over the corpus.
 * Overlapping segments count their characters once (the union of spans), so coverage never exceeds 100%.
 * Characters are UTF-16 code units of the canonical text (what offsets count; every Chinese, Russian and
 * English letter is one). Only placed segments count, and texts whose source is missing are left out of the
 * denominator too, so that a missing file neither inflates nor deflates the share.
 */
import type { CodedDocument, CodedSegment } from '../documents';
import { isPlaced } from './cooccurrence';
import type { FrameColumn } from './frameOrder';

export interface DocumentCoverage {
  document: string;
  characters: number;
  coded: number;
  /** Per frame id, coded characters (union of that frame's spans). */
  byFrame: Record<string, number>;
}

export interface Coverage {
  documents: DocumentCoverage[];
  characters: number;
  coded: number;
  /** Per frame id: characters covered over the corpus. */
  byFrame: Record<string, number>;
}

/** Length of the union of [start, end) spans. */
export function unionLength(spans: readonly { start: number; end: number }[]): number {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let total = 0;
  let from = -1;
  let to = -1;
  for (const s of sorted) {
    if (s.start >= to) {
      total += to - from;
      from = s.start;
      to = s.end;
    } else if (s.end > to) to = s.end;
  }
  return total + (to - from);
}

export function codingCoverage(
  documents: readonly CodedDocument[],
  segmentsByDocument: ReadonlyMap<string, readonly CodedSegment[]>,
  frames: readonly FrameColumn[],
): Coverage {
  const result: DocumentCoverage[] = [];
  const byFrame: Record<string, number> = Object.fromEntries(frames.map((f) => [f.id, 0]));
  for (const doc of documents) {
    if (doc.text === undefined) continue;
    const placed = (segmentsByDocument.get(doc.path) ?? []).filter(isPlaced);
    const perFrame: Record<string, number> = {};
    for (const f of frames) {
      const spans = placed.filter((s) => s.annotation.frame === f.id);
      const covered = spans.length === 0 ? 0 : unionLength(spans);
      perFrame[f.id] = covered;
      byFrame[f.id] = (byFrame[f.id] ?? 0) + covered;
    }
    result.push({
      document: doc.path,
      characters: doc.text.length,
      coded: placed.length === 0 ? 0 : unionLength(placed),
      byFrame: perFrame,
    });
  }
  return {
    documents: result,
    characters: result.reduce((n, d) => n + d.characters, 0),
    coded: result.reduce((n, d) => n + d.coded, 0),
    byFrame,
  };
}
