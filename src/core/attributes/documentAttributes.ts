/**
 * Document attributes: one row per text in a workspace file `documents.csv` (country, outlet, speaker, date,
 * genre… any columns the researcher chooses), so that frames can be compared across them. The file is
 * validated like every other input: each problem names the file and line, and a file with errors is not used
 * at all (a half-read table would put texts in the wrong group without a word). Format: docs/attributes.md.
 */
import { isIsoDate } from '../annotations';
import type { Problem } from '../input';
import { CsvSyntaxError, readCsv } from './csvRead';

/** The name of the attributes file at the workspace root. */
export const ATTRIBUTES_FILE = 'documents.csv';

/** A column whose values are dates: `date`, or a name ending in `_date` or starting with `date_`. */
export function isDateColumn(name: string): boolean {
  return name === 'date' || name.endsWith('_date') || name.startsWith('date_');
}

/** YYYY, YYYY-MM or a real calendar date YYYY-MM-DD: the precisions a researcher knows a text's date to. */
function isAttributeDate(value: string): boolean {
  if (/^\d{4}$/.test(value)) return true;
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) return Number(month[2]) >= 1 && Number(month[2]) <= 12;
  return isIsoDate(value);
}

/** The attributes of the corpus's texts, keyed by document path. */
export class DocumentAttributes {
  constructor(
    readonly columns: readonly string[],
    private readonly rows: ReadonlyMap<string, ReadonlyMap<string, string>>,
  ) {}

  static empty(): DocumentAttributes {
    return new DocumentAttributes([], new Map());
  }

  /** The value of `name` for the document, undefined when the document has no row or the cell is empty. */
  valueOf(document: string, name: string): string | undefined {
    const v = this.rows.get(document)?.get(name);
    return v === '' ? undefined : v;
  }

  /** Distinct non-empty values of a column, sorted. */
  valuesOf(name: string): string[] {
    const values = new Set<string>();
    for (const row of this.rows.values()) {
      const v = row.get(name);
      if (v !== undefined && v !== '') values.add(v);
    }
    return [...values].sort();
  }

  documents(): string[] {
    return [...this.rows.keys()];
  }

  /** The same table with every document path mapped (from the file's folder to the caller's view of paths). */
  rekeyed(map: (path: string) => string): DocumentAttributes {
    return new DocumentAttributes(this.columns, new Map([...this.rows].map(([k, v]) => [map(k), v])));
  }
}

export interface ParsedAttributes {
  /** Undefined when the file has errors. */
  attributes: DocumentAttributes | undefined;
  problems: Problem[];
}

/** Why a `document` cell cannot name a text of the workspace, or undefined when it can. */
function badDocumentPath(path: string): string | undefined {
  if (path.trim() === '') return 'the document cell is empty';
  if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path))
    return `'${path}' is absolute: write the path relative to the folder of ${ATTRIBUTES_FILE}`;
  if (path.split(/[\\/]/).includes('..')) return `'${path}' leaves the folder of ${ATTRIBUTES_FILE}`;
  if (path.includes('\\')) return `'${path}' uses '\\': separate folders with '/'`;
  return undefined;
}

/**
 * Reads `documents.csv`. `isKnownText(path)` says whether a text exists at the path (relative to the file's
 * folder); a row for an unknown text is an error, because it is almost always a typo that would leave the real
 * text without attributes.
 */
export function parseDocumentAttributes(
  text: string,
  file: string,
  isKnownText: (path: string) => boolean,
): ParsedAttributes {
  const problems: Problem[] = [];
  const error = (line: number, message: string, column = 1): void => {
    problems.push({ file, line, column, severity: 'error', message });
  };
  let rows;
  try {
    rows = readCsv(text);
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    return {
      attributes: undefined,
      problems: [{ file, line: e.line, column: e.column, severity: 'error', message: e.message }],
    };
  }
  const [header, ...body] = rows;
  if (!header)
    return {
      attributes: undefined,
      problems: [
        {
          file,
          line: 1,
          column: 1,
          severity: 'error',
          message: `empty: the first line names the columns, starting with 'document'`,
        },
      ],
    };
  const columns = header.cells.map((c) => c.trim());
  if (columns[0] !== 'document')
    error(header.line, `the first column must be 'document' (the text's path), not '${columns[0] ?? ''}'`);
  const seen = new Set<string>();
  columns.forEach((c, i) => {
    if (c === '') error(header.line, `column ${i + 1} has no name`);
    else if (seen.has(c)) error(header.line, `column '${c}' appears twice`);
    seen.add(c);
  });
  const table = new Map<string, Map<string, string>>();
  const firstLine = new Map<string, number>();
  for (const row of body) {
    if (row.cells.length !== columns.length) {
      error(row.line, `${row.cells.length} cell(s), but the header has ${columns.length} column(s)`);
      continue;
    }
    const path = (row.cells[0] ?? '').trim();
    const bad = badDocumentPath(path);
    if (bad !== undefined) {
      error(row.line, bad);
      continue;
    }
    const earlier = firstLine.get(path);
    if (earlier !== undefined) {
      error(row.line, `'${path}' already has a row (line ${earlier})`);
      continue;
    }
    firstLine.set(path, row.line);
    if (!isKnownText(path)) error(row.line, `'${path}': no such text in the workspace`);
    const values = new Map<string, string>();
    columns.slice(1).forEach((name, i) => {
      const value = (row.cells[i + 1] ?? '').trim();
      if (value !== '' && isDateColumn(name) && !isAttributeDate(value))
        error(row.line, `'${value}' in column '${name}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
      values.set(name, value);
    });
    table.set(path, values);
  }
  const attributes = problems.length > 0 ? undefined : new DocumentAttributes(columns.slice(1), table);
  return { attributes, problems };
}
