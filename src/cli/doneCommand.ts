/**
 * `sovcode done --coder NAME [--undo] TEXT...`: marks texts as coded by a coder (the sidecar's `done:` list,
 * docs/sidecar-format.md), so that agreement counts a text in which the coder found nothing to code. The CLI
 * way to do what *Mark This Text as Coded by Me* does in VS Code, for scripts and for coders outside VS Code.
 * Each sidecar is read strictly first (one with errors is refused, never rewritten) and written atomically.
 */
import { dirname, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { formatProblem, hasErrors } from '../core/input';
import {
  isSidecarPath,
  nodeFilePort,
  parseSidecar,
  serializeSidecar,
  sidecarForSource,
  sidecarPathFor,
  sourcePathFor,
  withDone,
  writeSidecarSafely,
} from '../core/sidecar';
import { canonicalText } from '../core/text';
import { findWorkspaceCodebook, loadUsableCodebook, readTextFile, shippedCodebookPath } from './codebookFile';
import { CliError } from './errors';

export const DONE_HELP = `Usage: sovcode done --coder NAME [--undo] [--codebook PATH] TEXT...

Marks each TEXT (a text file, or its annotation file) as coded by NAME: the annotation file's 'done:' list
gets NAME. Inter-coder agreement then counts the text for NAME even when NAME applied no frame to it ("coded,
nothing applies"). A text without an annotation file gets one (the codebook id as for export).

Options:
      --coder NAME      the coder who is done (required)
      --undo            take the mark back instead
  -c, --codebook PATH   codebook whose id a new annotation file gets (default: as for export)
`;

interface Planned {
  sidecar: string;
  before: string | null;
  after: string;
}

function plan(text: string, coder: string, marked: boolean, codebook: string | undefined): Planned {
  const sidecar = isSidecarPath(text) ? text : sidecarPathFor(text);
  const source = sourcePathFor(sidecar) ?? text;
  if (!existsSync(source)) throw new CliError(`${source}: no such text; nothing marked`);
  const canonical = canonicalText(readTextFile(source));
  if (!existsSync(sidecar)) {
    const id = loadUsableCodebook(codebook ?? findWorkspaceCodebook(dirname(source)) ?? shippedCodebookPath()).id;
    const fresh = sidecarForSource(source, id, [], canonical, withDone(undefined, coder, marked));
    return { sidecar, before: null, after: serializeSidecar(fresh, canonical) };
  }
  const before = readTextFile(sidecar);
  const parsed = parseSidecar(before, sidecar);
  if (parsed.sidecar === undefined || hasErrors(parsed.problems))
    throw new CliError(
      `${sidecar}: not marked: fix this annotation file first:\n${parsed.problems.map(formatProblem).join('\n')}`,
    );
  const next = { ...parsed.sidecar, done: withDone(parsed.sidecar.done, coder, marked) };
  if (next.done === undefined) delete next.done;
  return { sidecar, before, after: serializeSidecar(next, canonical) };
}

/** Marks (or unmarks) every text; returns one line per text. Nothing is written unless every text can be marked. */
export async function markDone(
  positionals: readonly string[],
  options: { coder?: string; undo?: boolean; codebook?: string },
): Promise<string> {
  const coder = options.coder?.trim();
  if (coder === undefined || coder === '') throw new CliError('done needs --coder NAME (the coder who is done)');
  if (positionals.length === 0) throw new CliError('done needs at least one TEXT');
  const marked = options.undo !== true;
  const planned = positionals.map((p) => plan(p, coder, marked, options.codebook));
  const lines: string[] = [];
  for (const p of planned) {
    if (p.after === p.before) {
      lines.push(`${p.sidecar}: unchanged (${coder} ${marked ? 'was marked done already' : 'had no done mark'})`);
      continue;
    }
    const result = await writeSidecarSafely(nodeFilePort, resolve(p.sidecar), p.after, p.before);
    if (!result.ok) throw new CliError(`${p.sidecar}: not written (${result.message})`);
    lines.push(`${p.sidecar}: ${marked ? `marked done by ${coder}` : `done mark of ${coder} taken back`}`);
  }
  return `${lines.join('\n')}\n`;
}
