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
    for (const m of matcher.find(text)) {
      const pos = lines.positionAt(m.start);
      records.push({
        file,
        start: m.start,
        end: m.end,
        line: pos.line + 1,
        column: pos.character + 1,
        term: text.slice(m.start, m.end),
        frame: m.frameId,
      });
    }
  }
  return records;
}

export function formatScan(records: readonly ScanRecord[], format: string | undefined): string {
  if (format === undefined || format === 'jsonl') {
    return records.map((r) => `${JSON.stringify(r, COLUMNS as unknown as string[])}\n`).join('');
  }
  if (format === 'csv')
    return toCsv(
      COLUMNS,
      records.map((r) => COLUMNS.map((c) => r[c])),
    );
  throw new CliError(`unknown --format '${format}': use jsonl or csv`);
}
