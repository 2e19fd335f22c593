/**
 * Who is coding: the setting, else Git's user.name, else the OS user name. `CoderIdentity` owns the answer
 * for the running extension (read once at start and again when the setting changes) and says when it changed,
 * as CodebookService does for the codebook. A name that only came from Git or the OS is confirmed once, on the
 * first coding decision: every annotation carries it for good, so the coder sees it and may correct it, and
 * the answer goes into the user setting, so it is never asked again.
 */
import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';
import * as vscode from 'vscode';
import type { Edit } from '../core/annotations';
import { errorMessage } from '../core/input';
import { readSettings } from './settings';
import { SETTINGS_SECTION } from './settingsKeys';

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

/** Today as YYYY-MM-DD in the coder's time zone: the day written as `created` or `modified`. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
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

/** Asks the coder to confirm the name found (`suggested`, from `source`); undefined when they cancel. */
export type CoderPrompt = (suggested: string, source: Coder['source']) => Thenable<string | undefined>;

const askInInputBox: CoderPrompt = (suggested, source) =>
  vscode.window.showInputBox({
    title: 'Sovereignty Coder: your name as a coder',
    prompt:
      `Every annotation you make is signed with this name (found in ${source === 'git' ? "Git's user.name" : 'your operating-system account'}). ` +
      'It is saved in your user setting "sovereigntyCoder.coder" and not asked again.',
    value: suggested,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' ? 'A name is needed: annotations record who made them.' : undefined),
  });

export class CoderIdentity implements vscode.Disposable {
  private current: Coder = { name: 'unknown', source: 'os' };
  private prompt: CoderPrompt = askInInputBox;
  private asking: Promise<string | undefined> | undefined;
  private readonly changed = new vscode.EventEmitter<Coder>();
  /** Fires after `refresh` found the name (again). */
  readonly onDidChange = this.changed.event;

  /** The name new annotations are signed with; 'unknown' until the first `refresh` resolves. */
  get name(): string {
    return this.current.name;
  }

  /** The name and where it came from (the setting, Git, the OS). */
  get identity(): Coder {
    return this.current;
  }

  async refresh(): Promise<Coder> {
    this.current = await resolveCoder();
    this.changed.fire(this.current);
    return this.current;
  }

  /** The test seam: integration tests answer the confirmation instead of the input box. */
  usePrompt(prompt: CoderPrompt | undefined): void {
    this.prompt = prompt ?? askInInputBox;
  }

  /**
   * The name to sign a coding decision with: the setting's, or the found one once the coder confirmed (or
   * corrected) it, which then becomes the user setting. Undefined when the coder cancelled: nothing is coded.
   */
  async confirmedName(): Promise<string | undefined> {
    if (this.current.source === 'setting') return this.current.name;
    // two decisions in quick succession ask once
    this.asking ??= this.askOnce().finally(() => (this.asking = undefined));
    return this.asking;
  }

  /** Who and when, for a change to an existing annotation; undefined when the coder cancelled. */
  async edit(): Promise<Edit | undefined> {
    const by = await this.confirmedName();
    return by === undefined ? undefined : { by, on: today() };
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async askOnce(): Promise<string | undefined> {
    const answer = (await this.prompt(this.current.name, this.current.source))?.trim();
    if (!answer) {
      void vscode.window.showInformationMessage(
        'Nothing was coded: Sovereignty Coder needs your name as a coder first (it signs every annotation).',
      );
      return undefined;
    }
    await vscode.workspace
      .getConfiguration(SETTINGS_SECTION)
      .update('coder', answer, vscode.ConfigurationTarget.Global);
    this.current = { name: answer, source: 'setting' };
    this.changed.fire(this.current);
    return answer;
  }
}
