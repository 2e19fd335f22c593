/**
 * `sovcode adjudicate --coders A,B [--as consensus]`: the disagreements of two coders, listed (text, JSON, or
 * CSV that is the form of a decisions file), or resolved into the consensus coder's annotations without asking:
 * `--accept A|B|both|agreements` for all that is open, `--decisions FILE` for one decision per disagreement
 * (docs/adjudication.md). The same core as *Compare Coders…* in VS Code, so both write the same consensus.
 * Everything is planned first; nothing is written when a sidecar has an error or the decisions file has one.
 */
import { execFileSync } from 'node:child_process';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import {
  adjudicateCorpus,
  listingCsv,
  listingJson,
  listingRows,
  listingText,
  planAdjudication,
  readDecisions,
  type AcceptAll,
  type Adjudicator,
  type CoderPair,
  type TextPlan,
} from '../core/adjudication';
import { isIsoDate } from '../core/annotations';
import { formatProblem, hasErrors, type Problem } from '../core/input';
import {
  nodeFilePort,
  parseSidecar,
  serializeSidecar,
  sourcePathFor,
  withDone,
  writeSidecarSafely,
} from '../core/sidecar';
import { readTextFile } from './codebookFile';
import { documentPath, readCodedDocuments, sidecarsFor } from './codedDocuments';
import { CliError } from './errors';

export const ADJUDICATE_HELP = `Usage: sovcode adjudicate --coders A,B [--as NAME] [--format text|json|csv] [PATH...]
       sovcode adjudicate --coders A,B [--as NAME] --accept A|B|both|agreements [--decisions FILE]
                          [--coder WHO] [--dry-run] [PATH...]
       sovcode adjudicate --coders A,B [--as NAME] --decisions FILE [--coder WHO] [--dry-run] [PATH...]

Lists the disagreements of coders A and B (a span one has and the other lacks, the same span with other
frames, the same frame with other boundaries), each with a stable id, and how it stands in the consensus.
With --accept or --decisions, writes the adjudicated decisions as annotations of the consensus coder
(default 'consensus'), each with a memo that records who decided, when, and from whose coding: the gold
standard, which exports and counts like any coder's coding. Running it again adds nothing.

Options:
      --coders A,B       the two coders to adjudicate (required)
      --as NAME          the consensus coder written (default: consensus)
      --accept WHO       for every open disagreement: A or B (that coder's name: take their coding), both,
                         or agreements (only copy what A and B coded alike). With A, B or both the
                         agreements are copied too. Disagreements decided before are left as they are.
      --decisions FILE   CSV with the columns id and decision (accept-a, accept-b, both, neither, or a
                         coder's name; empty: not decided yet). The CSV listing is this form: fill in its
                         'decision' column. A decision in the file replaces an earlier one.
      --coder WHO        who adjudicates, recorded in the memos (default: git user.name, else the OS user)
      --dry-run          print what would be written, write nothing
  -f, --format FORMAT    of the listing: text (default), json, csv
  -c, --codebook PATH    codebook for reading the annotation files (default: as for export)

A text counts when both coders coded it or marked it done. When every disagreement of a text is decided and
every agreement copied, the consensus coder's done mark is set on it (its adjudication is finished; what the
consensus lacks there it rejected). Exit codes: 0 done, 2 bad input (named with file and line).
`;

interface AdjudicateOptions {
  coders?: string;
  as?: string;
  accept?: string;
  decisions?: string;
  coder?: string;
  'dry-run'?: boolean;
  format?: string;
  codebook?: string;
}

function pairFrom(coders: string | undefined): CoderPair {
  const names = (coders ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  if (names.length !== 2) throw new CliError('adjudicate needs --coders A,B: exactly two coders');
  const [a, b] = names as [string, string];
  if (a === b) throw new CliError(`coder '${a}' is named twice: adjudicate two different coders`);
  return { a, b };
}

function acceptFrom(value: string | undefined, pair: CoderPair): AcceptAll | undefined {
  if (value === undefined) return undefined;
  if (value === pair.a) return 'a';
  if (value === pair.b) return 'b';
  if (value === 'both' || value === 'agreements') return value;
  throw new CliError(`unknown --accept '${value}': use ${pair.a}, ${pair.b}, both or agreements`);
}

function gitUserName(): string | undefined {
  try {
    return (
      execFileSync('git', ['config', 'user.name'], {
        encoding: 'utf8',
        timeout: 3000,
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim() || undefined
    );
  } catch {
    return undefined; // no git, no repository, no user.name: fall back to the OS user
  }
}

function todayLocal(): string {
  const d = new Date();
  const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  if (!isIsoDate(day)) throw new CliError(`cannot tell today's date (${day})`);
  return day;
}

/** The listing (no decision asked for), or undefined when decisions are to be applied. */
export function adjudicateListing(
  paths: readonly string[],
  options: AdjudicateOptions,
): { text: string; warnings: Problem[] } {
  const pair = pairFrom(options.coders);
  const consensus = options.as ?? 'consensus';
  if (consensus === pair.a || consensus === pair.b)
    throw new CliError(`--as '${consensus}' is one of the coders compared: name the consensus coder something else`);
  const format = options.format ?? 'text';
  if (!['text', 'json', 'csv'].includes(format))
    throw new CliError(`unknown --format '${format}' for adjudicate: use text, json or csv`);
  const { documents, problems } = readCodedDocuments(paths, options.codebook, 'listed');
  const corpus = adjudicateCorpus(documents, pair, consensus);
  const rows = listingRows(corpus, documents);
  const text =
    format === 'json'
      ? listingJson(rows, corpus, pair, consensus)
      : format === 'csv'
        ? listingCsv(rows, pair)
        : listingText(rows, corpus, pair);
  return { text, warnings: problems };
}

function planLine(t: TextPlan, sidecar: string, dryRun: boolean, consensus: string): string {
  const verb = dryRun ? 'would write' : 'wrote';
  const parts = [
    `${t.decided} decided`,
    `${t.agreementsCopied} agreement(s) copied`,
    `${consensus}: +${t.added} −${t.removed}`,
    `${t.open} open`,
  ];
  const done = t.markDone ? `; adjudication finished (done mark of ${consensus})` : '';
  return `${sidecar}: ${t.added + t.removed === 0 && !t.markDone ? 'unchanged' : verb}: ${parts.join(', ')}${done}`;
}

/** Applies --accept and/or --decisions; returns the report lines. */
export async function adjudicate(paths: readonly string[], options: AdjudicateOptions): Promise<string> {
  const pair = pairFrom(options.coders);
  const who: Adjudicator = {
    by: options.coder?.trim() || gitUserName() || userInfo().username,
    consensus: options.as ?? 'consensus',
    today: todayLocal(),
  };
  if (who.consensus === pair.a || who.consensus === pair.b)
    throw new CliError(
      `--as '${who.consensus}' is one of the coders compared: name the consensus coder something else`,
    );
  if (who.consensus.trim() === '') throw new CliError('--as needs the name of the consensus coder');
  const accept = acceptFrom(options.accept, pair);
  let decisions;
  if (options.decisions !== undefined) {
    const read = readDecisions(readTextFile(options.decisions), options.decisions, pair);
    if (hasErrors(read.problems))
      throw new CliError(
        `nothing adjudicated: fix the decisions file first:\n${read.problems.map(formatProblem).join('\n')}`,
      );
    decisions = read.decisions;
  }
  const { documents } = readCodedDocuments(paths, options.codebook, 'adjudicated');
  const plan = planAdjudication(documents, pair, who, { accept, decisions });
  if (plan.unknown.length > 0 && options.decisions !== undefined) {
    const file = options.decisions;
    throw new CliError(
      `nothing adjudicated: these decisions name no disagreement of ${pair.a} and ${pair.b} here (the coding changed since the list was made, or another folder):\n${plan.unknown
        .map((u) => `${file}:${u.line}:1: error: no disagreement ${u.id}`)
        .join('\n')}`,
    );
  }
  const sidecarOf = new Map(
    sidecarsFor(paths).sidecars.map((s) => [documentPath(sourcePathFor(s.path) as string), s.path]),
  );
  const lines: string[] = [];
  const dryRun = options['dry-run'] === true;
  for (const t of plan.texts) {
    const file = sidecarOf.get(t.path);
    if (file === undefined) throw new CliError(`${t.path}: its annotation file was not found again`);
    lines.push(planLine(t, file, dryRun, who.consensus));
    if (dryRun || (t.added + t.removed === 0 && !t.markDone)) continue;
    const before = readTextFile(file);
    const parsed = parseSidecar(before, file);
    if (!parsed.sidecar || parsed.readOnly) throw new CliError(`${file}: changed while adjudicating; not written`);
    const done = t.markDone ? withDone(parsed.sidecar.done, who.consensus, true) : parsed.sidecar.done;
    const next = { ...parsed.sidecar, annotations: t.annotations, ...(done ? { done } : {}) };
    const source = readTextFile(sourcePathFor(file) as string);
    const result = await writeSidecarSafely(nodeFilePort, resolve(file), serializeSidecar(next, source), before);
    if (!result.ok) throw new CliError(`${file}: not written (${result.message}); the files listed before it were`);
  }
  for (const p of plan.missingSource) lines.push(`${p}: source text not found: its disagreements stay open`);
  if (plan.codedByOneOnly.length > 0)
    lines.push(`left out (coded by only one of ${pair.a} and ${pair.b}): ${plan.codedByOneOnly.join(', ')}`);
  const open = plan.texts.reduce((n, t) => n + t.open, 0);
  lines.push(
    `sovcode: ${dryRun ? 'dry run, nothing written: ' : ''}${plan.texts.length} text(s) adjudicated by ${who.by} as ${who.consensus}; ${open} disagreement(s) still open`,
  );
  return `${lines.join('\n')}\n`;
}
