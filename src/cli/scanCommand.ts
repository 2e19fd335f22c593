/** `sovcode scan`: every codebook-term match in the given files, as JSON Lines or CSV. */
import { toCsv } from '../core/csv';
import { Matcher } from '../core/matcher';
import { matcherTerms } from '../core/codebook';
import { canonicalText, LineIndex } from '../core/text';
import { loadUsableCodebook, readTextFile, shippedCodebookPath } from './codebookFile';
import { CliError } from './errors';

export interface ScanRecord {
  file: string;
  start: number;
  end: number;
  /** 1-based, as in the CSV export, sidecar problems and the Problems panel. */
  line: number;
  /** 1-based UTF-16 column. */
  column: number;
  term: string;
  frame: string;
}

const COLUMNS = ['file', 'start', 'end', 'line', 'column', 'term', 'frame'] as const;

export function scanFiles(files: readonly string[], codebookPath: string | undefined): ScanRecord[] {
  if (files.length === 0) throw new CliError('scan: name at least one FILE (see sovcode scan --help)');
  const matcher = Matcher.compile(matcherTerms(loadUsableCodebook(codebookPath ?? shippedCodebookPath())));
  const records: ScanRecord[] = [];
  for (const file of files) {
    const text = canonicalText(readTextFile(file));
    const lines = new LineIndex(text);
    // Matches come in text order, so the line of each is found by walking forward from the last one's line.
    let line = 0;
    let lineStart = 0;
    let nextStart = lines.lineCount > 1 ? lines.lineStart(1) : Infinity;
    for (const m of matcher.find(text)) {
      while (m.start >= nextStart) {
        line++;
        lineStart = nextStart;
        nextStart = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : Infinity;
      }
      records.push({
        file,
        start: m.start,
        end: m.end,
        line: line + 1,
        column: m.start - lineStart + 1,
        term: text.slice(m.start, m.end),
        frame: m.frameId,
      });
    }
  }
  return records;
}

/**
 * One JSON line per record, written out field by field in COLUMNS order: byte for byte what
 * JSON.stringify(record, COLUMNS) gives, at a fraction of its cost for the hundreds of thousands of records of a
 * large scan (the file name is encoded once per file).
 */
function jsonLines(records: readonly ScanRecord[]): string {
  // Each line is a tree of string pieces until joined; joining every few thousand lines keeps that garbage small.
  const chunks: string[] = [];
  let parts: string[] = [];
  let file: string | undefined;
  let fileJson = '';
  for (const r of records) {
    if (r.file !== file) {
      file = r.file;
      fileJson = JSON.stringify(file);
    }
    parts.push(
      `{"file":${fileJson},"start":${r.start},"end":${r.end},"line":${r.line},"column":${r.column},"term":${JSON.stringify(r.term)},"frame":${JSON.stringify(r.frame)}}\n`,
    );
    if (parts.length === 4096) {
      chunks.push(parts.join(''));
      parts = [];
    }
  }
  chunks.push(parts.join(''));
  return chunks.join('');
}

export function formatScan(records: readonly ScanRecord[], format: string | undefined): string {
  if (format === undefined || format === 'jsonl') return jsonLines(records);
  if (format === 'csv')
    return toCsv(
      COLUMNS,
      records.map((r) => COLUMNS.map((c) => r[c])),
    );
  throw new CliError(`unknown --format '${format}': use jsonl or csv`);
}
