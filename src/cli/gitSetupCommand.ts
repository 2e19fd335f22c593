/**
 * `sovcode git-setup`: the one-time set-up of the repository that holds the current folder (src/core/git/setup.ts):
 * local `git config` for the merge driver and the diff textconv, and the `.gitattributes` line.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setUpGit, shellWords } from '../core/git/setup';
import { nodeGitPort, repositoryTop } from './gitPort';

/** How Git should start this very CLI: the node running it and the CLI script (bundled cli.js or compiled main.js). */
export function selfCommand(): string {
  const bundled = join(__dirname, 'cli.js');
  const script = existsSync(bundled) ? bundled : join(__dirname, 'main.js');
  // In VS Code the extension host's executable is Electron: it runs as plain node with this variable.
  const prefix = process.versions['electron'] === undefined ? [] : ['env', 'ELECTRON_RUN_AS_NODE=1'];
  return shellWords([...prefix, process.execPath, script]);
}

export function gitSetup(cwd: string, out: (s: string) => void, cli: string = selfCommand()): number {
  const top = repositoryTop(cwd);
  const path = join(top, '.gitattributes');
  const done = setUpGit(nodeGitPort(top), { read: () => (existsSync(path) ? readFileSync(path, 'utf8') : undefined), write: (t) => writeFileSync(path, t) }, cli);
  out(done.length === 0 ? `${top}: already set up\n` : `${done.map((d) => `${d}\n`).join('')}`);
  return 0;
}
