/**
 * First run: the workspace's README and the Get Started walkthrough (package.json `contributes.walkthroughs`: open a text, tag, memo,
 * compare coders, export) opens once per user when the extension first starts (behind the start gate, so in
 * a workspace that codes) in a window with no text open, so that a newcomer's empty workbench says what to do. *Sovereignty Coder: Get Started* opens it again
 * at any time. The setting `openWalkthroughOnFirstRun` turns the automatic opening off (the test instances do,
 * so that no welcome tab takes the focus from a test).
 */
import * as vscode from 'vscode';
import { errorMessage } from '../core/input';
import { readSettings } from './settings';

const WALKTHROUGH = 'gettingStarted';
const SHOWN_KEY = 'sovereigntyCoder.walkthroughShown';

/** Opens the walkthrough of the extension `extensionId` (the *Get Started* command's handler calls this). */
export function openWalkthrough(extensionId: string): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openWalkthrough', `${extensionId}#${WALKTHROUGH}`, false);
}

/** The workspace's README (the sample's is a five-minute tour) as a preview, then the walkthrough beside it. */
async function firstRun(context: vscode.ExtensionContext): Promise<void> {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  const readme = root && vscode.Uri.joinPath(root, 'README.md');
  if (
    readme &&
    (await vscode.workspace.fs.stat(readme).then(
      () => true,
      () => false,
    ))
  ) {
    await vscode.commands.executeCommand('markdown.showPreview', readme);
  }
  await openWalkthrough(context.extension.id);
}

/** On the first run, opens the README and the walkthrough (*Get Started* is in the command table). */
export function showWelcomeOnFirstRun(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  const isFirstRun = context.globalState.get<boolean>(SHOWN_KEY) !== true;
  // a text already open means the user came to code it: the walkthrough stays one command away
  if (isFirstRun && readSettings().openWalkthroughOnFirstRun && vscode.window.visibleTextEditors.length === 0) {
    void context.globalState.update(SHOWN_KEY, true);
    void firstRun(context).catch((e: unknown) => log.warn(`could not open the walkthrough: ${errorMessage(e)}`));
  }
}
