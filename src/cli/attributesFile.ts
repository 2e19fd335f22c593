/**
 * Finding and reading the document attributes (documents.csv) for the CLI: `--attributes FILE`, else
 * documents.csv in the workspace folder (where codebook.yaml is), else in the folder given. Paths in the file
 * are relative to its folder; they are turned into the paths the CLI prints (relative to the current folder),
 * so that attributes join with the segments' `document` column.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ATTRIBUTES_FILE, DocumentAttributes, parseDocumentAttributes } from '../core/attributes';
import { formatProblem } from '../core/input';
import { findWorkspaceCodebook, readTextFile } from './codebookFile';
import { CliError } from './errors';

function documentsCsvFor(paths: readonly string[]): string | undefined {
  const first = paths[0] ?? '.';
  const folder = existsSync(first) && statSync(first).isDirectory() ? first : dirname(first);
  const workspace = findWorkspaceCodebook(folder);
  for (const dir of [workspace === undefined ? undefined : dirname(workspace), folder]) {
    if (dir !== undefined && existsSync(join(dir, ATTRIBUTES_FILE))) return join(dir, ATTRIBUTES_FILE);
  }
  return undefined;
}

/** The path as the CLI prints documents: relative to the current folder, with '/'. */
function cliPath(absolute: string): string {
  const rel = relative(process.cwd(), absolute);
  return (rel === '' || rel.startsWith('..') ? absolute : rel).split(sep).join('/');
}

/** The attributes table, or undefined when there is no file; throws a CliError naming file and line on problems. */
export function loadAttributes(explicit: string | undefined, paths: readonly string[]): DocumentAttributes | undefined {
  const file = explicit ?? documentsCsvFor(paths);
  if (file === undefined) return undefined;
  const folder = dirname(resolve(file));
  const parsed = parseDocumentAttributes(readTextFile(file), file, (p) => existsSync(join(folder, p)));
  if (!parsed.attributes)
    throw new CliError(`the document attributes have problems:\n${parsed.problems.map(formatProblem).join('\n')}`);
  return parsed.attributes.rekeyed((p) => cliPath(join(folder, p)));
}
