/** Locating and loading codebooks for the CLI (node fs; the extension does the same through vscode.workspace.fs). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseCodebookBytes, type Codebook } from '../core/codebook';
import { decodeUtf8Lenient, type Problem } from '../core/input';

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
  return { path, ...parseCodebookBytes(readFileBytes(path), path) };
}

/** `codebook.yaml` in `dir` or the nearest folder above it, as a workspace would have it. */
export function findWorkspaceCodebook(dir: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    const candidate = join(d, 'codebook.yaml');
    if (existsSync(candidate)) return candidate;
    if (dirname(d) === d) return undefined;
  }
}

/**
 * A source text as an editor shows it: invalid UTF-8 becomes U+FFFD, as in VS Code, so that offsets agree.
 * Sidecars and codebooks are not read this way: their bytes go to the core's strict decoder (parse*Bytes).
 */
export function readTextFile(path: string): string {
  return decodeUtf8Lenient(readFileBytes(path));
}

/** Reads a file's bytes, turning "no such file" and friends into one clear message. */
export function readFileBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : code === 'EACCES' ? 'permission denied' : String(e);
    throw new CliError(`${path}: ${why}`);
  }
}

/** An error the user can act on: printed without a stack, exit code 2. */
export class CliError extends Error {}
