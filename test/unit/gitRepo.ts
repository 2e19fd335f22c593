/**
 * Throwaway Git repositories for the Git tests: isolated from the machine's configuration, with our merge
 * driver and textconv set up by the real `sovcode git-setup` (the compiled CLI beside these tests).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The compiled CLI (out/src/cli/main.js), the same build as the tests. */
export const CLI = join(__dirname, '..', '..', 'src', 'cli', 'main.js');

export interface TempRepo {
  dir: string;
  git(...args: string[]): string;
  /** git without throwing: exit code and output. */
  tryGit(...args: string[]): { code: number; out: string };
  /** The CLI run as a separate process in the repository, as Git or CI would run it. */
  sovcode(...args: string[]): { code: number; out: string; err: string };
  write(path: string, text: string): void;
  read(path: string): string;
  commitAll(message: string): void;
  remove(): void;
}

/** Git isolated from the machine's configuration (no global or system config, fixed identity). */
export function gitEnv(dir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOME: dir,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@example.invalid',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@example.invalid',
  };
}

/** A new repository on branch main; with `driver`, `sovcode git-setup` has configured it. */
export function tempRepo(driver: boolean): TempRepo {
  const dir = mkdtempSync(join(tmpdir(), 'sovcode-git-'));
  const env = gitEnv(dir);
  const repo: TempRepo = {
    dir,
    git: (...args) => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8', stdio: 'pipe' }),
    tryGit: (...args) => {
      const r = spawnSync('git', args, { cwd: dir, env, encoding: 'utf8' });
      return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
    },
    sovcode: (...args) => {
      const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, env, encoding: 'utf8' });
      return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
    },
    write: (path, text) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    read: (path) => readFileSync(join(dir, path), 'utf8'),
    commitAll: (message) => {
      repo.git('add', '-A');
      repo.git('commit', '-q', '--allow-empty', '-m', message);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  repo.git('init', '-q', '-b', 'main');
  if (driver) {
    const setup = repo.sovcode('git-setup');
    if (setup.code !== 0) throw new Error(`git-setup failed: ${setup.err}`);
  }
  return repo;
}
