/** Who is coding: the setting, else Git's user.name, else the OS user name. */
import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';
import * as vscode from 'vscode';
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
    return `unknown (${e instanceof Error ? e.message : String(e)})`;
  }
}

export async function resolveCoder(): Promise<{ name: string; source: 'setting' | 'git' | 'os' }> {
  const fromSetting = readSettings().coder;
  if (fromSetting) return { name: fromSetting, source: 'setting' };
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const fromGit = folder?.scheme === 'file' ? await gitUserName(folder.fsPath) : undefined;
  if (fromGit) return { name: fromGit, source: 'git' };
  return { name: osUserName(), source: 'os' };
}
