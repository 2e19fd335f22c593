/**
 * Locating and loading codebooks for the CLI, through the safe reader (cli/inputs.ts): a codebook that is a
 * link leaving its folder, a FIFO or over the size cap is refused by name and never read. The extension does
 * the same through vscode.workspace.fs.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CODEBOOK_MAX_BYTES, parseCodebookBytes, type Codebook } from '../core/codebook';
import { formatProblem, type Problem } from '../core/input';
import { exampleProblems } from '../core/codebookTests';
import { CliError } from './errors';
import { readBytes, readText, refusalProblem, TEXT_MAX_BYTES } from './inputs';

/**
 * The codebook that ships with the extension: `codebook/` at the package root, found upwards from this file
 * (one level from the bundled dist/cli.js, three from the compiled out/src/cli/ that the tests run).
 */
export function shippedCodebookPath(): string {
  for (let d = __dirname; ; d = dirname(d)) {
    const candidate = join(d, 'codebook', 'sovereignty.yaml');
    if (existsSync(candidate)) return candidate;
    if (dirname(d) === d) return resolve(__dirname, '..', 'codebook', 'sovereignty.yaml');
  }
}

export interface LoadedCodebook {
  path: string;
  codebook: Codebook | undefined;
  problems: Problem[];
}

/**
 * The codebook at `path`, which must stay inside `root` (default: see rootOfFile); a file the safe reader refuses
 * comes back as one error naming it.
 */
export function loadCodebookFile(path: string, root?: string): LoadedCodebook {
  const read = readBytes(root === undefined ? path : { path, root }, CODEBOOK_MAX_BYTES);
  if ('refusal' in read) return { path, codebook: undefined, problems: [refusalProblem(read.refusal, 'error')] };
  const { codebook, problems } = parseCodebookBytes(read.bytes, path); // strict UTF-8: bad bytes refused at their line
  // A usable codebook also runs its own tests: each frame's examples against its cues (codebookTests/).
  return { path, codebook, problems: codebook ? [...problems, ...exampleProblems(codebook)] : problems };
}

/** The codebook at `path`, or a CliError listing its problems: a command never runs on half a codebook. */
export function loadUsableCodebook(path: string): Codebook {
  const loaded = loadCodebookFile(path);
  if (!loaded.codebook)
    throw new CliError(`the codebook has problems:\n${loaded.problems.map(formatProblem).join('\n')}`);
  return loaded.codebook;
}

/** `codebook.yaml` in `dir` or the nearest folder above it, as a workspace would have it. */
export function findWorkspaceCodebook(dir: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    const candidate = join(d, 'codebook.yaml');
    if (existsSync(candidate)) return candidate;
    if (dirname(d) === d) return undefined;
  }
}

/** A named file's text (scan's inputs), or a CliError that names it and says why it was not read. */
export function readTextFile(path: string): string {
  const read = readText(path, TEXT_MAX_BYTES);
  if ('refusal' in read) throw new CliError(read.refusal.message);
  return read.text;
}
