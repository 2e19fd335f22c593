/**
 * RFC 4180 CSV with spreadsheet-formula neutralisation (OWASP "CSV injection"): a text cell that a spreadsheet
 * could run as a formula — one starting with = + - @, a tab, CR, LF or NUL, or their full-width forms — gets a
 * leading apostrophe, which Excel, LibreOffice and Google Sheets display as text. A cell that already starts
 * with an apostrophe gets one too, so that the neutralisation is exactly reversible: remove one leading
 * apostrophe from every text cell that has one, and each value is back as it was (docs/export-csv.md). Numbers
 * are written as numbers. Every text cell is quoted, so commas, quotes and line breaks inside values survive any reader.
 */

const NEEDS_APOSTROPHE = /^[=+\-@\t\r\n\0\uff1d\uff0b\uff0d\uff20']/u;

export type CsvValue = string | number | undefined;

export interface CsvOptions {
  /** Default true: the safe choice for spreadsheets. False writes every value as it is (for R and pandas). */
  neutralize?: boolean;
}

/** One cell, quoted and (unless `neutralize` is false) neutralised. `undefined` is an empty unquoted cell. */
export function csvCell(value: CsvValue, neutralize = true): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = neutralize && value !== '' && NEEDS_APOSTROPHE.test(value[0]) ? `'${value}` : value;
  return `"${safe.includes('"') ? safe.replace(/"/g, '""') : safe}"`;
}

/**
 * One row as a CSV line, CRLF-terminated as RFC 4180 says. Joined from an array, which gives one flat string:
 * a line built with `+=` is a tree of dozens of pieces that all stay alive until the whole CSV is joined.
 */
export function csvLine(values: readonly CsvValue[], neutralize = true): string {
  const cells = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) cells[i] = csvCell(values[i], neutralize);
  return `${cells.join(',')}\r\n`;
}

/** A header row and data rows, CRLF-terminated as RFC 4180 says. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvValue[])[],
  options: CsvOptions = {},
): string {
  const neutralize = options.neutralize !== false;
  return [header, ...rows].map((r) => csvLine(r, neutralize)).join('');
}
