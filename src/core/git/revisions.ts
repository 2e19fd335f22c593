/**
 * Reading sidecars and texts as they are in a Git revision, without a checkout, through a small port (the CLI
 * gives it `git` itself; tests can give it a fake). Paths are relative to the repository's top folder with '/'.
 * A revision is read with `git cat-file`/`git ls-tree`, so a reviewer's working tree is never touched.
 */
import { isSidecarPath, parseSidecar, sourcePathFor } from '../sidecar';
import type { Sidecar } from '../sidecar';
import type { Problem } from '../input';
import { canonicalText } from '../text';

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `git` with these arguments in the repository's top folder. */
export interface GitPort {
  run(args: readonly string[]): GitResult;
}

export class GitError extends Error {}

function ok(git: GitPort, args: readonly string[]): string {
  const r = git.run(args);
  if (r.code !== 0) throw new GitError(`git ${args.join(' ')}: ${r.stderr.trim() || `exit code ${r.code}`}`);
  return r.stdout;
}

/** The commit a revision names (branch, tag, commit, HEAD~2 …), or undefined when it names none. */
export function resolveCommit(git: GitPort, rev: string): string | undefined {
  if (rev.startsWith('-')) return undefined;
  const r = git.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  return r.code === 0 ? r.stdout.trim() : undefined;
}

/** Sidecar paths in a revision, below the given paths (all when none). */
export function sidecarsAtRevision(git: GitPort, commit: string, paths: readonly string[]): string[] {
  return ok(git, ['ls-tree', '-r', '-z', '--name-only', commit, '--', ...paths])
    .split('\0')
    .filter((p) => p !== '' && isSidecarPath(p));
}

/** A file's text in a revision, or undefined when the revision has no such file. */
export function readAtRevision(git: GitPort, commit: string, path: string): string | undefined {
  const spec = `${commit}:${path}`;
  if (git.run(['cat-file', '-e', spec]).code !== 0) return undefined;
  return ok(git, ['cat-file', 'blob', spec]);
}

/** One sidecar as read from somewhere (a revision or the working tree), with the text it points into. */
export interface SidecarVersion {
  sidecar: Sidecar | undefined;
  /** Canonical source text, when the source exists there. */
  text: string | undefined;
  problems: Problem[];
}

/** Reads a sidecar and its source through `read` (undefined for a missing file); `label` names it in messages. */
export function readSidecarVersion(
  read: (path: string) => string | undefined,
  path: string,
  label: string,
): SidecarVersion {
  const yaml = read(path);
  const source = sourcePathFor(path);
  const raw = source === undefined ? undefined : read(source);
  const text = raw === undefined ? undefined : canonicalText(raw);
  if (yaml === undefined) return { sidecar: undefined, text, problems: [] };
  const parsed = parseSidecar(yaml, label);
  return { sidecar: parsed.readOnly ? undefined : parsed.sidecar, text, problems: parsed.problems };
}
