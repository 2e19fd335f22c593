/** The GitPort (revisions.ts) over the real `git` program, run in one folder; shared by the CLI and VS Code. */
import { spawnSync } from 'node:child_process';
import type { GitPort, GitResult } from './revisions';
import { GitError } from './revisions';

/** `git` run in `cwd`; a missing git program is a GitError that says so. */
export function nodeGitPort(cwd: string): GitPort {
  return {
    run(args: readonly string[]): GitResult {
      const r = spawnSync('git', [...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      if (r.error) throw new GitError(`cannot run git: ${r.error.message}`);
      return { code: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
    },
  };
}

/** The top folder of the repository that holds `cwd`, or a GitError naming the folder. */
export function repositoryTop(cwd: string): string {
  const r = nodeGitPort(cwd).run(['rev-parse', '--show-toplevel']);
  if (r.code !== 0) throw new GitError(`${cwd} is not inside a Git repository (${r.stderr.trim()})`);
  return r.stdout.trim();
}
