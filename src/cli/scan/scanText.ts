/**
 * One file of `sovcode scan`: its codebook-term matches, formatted as they are printed (JSON Lines, or CSV rows
 * without the header). A file's lines are made as soon as it is scanned, so that only its output is kept, not
 * its text: a record's term is a slice of the text, and V8 keeps the whole text alive behind a slice.
 */
import { csvLine } from '../../core/csv';
import type { Matcher } from '../../core/matcher';
import { CliError } from '../errors';

export type ScanFormat = 'jsonl' | 'csv';

export const SCAN_COLUMNS = ['file', 'start', 'end', 'line', 'column', 'term', 'frame'] as const;

/** The format named by --format (jsonl when none is named); refused before any file is read. */
export function scanFormat(format: string | undefined): ScanFormat {
  if (format === undefined || format === 'jsonl') return 'jsonl';
  if (format === 'csv') return 'csv';
  throw new CliError(`unknown --format '${format}': use jsonl or csv`);
}

/** The header the output starts with (CSV only). */
export function scanHeader(format: ScanFormat): string {
  return format === 'csv' ? csvLine(SCAN_COLUMNS) : '';
}

/**
 * The lines of every match in `text` (canonical: LF line endings, no BOM), in text order. Each JSON line is
 * written out field by field in SCAN_COLUMNS order: byte for byte what JSON.stringify(record, SCAN_COLUMNS)
 * gives, at a fraction of its cost; the JSON of a term or frame seen before in the file is reused.
 */
export function scanText(file: string, text: string, matcher: Matcher, format: ScanFormat): string {
  const json = format === 'jsonl';
  const fileJson = JSON.stringify(file);
  const quoted = new Map<string, string>();
  const quote = (s: string): string => {
    let q = quoted.get(s);
    if (q === undefined) quoted.set(s, (q = JSON.stringify(s)));
    return q;
  };
  // Each line is a tree of string pieces until joined; joining every few thousand lines keeps that garbage small.
  const chunks: string[] = [];
  let parts: string[] = [];
  // Matches come in text order, so the line of each is found by walking forward from the last one's line.
  let line = 1;
  let lineStart = 0;
  let nextBreak = text.indexOf('\n');
  for (const m of matcher.find(text)) {
    while (nextBreak >= 0 && m.start > nextBreak) {
      line++;
      lineStart = nextBreak + 1;
      nextBreak = text.indexOf('\n', lineStart);
    }
    const column = m.start - lineStart + 1;
    const term = text.slice(m.start, m.end);
    parts.push(
      json
        ? `{"file":${fileJson},"start":${m.start},"end":${m.end},"line":${line},"column":${column},"term":${quote(term)},"frame":${quote(m.frameId)}}\n`
        : csvLine([file, m.start, m.end, line, column, term, m.frameId]),
    );
    if (parts.length === 4096) {
      chunks.push(parts.join(''));
      parts = [];
    }
  }
  chunks.push(parts.join(''));
  return chunks.join('');
}
