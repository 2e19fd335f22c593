/**
 * What `sovcode export` learns about the documents from the file system and Git, beside their coding: the
 * workspace root (so that a .qdpx names texts by their workspace path, whichever folder the export runs from),
 * each text's date (its file's modification time) and each annotation file's Git commit (the CSV's
 * `sidecar_commit`). The core functions stay pure; this file does the reading.
 */
import { statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { CodedDocument } from '../core/documents';
import { xsdDateTime } from '../core/export/refiQda';
import { GitError, nodeGitPort, repositoryTop, sidecarCommits } from '../core/git';
import { sidecarPathFor } from '../core/sidecar';
import { findWorkspaceCodebook } from './codebookFile';

const slashes = (p: string): string => p.split(sep).join('/');

/** The deepest folder that holds every path. */
function commonFolder(paths: readonly string[]): string {
  const parts = paths.map((p) => resolve(p).split(sep));
  const first = parts[0] ?? [];
  let n = 0;
  while (n < first.length && parts.every((p) => p[n] === first[n])) n++;
  return first.slice(0, n).join(sep) || sep;
}

/**
 * The workspace the documents belong to: the folder of the `codebook.yaml` that holds them (found upwards, as
 * the codebook itself is), else the deepest folder that holds all of their texts.
 */
export function workspaceRoot(documents: readonly CodedDocument[]): string {
  const folders = documents.map((d) => dirname(resolve(d.path)));
  const book = folders[0] === undefined ? undefined : findWorkspaceCodebook(folders[0]);
  const root = book === undefined ? undefined : dirname(book);
  if (root !== undefined && folders.every((f) => !relative(root, f).startsWith('..'))) return root;
  return folders.length === 0 ? process.cwd() : commonFolder(folders);
}

/** The documents named by their path in the workspace (`texts/speech.txt`), whatever the current folder. */
export function inWorkspace(documents: readonly CodedDocument[], root: string): CodedDocument[] {
  return documents.map((d) => ({ ...d, path: slashes(relative(root, resolve(d.path))) }));
}

/** Each text's modification time as xsd:dateTime, keyed by the document's path as given. */
export function textDates(documents: readonly CodedDocument[], root: string): Map<string, string> {
  const dates = new Map<string, string>();
  for (const d of documents)
    if (d.text !== undefined) dates.set(d.path, xsdDateTime(statSync(resolve(root, d.path)).mtime));
  return dates;
}

/**
 * Each document's annotation file's commit (sidecarCommits.ts), keyed by the document's path as given; an empty
 * map when the files are not in a Git repository, so the column stays empty (docs/export-csv.md).
 */
export function commitsOf(documents: readonly CodedDocument[]): Map<string, string> {
  const first = documents[0];
  if (first === undefined) return new Map();
  let top: string;
  try {
    top = repositoryTop(dirname(resolve(first.path)));
  } catch (e) {
    if (e instanceof GitError) return new Map(); // not a repository (or no git): there is no commit to name
    throw e;
  }
  const files = new Map<string, string>();
  for (const d of documents) {
    const inRepo = relative(top, resolve(sidecarPathFor(d.path)));
    if (!inRepo.startsWith('..')) files.set(d.path, slashes(inRepo));
  }
  return sidecarCommits(nodeGitPort(top), files);
}
