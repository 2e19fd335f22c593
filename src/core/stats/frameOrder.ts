/**
 * Which frames a table has, in which order: every frame of the codebook in file order (a frame nobody used is a
 * finding too), then frames found in the coding that the codebook lacks, by id, named "(not in codebook)" so
 * that renamed or deleted frames stay visible instead of vanishing from the counts.
 */
import type { Codebook } from '../codebook';
import type { CodedSegment } from '../documents';

export interface FrameColumn {
  id: string;
  label: string;
  /** False for a frame id found in annotations but not in the codebook. */
  inCodebook: boolean;
}

export function frameColumns(codebook: Codebook, segments: readonly CodedSegment[]): FrameColumn[] {
  const known = new Set(codebook.frames.map((f) => f.id));
  const unknown = [...new Set(segments.map((s) => s.annotation.frame).filter((id) => !known.has(id)))].sort();
  return [
    ...codebook.frames.map((f) => ({ id: f.id, label: f.label, inCodebook: true })),
    ...unknown.map((id) => ({ id, label: `${id} (not in codebook)`, inCodebook: false })),
  ];
}
