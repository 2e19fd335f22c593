/**
 * The one-time Git set-up for a team (docs/git.md): the committed `.gitattributes` line that routes sidecars to
 * our merge driver and diff textconv, and the local `git config` entries that say which program they run (Git
 * never takes programs from committed files, so every clone runs this once). Used by `sovcode git-setup` and the
 * VS Code command *Set Up Git for Annotation Files*; re-running it changes nothing.
 */
import type { GitPort } from './revisions';
import { GitError } from './revisions';

/** The attributes line; `diff=sovcode` makes plain `git diff` show decisions through `sovcode show`. */
export const ATTRIBUTES_LINE = '*.annotations.yaml merge=sovcode diff=sovcode';

/** A command for a POSIX shell (Git runs drivers through one, also on Windows): each word single-quoted. */
export function shellWords(words: readonly string[]): string {
  return words.map((w) => (/^[A-Za-z0-9_./:=@-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/**
 * How Git should start the CLI script `script` with the node that runs this code. In VS Code the extension
 * host's executable is Electron, which runs as plain node with ELECTRON_RUN_AS_NODE.
 */
export function cliCommandFor(script: string, execPath: string, electron: boolean): string {
  return shellWords([...(electron ? ['env', 'ELECTRON_RUN_AS_NODE=1'] : []), execPath, script]);
}

/** The local config entries for a CLI started as `cli` (e.g. `node /path/to/cli.js`). */
export function gitConfigEntries(cli: string): Array<[string, string]> {
  return [
    ['merge.sovcode.name', 'Sovereignty Coder: merge annotation files by annotation id'],
    ['merge.sovcode.driver', `${cli} merge-driver %O %A %B %P`],
    ['diff.sovcode.textconv', `${cli} show`],
  ];
}

/** Reading and writing the repository's top-level .gitattributes. */
export interface AttributesFile {
  read(): string | undefined;
  write(text: string): void;
}

/** Writes the config and, when missing, the attributes line; returns what it did, one line each. */
export function setUpGit(git: GitPort, attributes: AttributesFile, cli: string): string[] {
  const done: string[] = [];
  for (const [key, value] of gitConfigEntries(cli)) {
    const now = git.run(['config', '--local', '--get', key]);
    if (now.code === 0 && now.stdout.replace(/\n$/, '') === value) continue;
    const r = git.run(['config', '--local', key, value]);
    if (r.code !== 0) throw new GitError(`git config ${key}: ${r.stderr.trim()}`);
    done.push(`git config ${key} ${JSON.stringify(value)}`);
  }
  const text = attributes.read() ?? '';
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  if (!lines.includes(ATTRIBUTES_LINE)) {
    attributes.write(`${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${ATTRIBUTES_LINE}\n`);
    done.push(`.gitattributes: added '${ATTRIBUTES_LINE}' (commit it so the whole team merges alike)`);
  }
  return done;
}
