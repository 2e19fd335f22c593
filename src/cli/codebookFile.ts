/** Locating and loading codebooks for the CLI (node fs; the extension does the same through vscode.workspace.fs). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseCodebook, type Codebook } from '../core/codebook';
import type { Problem } from '../core/input';

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

export function loadCodebookFile(path: string): LoadedCodebook {
  const text = readTextFile(path);
  return { path, ...parseCodebook(text, path) };
}

/** `codebook.yaml` in `dir` or the nearest folder above it, as a workspace would have it. */
export function findWorkspaceCodebook(dir: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    const candidate = join(d, 'codebook.yaml');
    if (existsSync(candidate)) return candidate;
    if (dirname(d) === d) return undefined;
  }
}

/** Reads a file as UTF-8, turning "no such file" and friends into one clear message. */
export function readTextFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : code === 'EACCES' ? 'permission denied' : String(e);
    throw new CliError(`${path}: ${why}`);
  }
}

/** An error the user can act on: printed without a stack, exit code 2. */
export class CliError extends Error {}
