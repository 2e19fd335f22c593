/**
 * The one folder walker of every command that takes a folder (sovcode validate, export, agreement; the
 * stale-temp check). Each real folder is walked once: a link to a folder already walked, or to one inside the
 * root that the real walk reaches anyway, is skipped and listed (a workspace that links one of its folders into
 * another would otherwise be counted twice). Links that leave the root are never followed; dangling links and
 * loops are listed with their path, and the walk goes on. Real entries are walked before linked ones, so a
 * file is always found under its own name rather than a link's.
 */
import { join } from 'node:path';
import { nodeFiles, type EntryKind, type FilesPort } from './port';
import { isInside, refusal, unreachable, type Refusal } from './readSafely';

export interface WalkOptions {
  /** Folder names never entered (node_modules, .git, …). */
  skipFolders: ReadonlySet<string>;
  /** Which file names the caller wants. */
  wanted(name: string): boolean;
}

export interface WalkResult {
  /** Wanted files, by the path under which they were found, each real file once. */
  files: string[];
  /** Entries not followed, each with a message that names it. */
  skipped: Refusal[];
}

interface PendingLink {
  path: string;
  name: string;
}

/** Walks `root` by the rules above. */
export function walkFolder(root: string, options: WalkOptions, port: FilesPort = nodeFiles): WalkResult {
  const realRoot = port.realpath(root);
  const seen = new Map<string, string>(); // real path → the path it was first found under
  const files: string[] = [];
  const skipped: Refusal[] = [];
  const links: PendingLink[] = [];
  const skip = (path: string, reason: Refusal['reason'], why: string): void => {
    skipped.push(refusal(path, reason, why));
  };

  const walkReal = (folder: string): void => {
    let names: string[];
    try {
      names = port.readdir(folder);
    } catch (e) {
      return void skipped.push(unreachable(folder, e, port));
    }
    for (const name of names) {
      const path = join(folder, name);
      let kind: EntryKind;
      try {
        kind = port.lstat(path).kind;
      } catch (e) {
        skipped.push(unreachable(path, e, port)); // removed while we looked
        continue;
      }
      if (kind === 'symlink') links.push({ path, name });
      else if (kind === 'folder') {
        if (!options.skipFolders.has(name)) enter(path, port.realpath(path));
      } else if (kind === 'file' && options.wanted(name)) addFile(path, port.realpath(path));
      else if (kind !== 'file' && options.wanted(name))
        skip(path, 'not-regular', `is a ${kind}, not a regular file: skipped`);
    }
  };
  const enter = (path: string, real: string): void => {
    seen.set(real, path);
    walkReal(path);
  };
  const addFile = (path: string, real: string): void => {
    const first = seen.get(real);
    if (first !== undefined)
      return skip(path, 'duplicate', `is a symbolic link to ${first}, which is already included: skipped`);
    seen.set(real, path);
    files.push(path);
  };
  const follow = (link: PendingLink): void => {
    let real: string;
    let kind: EntryKind;
    try {
      real = port.realpath(link.path);
      kind = port.stat(real).kind;
    } catch (e) {
      return void skipped.push(unreachable(link.path, e, port));
    }
    if (kind !== 'folder' && !options.wanted(link.name)) return;
    if (!isInside(realRoot, real))
      return skip(
        link.path,
        'outside',
        `is a symbolic link to ${port.readlink(link.path)}, outside ${root}: not followed`,
      );
    if (kind === 'file') return addFile(link.path, real);
    if (kind !== 'folder')
      return skip(link.path, 'not-regular', `is a symbolic link to a ${kind}, not a regular file: skipped`);
    if (options.skipFolders.has(link.name)) return;
    const first = seen.get(real);
    if (first !== undefined)
      return skip(
        link.path,
        'duplicate',
        `is a symbolic link to the folder ${first}, which is walked already: skipped (each folder is read once)`,
      );
    enter(link.path, real);
  };

  seen.set(realRoot, root);
  walkReal(root);
  // links only after every real entry, and in the order found; following one may queue more
  for (let i = 0; i < links.length; i++) follow(links[i]);
  return { files: [...files].sort(), skipped };
}
