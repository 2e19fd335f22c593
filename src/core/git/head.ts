/**
 * The branch a working tree has checked out, read from `.git/HEAD` without running git: the editor names it
 * when a checkout changed an annotation file under unsaved coding ("…on branch 'coder-b'"), and must answer at
 * once, inside a file-watcher event. A `.git` file (a linked worktree or a submodule: `gitdir: <path>`) is
 * followed to the real Git folder.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

/** What HEAD holds, for people: the branch name, or "a detached HEAD at <short commit>". */
export function describeHead(headText: string): string | undefined {
  const text = headText.trim();
  const ref = /^ref: refs\/heads\/(.+)$/.exec(text);
  if (ref) return `branch '${ref[1]}'`;
  if (/^[0-9a-f]{40,64}$/.test(text)) return `a detached HEAD at ${text.slice(0, 7)}`;
  return undefined;
}

/** The Git folder of the working tree that holds `path`, following a `.git` file; undefined outside Git. */
export function gitFolderOf(path: string): string | undefined {
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    const dotGit = join(dir, '.git');
    const stat = statSync(dotGit, { throwIfNoEntry: false });
    if (stat?.isDirectory()) return dotGit;
    if (stat?.isFile()) {
      const pointer = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, 'utf8'));
      if (pointer) return isAbsolute(pointer[1]) ? pointer[1] : resolve(dir, pointer[1]);
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** "branch 'name'" (or a detached HEAD) checked out where `path` is, or undefined outside a Git working tree. */
export function checkedOutAt(path: string): string | undefined {
  const folder = gitFolderOf(path);
  if (folder === undefined) return undefined;
  const head = readFileSync(join(folder, 'HEAD'), { encoding: 'utf8', flag: 'r' });
  return describeHead(head);
}
