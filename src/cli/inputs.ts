/**
 * Every file the CLI reads goes through here: the paths named on the command line are expanded by the one
 * shared walker (core/files/walk.ts) and each file is read by the one safe reader (core/files/readSafely.ts),
 * inside its root: the folder named on the command line, else the current folder (or, for a file named outside
 * the current folder, the file's own folder). What the walker skipped or the reader refused comes back as a
 * positioned problem naming the path, so a command reports it and goes on instead of failing with a stack.
 */
import { dirname, resolve } from 'node:path';
import {
  decodeText,
  isInside,
  nodeFiles,
  readFileSafely,
  unreachable,
  walkFolder,
  type EntryKind,
  type Refusal,
} from '../core/files';
import type { Problem } from '../core/input';

/** Folders never searched: dependencies, Git's own data, build output. */
const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', 'dist', 'out']);

export { TEXT_MAX_BYTES } from '../core/files';

export interface InputFile {
  path: string;
  /** The folder this file, its sidecar or source, must stay inside. */
  root: string;
}

export interface FoundInputs {
  files: InputFile[];
  /** Entries not followed: dangling links, loops, links leaving the root, folders already walked. */
  skipped: Refusal[];
}

/** The root of a file named on the command line (see the file comment). */
export function rootOfFile(path: string): string {
  const cwd = process.cwd();
  return isInside(cwd, resolve(path)) ? cwd : dirname(resolve(path));
}

/** What a path leads to (links followed), or undefined when nothing can be reached there. */
export function pathKind(path: string): EntryKind | undefined {
  try {
    return nodeFiles.stat(path).kind;
  } catch {
    return undefined; // not there or not reachable: the reader names the path and the reason
  }
}

/**
 * The files meant by the paths: a named file as it is (the reader checks it), the wanted files below a named
 * folder. Each real file is listed once, under the first name it was found by.
 */
export function findInputs(paths: readonly string[], wanted: (name: string) => boolean): FoundInputs {
  const files: InputFile[] = [];
  const skipped: Refusal[] = [];
  const seen = new Set<string>();
  const add = (path: string, root: string): void => {
    let real: string;
    try {
      real = nodeFiles.realpath(path);
    } catch {
      real = resolve(path); // unreadable: kept, so the reader reports it by name
    }
    if (seen.has(real)) return;
    seen.add(real);
    files.push({ path, root });
  };
  for (const p of paths.length > 0 ? paths : ['.']) {
    if (pathKind(p) !== 'folder') {
      add(p, rootOfFile(p));
      continue;
    }
    try {
      const walked = walkFolder(p, { skipFolders: SKIPPED_FOLDERS, wanted });
      walked.files.forEach((f) => add(f, p));
      skipped.push(...walked.skipped);
    } catch (e) {
      skipped.push(unreachable(p, e));
    }
  }
  return { files, skipped };
}

export type TextRead = { text: string } | { refusal: Refusal };
export type BytesRead = { bytes: Uint8Array } | { refusal: Refusal };

/** A file's bytes by the safe reader's rules, or the refusal: sidecars and codebooks, for the strict decoder. */
export function readBytes(file: InputFile | string, maxBytes: number): BytesRead {
  const { path, root } = typeof file === 'string' ? { path: file, root: rootOfFile(file) } : file;
  const read = readFileSafely(path, { root, maxBytes });
  return read.ok ? { bytes: read.bytes } : { refusal: read.refusal };
}

/** A source text by the safe reader's rules (decoded as an editor does), or the refusal. */
export function readText(file: InputFile | string, maxBytes: number): TextRead {
  const read = readBytes(file, maxBytes);
  return 'bytes' in read ? { text: decodeText(read.bytes) } : read;
}

/** A refusal as a problem of the file itself. */
export function refusalProblem(r: Refusal, severity: Problem['severity']): Problem {
  return { file: r.path, line: 1, column: 1, severity, message: r.why };
}
