/**
 * The analysts' CSV: a tidy table with one row per coded segment (orphans included), ready for R, pandas,
 * Stata or a spreadsheet. Column names are lower-case snake case so that `read.csv`, `readr` and pandas give
 * usable names without renaming. The column list is documented in docs/export-csv.md; add columns at the end
 * only, so that analysts' scripts that select by position keep working.
 */
import { toCsv, type CsvValue } from './csv';
import type { CodedSegment } from '../documents';
import { ORIGIN_COLUMNS, originCells } from './sourceOrigin';
import { decidedBy } from '../annotations';

export const SEGMENT_COLUMNS = [
  'document',
  'annotation_id',
  'frame_id',
  'frame_label',
  'frame_path',
  'frame_in_codebook',
  'quote',
  'start',
  'end',
  'line',
  'column',
  'status',
  'coder',
  'created',
  'memo',
  'codebook',
  'conflict_with',
  // appended by the import (issue 19): where the text came from, empty for a text not added from an original
  ...ORIGIN_COLUMNS,
  // who decided what (docs/sidecar-format.md, "Who decided what"): the last change, and whose the frame is
  'modified',
  'modified_by',
  'decided_by',
] as const;

function row(s: CodedSegment, codebookId: string): CsvValue[] {
  const a = s.annotation;
  return [
    s.document,
    a.id,
    a.frame,
    s.frameLabel,
    s.framePath,
    s.frameLabel === undefined ? 'no' : 'yes',
    a.quote,
    s.start,
    s.end,
    s.line,
    s.column,
    s.status,
    a.coder,
    a.created,
    a.memo,
    codebookId,
    a.conflictWith,
    ...originCells(s.origin),
    a.modified,
    a.modifiedBy,
    decidedBy(a),
  ];
}

/** RFC 4180 CSV (CRLF, every text cell quoted, formula-like cells neutralised), UTF-8 without a BOM. */
export function segmentsToCsv(segments: readonly CodedSegment[], codebookId: string): string {
  return toCsv(
    SEGMENT_COLUMNS,
    segments.map((s) => row(s, codebookId)),
  );
}
