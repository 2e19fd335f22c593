/**
 * RFC 4180 CSV with spreadsheet-formula neutralisation (OWASP "CSV injection"): a text cell that a spreadsheet
 * could run as a formula — one starting with = + - @, a tab, CR, LF or NUL, or their full-width forms — gets a
 * leading apostrophe, which Excel, LibreOffice and Google Sheets display as text. Numbers are written as numbers.
 * Every text cell is quoted, so commas, quotes and line breaks inside values survive any reader.
 */

const FORMULA_START = /^[=+\-@\t\r\n\0\uff1d\uff0b\uff0d\uff20]/u;

export type CsvValue = string | number | undefined;

/** One cell, quoted and neutralised. `undefined` is an empty cell. */
export function csvCell(value: CsvValue): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** A header row and data rows, CRLF-terminated as RFC 4180 says. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))];
  return lines.map((l) => `${l}\r\n`).join('');
}
