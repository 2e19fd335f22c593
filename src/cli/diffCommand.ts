/**
 * `sovcode diff [REV_A [REV_B]] [PATH…]`: the coding decisions that changed between two revisions (default:
 * HEAD against the working tree), per text, as lines, `--format json` or `--format markdown` (a pull-request
 * comment). Revisions are read with `git cat-file`, never checked out. Exit code 0 (with or without changes),
 * 2 when a version of a sidecar cannot be read (it is named; the others are still listed).
 */
import { existsSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { diffJson, diffMarkdown, diffSides, diffText, resolveCommit, splitRevisions } from '../core/git';
import type { Side } from '../core/git';
import { isSidecarPath, sidecarPathFor } from '../core/sidecar';
import { CliError } from './errors';
import { nodeGitPort, repositoryTop } from '../core/git/nodeGit';

const FORMATS = ['text', 'json', 'markdown'] as const;

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

export function diffCommand(
  args: readonly string[],
  format: string | undefined,
  out: (s: string) => void,
  err: (s: string) => void,
): number {
  const chosen = (format ?? 'text') as (typeof FORMATS)[number];
  if (!FORMATS.includes(chosen)) throw new CliError(`unknown --format '${chosen}' for diff: use ${FORMATS.join(', ')}`);
  const top = repositoryTop(process.cwd());
  const git = nodeGitPort(top);
  const { revisions, paths } = splitRevisions(git, args, 2);
  const missing = paths.find((p) => !existsSync(p));
  if (missing !== undefined)
    throw new CliError(`${missing}: neither a revision (branch, tag, commit) nor a file or folder here`);
  const [first, second] = revisions;
  const a: Side =
    first === undefined
      ? { label: 'HEAD', commit: resolveCommit(git, 'HEAD') }
      : { label: first.rev, commit: first.commit };
  if (a.commit === undefined) throw new CliError('the repository has no commit yet: nothing to compare with');
  const b: Side =
    second === undefined ? { label: 'working tree', commit: undefined } : { label: second.rev, commit: second.commit };
  const run = diffSides(git, top, a, b, topRelative(top, paths));
  for (const p of run.problems) err(`sovcode: ${p}\n`);
  out(
    chosen === 'json'
      ? diffJson(run.diffs)
      : chosen === 'markdown'
        ? diffMarkdown(run.diffs, `Annotation changes: ${a.label} → ${b.label}`)
        : diffText(run.diffs),
  );
  return run.problems.length > 0 ? 2 : 0;
}
