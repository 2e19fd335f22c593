/**
 * First run: the workspace's README and the Get Started walkthrough (package.json `contributes.walkthroughs`: open a text, tag, memo,
 * compare coders, export) opens once per user when the extension first activates in a window with no text
 * open, so that a newcomer's empty workbench says what to do. *Sovereignty Coder: Get Started* opens it again
 * at any time. The setting `openWalkthroughOnFirstRun` turns the automatic opening off (the test instances do,
 * so that no welcome tab takes the focus from a test).
 */
import * as vscode from 'vscode';
import { CommandId } from './commandIds';
import { readSettings } from './settings';

const WALKTHROUGH = 'gettingStarted';
const SHOWN_KEY = 'sovereigntyCoder.walkthroughShown';

function openWalkthrough(context: vscode.ExtensionContext): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH}`, false);
}

/** The workspace's README (the sample's is a five-minute tour) as a preview, then the walkthrough beside it. */
async function firstRun(context: vscode.ExtensionContext): Promise<void> {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  const readme = root && vscode.Uri.joinPath(root, 'README.md');
  if (readme && (await vscode.workspace.fs.stat(readme).then(() => true, () => false))) {
    await vscode.commands.executeCommand('markdown.showPreview', readme);
  }
  await openWalkthrough(context);
}

/** Registers *Get Started*, and on the first run opens the README and the walkthrough. */
export function registerWelcome(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): vscode.Disposable {
  const command = vscode.commands.registerCommand(CommandId.getStarted, () => openWalkthrough(context));
  const isFirstRun = context.globalState.get<boolean>(SHOWN_KEY) !== true;
  // a text already open means the user came to code it: the walkthrough stays one command away
  if (isFirstRun && readSettings().openWalkthroughOnFirstRun && vscode.window.visibleTextEditors.length === 0) {
    void context.globalState.update(SHOWN_KEY, true);
    void firstRun(context).catch((e: unknown) => log.warn(`could not open the walkthrough: ${String(e)}`));
  }
  return command;
}
