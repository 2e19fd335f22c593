/**
 * `sovcode diff [REV_A [REV_B]] [PATH…]`: the coding decisions that changed between two revisions (default:
 * HEAD against the working tree), per text, as lines, `--format json` or `--format markdown` (a pull-request
 * comment). Revisions are read with `git cat-file`, never checked out. Exit code 0 (with or without changes),
 * 2 when a version of a sidecar cannot be read (it is named; the others are still listed).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { diffAnnotations, diffJson, diffMarkdown, diffText, readAtRevision, readSidecarVersion, resolveCommit, sidecarsAtRevision } from '../core/git';
import type { GitPort, SidecarVersion, TextDiff } from '../core/git';
import { formatProblem } from '../core/input';
import { isSidecarPath, sidecarPathFor, sourcePathFor } from '../core/sidecar';
import { CliError } from './codebookFile';
import { nodeGitPort, repositoryTop } from './gitPort';

const FORMATS = ['text', 'json', 'markdown'] as const;

/** A version of the repository: a commit, or the working tree (undefined). */
export interface Side { label: string; commit: string | undefined }

/** Leading arguments that name commits (at most `max`, and never an existing path) are revisions; the rest paths. */
export function splitRevisions(git: GitPort, args: readonly string[], max: number): { revisions: Array<{ rev: string; commit: string }>; paths: string[] } {
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

/**
 * Paths relative to the repository top with '/', as Git wants them (the whole tree when none); a text file
 * stands for its sidecar.
 */
export function topRelative(top: string, paths: readonly string[]): string[] {
  return paths.map((p) => {
    const named = !isSidecarPath(p) && existsSync(p) && statSync(p).isFile() ? sidecarPathFor(p) : p;
    const rel = relative(top, resolve(named));
    if (rel.startsWith('..')) throw new CliError(`${p}: outside the repository ${top}`);
    return rel === '' ? '.' : rel.split(sep).join('/');
  });
}

function workingTreeSidecars(git: GitPort, top: string, paths: readonly string[]): string[] {
  const r = git.run(['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...paths]);
  if (r.code !== 0) throw new CliError(`git ls-files: ${r.stderr.trim()}`);
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

export interface DiffRun { diffs: TextDiff[]; problems: string[] }

/** The per-text changes from side `a` to side `b`. */
export function diffSides(git: GitPort, top: string, a: Side, b: Side, paths: readonly string[]): DiffRun {
  const files = [...new Set([...sidecarsOn(git, top, a, paths), ...sidecarsOn(git, top, b, paths)])].sort();
  const problems: string[] = [];
  const version = (side: Side, path: string): SidecarVersion => {
    const v = readSidecarVersion(readerFor(git, top, side), path, side.commit === undefined ? path : `${side.label}:${path}`);
    const errors = v.problems.filter((p) => p.severity === 'error');
    problems.push(...errors.map(formatProblem));
    return v;
  };
  const diffs = files.map((path) => {
    const [before, after] = [version(a, path), version(b, path)];
    return {
      text: sourcePathFor(path) ?? path,
      changes: diffAnnotations({ annotations: before.sidecar?.annotations ?? [], text: before.text }, { annotations: after.sidecar?.annotations ?? [], text: after.text }),
    };
  });
  return { diffs, problems };
}

export function diffCommand(args: readonly string[], format: string | undefined, out: (s: string) => void, err: (s: string) => void): number {
  const chosen = (format ?? 'text') as (typeof FORMATS)[number];
  if (!FORMATS.includes(chosen)) throw new CliError(`unknown --format '${chosen}' for diff: use ${FORMATS.join(', ')}`);
  const top = repositoryTop(process.cwd());
  const git = nodeGitPort(top);
  const { revisions, paths } = splitRevisions(git, args, 2);
  const missing = paths.find((p) => !existsSync(p));
  if (missing !== undefined) throw new CliError(`${missing}: neither a revision (branch, tag, commit) nor a file or folder here`);
  const [first, second] = revisions;
  const a: Side = first === undefined ? { label: 'HEAD', commit: resolveCommit(git, 'HEAD') } : { label: first.rev, commit: first.commit };
  if (a.commit === undefined) throw new CliError('the repository has no commit yet: nothing to compare with');
  const b: Side = second === undefined ? { label: 'working tree', commit: undefined } : { label: second.rev, commit: second.commit };
  const run = diffSides(git, top, a, b, topRelative(top, paths));
  for (const p of run.problems) err(`sovcode: ${p}\n`);
  out(chosen === 'json' ? diffJson(run.diffs) : chosen === 'markdown' ? diffMarkdown(run.diffs, `Annotation changes: ${a.label} → ${b.label}`) : diffText(run.diffs));
  return run.problems.length > 0 ? 2 : 0;
}
