/**
 * The statistics report: frequencies, co-occurrence and coverage over one set of coded documents, as plain
 * data that the CLI prints (text, CSV, JSON, SVG) and the statistics view draws. One function computes it for
 * both, so `sovcode stats` and the webview always show the same numbers.
 */
import type { DocumentAttributes } from '../attributes';
import type { Codebook } from '../codebook';
import type { CodedDocument, CodedSegment } from '../documents';
import { codingCoverage, type Coverage } from './coverage';
import { frameCooccurrence, type Cooccurrence } from './cooccurrence';
import { frameColumns, type FrameColumn } from './frameOrder';
import { frameFrequencies, type Frequencies, type GroupBy } from './frequencies';
import type { CooccurrenceMode } from './units';

export interface StatsOptions {
  by?: GroupBy;
  cooccurrence?: CooccurrenceMode;
  attributes?: DocumentAttributes;
}

export interface StatsReport {
  codebook: string;
  documents: number;
  segments: number;
  frames: FrameColumn[];
  frequencies: Frequencies;
  cooccurrence: Cooccurrence;
  coverage: Coverage;
}

/** Statistics of `segments` (already filtered as the caller wants) over their `documents`. */
export function statsReport(
  codebook: Codebook,
  documents: readonly CodedDocument[],
  segments: readonly CodedSegment[],
  options: StatsOptions = {},
): StatsReport {
  const frames = frameColumns(codebook, segments);
  const byDocument = new Map<string, CodedSegment[]>();
  for (const s of segments) {
    const list = byDocument.get(s.document);
    if (list) list.push(s);
    else byDocument.set(s.document, [s]);
  }
  return {
    codebook: codebook.id,
    documents: documents.length,
    segments: segments.length,
    frames,
    frequencies: frameFrequencies(
      segments,
      frames,
      options.by,
      options.attributes,
      documents.map((d) => d.path),
    ),
    cooccurrence: frameCooccurrence(documents, byDocument, frames, options.cooccurrence ?? 'overlap'),
    coverage: codingCoverage(documents, byDocument, frames),
  };
}
