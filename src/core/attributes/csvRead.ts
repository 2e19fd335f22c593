/**
 * A strict RFC 4180 reader that keeps line numbers, for the one CSV file we read from users (documents.csv).
 * The core has no runtime CSV dependency, and this file is small: quoted cells with doubled quotes, line breaks
 * inside quotes, CRLF or LF. A quote inside an unquoted cell or an unterminated quote is an error at its line,
 * never guessed around, because a guessed cell would silently give a text the wrong attributes.
 */

export interface CsvRow {
  /** 1-based line where the row starts. */
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    message: string,
  ) {
    super(message);
  }
}

/** Rows of a CSV text; blank lines are skipped. Throws CsvSyntaxError with the position of the fault. */
export function readCsv(text: string): CsvRow[] {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let line = 1;
  let column = 1;
  let i = 0;
  while (i < src.length) {
    const rowLine = line;
    const cells: string[] = [];
    for (;;) {
      let cell = '';
      if (src[i] === '"') {
        const openLine = line;
        const openColumn = column;
        i++;
        column++;
        for (;;) {
          if (i >= src.length) throw new CsvSyntaxError(openLine, openColumn, 'a quoted cell is never closed');
          const c = src[i];
          if (c === '"' && src[i + 1] === '"') {
            cell += '"';
            i += 2;
            column += 2;
            continue;
          }
          if (c === '"') {
            i++;
            column++;
            break;
          }
          if (c === '\n') {
            line++;
            column = 1;
          } else column++;
          cell += c;
          i++;
        }
        if (i < src.length && src[i] !== ',' && src[i] !== '\n' && src[i] !== '\r') {
          throw new CsvSyntaxError(
            line,
            column,
            'text after the closing quote of a cell (write "" for a quote inside it)',
          );
        }
      } else {
        while (i < src.length && src[i] !== ',' && src[i] !== '\n' && src[i] !== '\r') {
          if (src[i] === '"')
            throw new CsvSyntaxError(
              line,
              column,
              'a quote inside an unquoted cell (quote the whole cell and double the quote)',
            );
          cell += src[i];
          i++;
          column++;
        }
      }
      cells.push(cell);
      if (src[i] === ',') {
        i++;
        column++;
        continue;
      }
      break;
    }
    if (src[i] === '\r') i++;
    if (src[i] === '\n') i++;
    line++;
    column = 1;
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: rowLine, cells });
  }
  return rows;
}
