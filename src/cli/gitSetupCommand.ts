/**
 * `sovcode git-setup`: the one-time set-up of the repository that holds the current folder (src/core/git/setup.ts):
 * local `git config` for the merge driver and the diff textconv, and the `.gitattributes` line.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliCommandFor, setUpGit } from '../core/git/setup';
import { nodeGitPort, repositoryTop } from '../core/git/nodeGit';

/** How Git should start this very CLI: the node running it and the CLI script (bundled cli.js or compiled main.js). */
export function selfCommand(): string {
  const bundled = join(__dirname, 'cli.js');
  const script = existsSync(bundled) ? bundled : join(__dirname, 'main.js');
  return cliCommandFor(script, process.execPath, process.versions['electron'] !== undefined);
}

export function gitSetup(cwd: string, out: (s: string) => void, cli: string = selfCommand()): number {
  const top = repositoryTop(cwd);
  const path = join(top, '.gitattributes');
  const done = setUpGit(
    nodeGitPort(top),
    { read: () => (existsSync(path) ? readFileSync(path, 'utf8') : undefined), write: (t) => writeFileSync(path, t) },
    cli,
  );
  out(done.length === 0 ? `${top}: already set up\n` : `${done.map((d) => `${d}\n`).join('')}`);
  return 0;
}
