/**
 * Comparing the sidecars of two versions of a repository (two commits, or a commit and the working tree) for
 * `sovcode diff` and the VS Code compare view: which sidecars each side has below some paths, reading each
 * side's sidecar and text, and the per-text changes. Commits are read through the git port; the working tree
 * from disk (saved files).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem } from '../input';
import { isSidecarPath, sourcePathFor } from '../sidecar';
import { diffAnnotations } from './diff';
import type { TextDiff } from './diff';
import { GitError, readAtRevision, readSidecarVersion, resolveCommit, sidecarsAtRevision } from './revisions';
import type { GitPort, SidecarVersion } from './revisions';

/** A version of the repository: a commit, or the working tree (undefined). */
export interface Side {
  label: string;
  commit: string | undefined;
}

/** Leading arguments that name commits (at most `max`, and never an existing path) are revisions; the rest paths. */
export function splitRevisions(
  git: GitPort,
  args: readonly string[],
  max: number,
): { revisions: Array<{ rev: string; commit: string }>; paths: string[] } {
  const revisions: Array<{ rev: string; commit: string }> = [];
  let i = 0;
  for (; i < args.length && revisions.length < max; i++) {
    const arg = args[i];
    const commit = existsSync(arg) ? undefined : resolveCommit(git, arg);
    if (commit === undefined) break;
    revisions.push({ rev: arg, commit });
  }
  return { revisions, paths: args.slice(i) };
}

function workingTreeSidecars(git: GitPort, top: string, paths: readonly string[]): string[] {
  const r = git.run(['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...paths]);
  if (r.code !== 0) throw new GitError(`git ls-files: ${r.stderr.trim()}`);
  return r.stdout.split('\0').filter((p) => p !== '' && isSidecarPath(p) && existsSync(join(top, p)));
}

/** Reads `path` (relative to the top) on one side. */
export function readerFor(git: GitPort, top: string, side: Side): (path: string) => string | undefined {
  if (side.commit !== undefined) {
    const commit = side.commit;
    return (p) => readAtRevision(git, commit, p);
  }
  return (p) => {
    const full = join(top, p);
    return existsSync(full) && statSync(full).isFile() ? readFileSync(full, 'utf8') : undefined;
  };
}

/** Sidecars on one side below the paths. */
export function sidecarsOn(git: GitPort, top: string, side: Side, paths: readonly string[]): string[] {
  return side.commit === undefined ? workingTreeSidecars(git, top, paths) : sidecarsAtRevision(git, side.commit, paths);
}

export interface DiffRun {
  diffs: TextDiff[];
  problems: string[];
}

/** The per-text changes from side `a` to side `b`. */
export function diffSides(git: GitPort, top: string, a: Side, b: Side, paths: readonly string[]): DiffRun {
  const files = [...new Set([...sidecarsOn(git, top, a, paths), ...sidecarsOn(git, top, b, paths)])].sort();
  const problems: string[] = [];
  const version = (side: Side, path: string): SidecarVersion => {
    const v = readSidecarVersion(
      readerFor(git, top, side),
      path,
      side.commit === undefined ? path : `${side.label}:${path}`,
    );
    const errors = v.problems.filter((p) => p.severity === 'error');
    problems.push(...errors.map(formatProblem));
    return v;
  };
  const diffs = files.map((path) => {
    const [before, after] = [version(a, path), version(b, path)];
    return {
      text: sourcePathFor(path) ?? path,
      changes: diffAnnotations(
        { annotations: before.sidecar?.annotations ?? [], text: before.text },
        { annotations: after.sidecar?.annotations ?? [], text: after.text },
      ),
    };
  });
  return { diffs, problems };
}
