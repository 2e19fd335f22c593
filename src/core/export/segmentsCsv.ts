/**
 * The analysts' CSV: a tidy table with one row per coded segment (orphans included), ready for R, pandas,
 * Stata or a spreadsheet. Column names are lower-case snake case so that `read.csv`, `readr` and pandas give
 * usable names without renaming. The columns are one table below, each name beside the value it holds, in file
 * order; docs/export-csv.md documents each. Columns are only ever added at the end of the table, so that
 * analysts' scripts that select by position keep working.
 */
import { sentenceUnits, type TextUnit } from '../agreement/units';
import type { Codebook } from '../codebook';
import { type CodedDocument, type CodedSegment } from '../documents';
import { contextAround, decidedBy } from '../annotations';
import { textHash } from '../text';
import { csvLine, type CsvValue } from '../csv';
import { codePointPositions } from './positions';
import { ORIGIN_COLUMNS, originCells } from './sourceOrigin';

export interface SegmentsCsvOptions {
  /** Default true: formula-like cells get an apostrophe (spreadsheets). False for R and pandas (`--no-neutralize`). */
  neutralize?: boolean;
  /** Per document path: the Git commit of its annotation file (docs/export-csv.md says how it is found). */
  sidecarCommits?: ReadonlyMap<string, string>;
}

/** What a column is computed from: the segment and facts about its document, computed once per document. */
interface RowInput {
  s: CodedSegment;
  doc: DocumentFacts;
  codebook: Pick<Codebook, 'id' | 'version'>;
  context: { prefix: string; suffix: string };
}

interface DocumentFacts {
  text: string | undefined;
  hash: string | undefined;
  codePoints: Map<number, number>;
  units: TextUnit[];
  sidecarCommit: string | undefined;
}

/** Placed segments have offsets in the current text; orphans and segments of a missing text have none there. */
const placed = (s: CodedSegment): boolean => s.status !== 'orphaned' && s.status !== 'source-missing';

/** The 1-based number of the sentence unit (as the agreement report counts them) in which the segment starts. */
function unitOf(r: RowInput): number | undefined {
  if (!placed(r.s)) return undefined;
  const { units } = r.doc;
  let lo = 0;
  let hi = units.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (units[mid].end <= r.s.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < units.length && units[lo].start < r.s.end ? lo + 1 : undefined;
}

function context(s: CodedSegment, doc: DocumentFacts): { prefix: string; suffix: string } {
  return doc.text !== undefined && placed(s) ? contextAround(doc.text, s.start, s.end) : s.annotation;
}

/** Text cells are strings (an absent value is the empty string, quoted like any text); numbers may be absent. */
type Column = readonly [name: string, value: (r: RowInput) => string | number | undefined];

/** THE COLUMN LIST, in file order. Append new columns at the end only. */
const COLUMNS: readonly Column[] = [
  ['document', (r) => r.s.document],
  ['annotation_id', (r) => r.s.annotation.id],
  ['frame_id', (r) => r.s.annotation.frame],
  ['frame_label', (r) => r.s.frameLabel ?? ''],
  ['frame_path', (r) => r.s.framePath],
  ['frame_in_codebook', (r) => (r.s.frameLabel === undefined ? 'no' : 'yes')],
  ['quote', (r) => r.s.annotation.quote],
  ['start', (r) => r.s.start],
  ['end', (r) => r.s.end],
  ['line', (r) => r.s.line],
  ['column', (r) => r.s.column],
  ['status', (r) => r.s.status],
  ['coder', (r) => r.s.annotation.coder],
  ['created', (r) => r.s.annotation.created],
  ['memo', (r) => r.s.annotation.memo ?? ''],
  ['codebook', (r) => r.codebook.id],
  ['conflict_with', (r) => r.s.annotation.conflictWith ?? ''],
  // added with issue 9 (interchange)
  ['start_cp', (r) => (placed(r.s) ? r.doc.codePoints.get(r.s.start) : undefined)],
  ['end_cp', (r) => (placed(r.s) ? r.doc.codePoints.get(r.s.end) : undefined)],
  ['prefix', (r) => r.context.prefix],
  ['suffix', (r) => r.context.suffix],
  ['source_hash', (r) => r.doc.hash ?? ''],
  ['sidecar_commit', (r) => r.doc.sidecarCommit ?? ''],
  ['codebook_version', (r) => r.codebook.version ?? ''],
  ['unit_id', unitOf],
  // added with issue 19 (import): where the text came from, empty for a text not added from an original
  ...ORIGIN_COLUMNS.map((name, i): Column => [name, (r) => originCells(r.s.origin)[i] ?? '']),
  // added with issue 17 (who decided what, docs/sidecar-format.md): the last change, and whose the frame is
  ['modified', (r) => r.s.annotation.modified ?? ''],
  ['modified_by', (r) => r.s.annotation.modifiedBy ?? ''],
  ['decided_by', (r) => decidedBy(r.s.annotation)],
];

export const SEGMENT_COLUMNS: readonly string[] = COLUMNS.map(([name]) => name);

/** The column names whose cells are numbers, empty when absent: the ones a reader should parse as numbers. */
export const NUMBER_COLUMNS: readonly string[] = ['start', 'end', 'line', 'column', 'start_cp', 'end_cp', 'unit_id'];

function factsOf(doc: CodedDocument | undefined, segments: readonly CodedSegment[], commit: string | undefined) {
  const text = doc?.text;
  return {
    text,
    hash: text === undefined ? undefined : textHash(text),
    codePoints:
      text === undefined
        ? new Map<number, number>()
        : codePointPositions(
            text,
            segments.flatMap((s) => [s.start, s.end]),
          ),
    units: text === undefined ? [] : sentenceUnits(text),
    sidecarCommit: commit,
  } satisfies DocumentFacts;
}

/**
 * RFC 4180 CSV (CRLF, every text cell quoted, formula-like cells neutralised unless `neutralize` is false),
 * UTF-8 without a BOM. `documents` are the ones the segments come from (their texts give code points, context,
 * hash and units).
 *
 * Row by row, with the facts of one document at a time: each row becomes its line at once and the facts of a
 * document (its sentence units, code point positions) go when its segments end. Building every row's cells
 * first held 100,000 rows × 35 cells as separate strings at once (640 MB peak for a 38 MB CSV).
 */
export function segmentsToCsv(
  segments: readonly CodedSegment[],
  documents: readonly CodedDocument[],
  codebook: Pick<Codebook, 'id' | 'version'>,
  options: SegmentsCsvOptions = {},
): string {
  return segmentsCsvChunks(segments, documents, codebook, options).join('');
}

/**
 * The same CSV as segmentsToCsv, as consecutive pieces (the header, then one per document), for a writer that
 * writes them one by one: joining them first would hold the whole CSV twice (the CLI's 100,000-row export).
 */
export function segmentsCsvChunks(
  segments: readonly CodedSegment[],
  documents: readonly CodedDocument[],
  codebook: Pick<Codebook, 'id' | 'version'>,
  options: SegmentsCsvOptions = {},
): string[] {
  const neutralize = options.neutralize !== false;
  const docs = new Map(documents.map((d) => [d.path, d]));
  // one flat string per document (a join), so that the pieces of its lines do not all wait for the last join
  const chunks = [csvLine(SEGMENT_COLUMNS, neutralize)];
  let lines: string[] = [];
  const cells: CsvValue[] = new Array<CsvValue>(COLUMNS.length);
  // codedSegments lists a document's segments together, so each document's facts are computed once
  let factsFor: string | undefined;
  let doc: DocumentFacts | undefined;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (doc === undefined || factsFor !== s.document) {
      let end = i + 1;
      while (end < segments.length && segments[end].document === s.document) end++;
      chunks.push(lines.join(''));
      lines = [];
      factsFor = s.document;
      doc = factsOf(docs.get(s.document), segments.slice(i, end), options.sidecarCommits?.get(s.document));
    }
    const input = { s, doc, codebook, context: context(s, doc) };
    for (let c = 0; c < COLUMNS.length; c++) cells[c] = COLUMNS[c][1](input);
    lines.push(csvLine(cells, neutralize));
  }
  chunks.push(lines.join(''));
  return chunks;
}
