/**
 * The Git commit of each annotation file, for the CSV's `sidecar_commit` column: the last commit that changed
 * the file, with `+modified` when the working copy differs from it (as `git describe --dirty` marks a tree), and
 * `uncommitted` for a file Git does not track yet. Two git runs for any number of files, through the GitPort,
 * so the CLI and VS Code give the same values.
 */
import type { GitPort } from './revisions';
import { GitError } from './revisions';

/**
 * `files` are paths relative to the repository top (with '/'), keyed by any caller's key (a document path);
 * the result has the same keys. Throws GitError when git fails.
 */
export function sidecarCommits(git: GitPort, files: ReadonlyMap<string, string>): Map<string, string> {
  const paths = [...new Set(files.values())];
  if (paths.length === 0) return new Map();
  const run = (args: string[]): string => {
    const r = git.run(args);
    if (r.code !== 0) throw new GitError(`git ${args[0]}: ${r.stderr.trim() || `exit code ${r.code}`}`);
    return r.stdout;
  };
  const last = new Map<string, string>();
  let commit = '';
  // a repository without a commit yet has no history to read: every file is uncommitted
  const hasHead = git.run(['rev-parse', '--verify', '--quiet', 'HEAD']).code === 0;
  const log = hasHead ? run(['log', '--format=commit %H', '--name-only', '--no-renames', '-z', '--', ...paths]) : '';
  for (const field of log.split('\0').flatMap((f) => f.split('\n'))) {
    if (field.startsWith('commit ')) commit = field.slice('commit '.length);
    else if (field !== '' && !last.has(field)) last.set(field, commit);
  }
  const changed = new Set<string>();
  const status = run(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...paths]);
  for (const entry of status.split('\0')) if (entry.length > 3) changed.add(entry.slice(3));
  const result = new Map<string, string>();
  for (const [key, path] of files) {
    const at = last.get(path);
    if (at === undefined) result.set(key, 'uncommitted');
    else result.set(key, changed.has(path) ? `${at}+modified` : at);
  }
  return result;
}
