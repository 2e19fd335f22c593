/**
 * Who is coding: the setting, else Git's user.name, else the OS user name. `CoderIdentity` owns the answer
 * for the running extension (read once at start and again when the setting changes) and says when it changed,
 * as CodebookService does for the codebook.
 */
import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';
import * as vscode from 'vscode';
import { errorMessage } from '../core/input';
import { readSettings } from './settings';

function gitUserName(cwd: string | undefined): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['config', 'user.name'], { cwd, timeout: 3000 }, (error, stdout) => {
      // No git, no repository or no user.name: all mean "fall back", not an error worth showing.
      resolve(error ? undefined : stdout.trim() || undefined);
    });
  });
}

function osUserName(): string {
  try {
    return userInfo().username;
  } catch (e) {
    return `unknown (${errorMessage(e)})`;
  }
}

export interface Coder {
  name: string;
  source: 'setting' | 'git' | 'os';
}

export async function resolveCoder(): Promise<Coder> {
  const fromSetting = readSettings().coder;
  if (fromSetting) return { name: fromSetting, source: 'setting' };
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const fromGit = folder?.scheme === 'file' ? await gitUserName(folder.fsPath) : undefined;
  if (fromGit) return { name: fromGit, source: 'git' };
  return { name: osUserName(), source: 'os' };
}

export class CoderIdentity implements vscode.Disposable {
  private current = 'unknown';
  private readonly changed = new vscode.EventEmitter<Coder>();
  /** Fires after `refresh` found the name (again). */
  readonly onDidChange = this.changed.event;

  /** The name new annotations are signed with; 'unknown' until the first `refresh` resolves. */
  get name(): string {
    return this.current;
  }

  async refresh(): Promise<Coder> {
    const coder = await resolveCoder();
    this.current = coder.name;
    this.changed.fire(coder);
    return coder;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
