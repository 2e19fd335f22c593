/**
 * *Mark This Text as Coded by Me (Done)*: records in the sidecar's `done:` list that the current coder has
 * finished the active text, so that agreement counts it even when the coder found that no frame applies
 * (docs/agreement.md, "Which texts count"). Run again, it takes the mark back. Tests pass the document and
 * the wanted state instead of toggling.
 */
import * as vscode from 'vscode';
import type { CommandContext } from './commandContext';
import { openDocument } from './convert';

/** Resolves to the coder's mark after the command (true: marked done), or undefined when nothing was written. */
export async function toggleTextDone(
  context: CommandContext,
  uri?: vscode.Uri,
  marked?: boolean,
): Promise<boolean | undefined> {
  const doc = uri ? openDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!doc) {
    void vscode.window.showInformationMessage('Open the text to mark as coded first.');
    return undefined;
  }
  const coder = context.coder.name;
  const entry = context.store.get(doc.uri) ?? (await context.sidecars.load(doc));
  const next = marked ?? !(entry.done ?? []).includes(coder);
  if (!(await context.sidecars.applyDone(doc, coder, next))) return undefined;
  const name = vscode.workspace.asRelativePath(doc.uri);
  void vscode.window.showInformationMessage(
    next
      ? `${name}: marked as coded by ${coder}. Agreement counts it for ${coder} even where no frame was applied.`
      : `${name}: the done mark of ${coder} is taken back.`,
  );
  return next;
}
