/**
 * The decisions file of `sovcode adjudicate --decisions FILE`: a CSV table with a header row, in which the
 * columns `id` and `decision` are read and every other column is ignored. So the listing's own CSV
 * (`sovcode adjudicate --coders A,B --format csv`, which has an empty `decision` column) is the form a team
 * fills in, in a spreadsheet or an editor, and hands back. A decision is accept-a, accept-b, both or neither,
 * or the name of one of the two coders (accept that coder); an empty one is "not decided yet" and skipped.
 * Every fault is an error at its file and line, and nothing is applied from a file with one.
 */
import { CsvSyntaxError, readCsv } from '../attributes/csvRead';
import type { Problem } from '../input';
import type { CoderPair } from './align';
import { isDisagreementId } from './ids';
import { DECISIONS, type Decision } from './provenance';

export interface DecisionEntry {
  decision: Decision;
  /** The line the row starts on, for messages about it later (an id that names no disagreement). */
  line: number;
}

export interface DecisionsRead {
  decisions: Map<string, DecisionEntry>;
  problems: Problem[];
}

/** `value` as a decision: one of DECISIONS, or a coder's name of the pair; undefined when it is neither. */
function decisionFrom(value: string, pair: CoderPair): Decision | undefined {
  const v = value.trim();
  const lower = v.toLowerCase();
  if ((DECISIONS as readonly string[]).includes(lower)) return lower as Decision;
  if (v === pair.a) return 'accept-a';
  if (v === pair.b) return 'accept-b';
  return undefined;
}

/** Reads a decisions file's text; `file` names it in problems. */
export function readDecisions(text: string, file: string, pair: CoderPair): DecisionsRead {
  const decisions = new Map<string, DecisionEntry>();
  const problems: Problem[] = [];
  const error = (line: number, column: number, message: string): void =>
    void problems.push({ file, line, column, severity: 'error', message });
  let rows;
  try {
    rows = readCsv(text);
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    error(e.line, e.column, e.message);
    return { decisions, problems };
  }
  const [header, ...body] = rows;
  if (header === undefined) {
    error(1, 1, "empty decisions file: it needs a header row with the columns 'id' and 'decision'");
    return { decisions, problems };
  }
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const idColumn = names.indexOf('id');
  const decisionColumn = names.indexOf('decision');
  if (idColumn < 0 || decisionColumn < 0) {
    const missing = [idColumn < 0 ? "'id'" : '', decisionColumn < 0 ? "'decision'" : ''].filter(Boolean).join(' and ');
    error(header.line, 1, `the header row has no ${missing} column (it has: ${header.cells.join(', ') || 'nothing'})`);
    return { decisions, problems };
  }
  const choices = `${DECISIONS.join(', ')}, ${pair.a} or ${pair.b}`;
  for (const row of body) {
    const id = (row.cells[idColumn] ?? '').trim();
    const value = row.cells[decisionColumn] ?? '';
    if (id === '' && value.trim() === '') continue;
    if (!isDisagreementId(id)) {
      error(
        row.line,
        1,
        `'${id}' is not a disagreement id (d followed by 10 letters and digits, as the listing gives)`,
      );
      continue;
    }
    if (value.trim() === '') continue; // not decided yet
    const decision = decisionFrom(value, pair);
    if (decision === undefined) {
      error(row.line, 1, `disagreement ${id}: unknown decision '${value.trim()}' (use ${choices})`);
      continue;
    }
    const earlier = decisions.get(id);
    if (earlier !== undefined && earlier.decision !== decision) {
      error(
        row.line,
        1,
        `disagreement ${id} is decided twice: ${earlier.decision} on line ${earlier.line}, ${decision} here`,
      );
      continue;
    }
    decisions.set(id, { decision, line: row.line });
  }
  return { decisions, problems };
}
