/**
 * The questions the extension asks in a notification or a modal dialog that the coder answers with a button
 * (delete stale temporary copies, overwrite a file with an export) and the refusals it reports, through one
 * replaceable function; likewise the save dialog that picks an export's file. The extension host cannot click a notification, so the integration tests replace the
 * answerer through the test API (`answerPrompts`) and check what was asked and what the answer did to the
 * files; everywhere else the prompt is VS Code's own message.
 */
import * as vscode from 'vscode';

export interface Prompt {
  severity: 'error' | 'warning';
  message: string;
  /** A modal dialog (the user must answer before going on) rather than a notification. */
  modal: boolean;
  /** The modal's second line. */
  detail?: string;
  /** The buttons, in order; none for a plain report. */
  items: readonly string[];
}

/** Gives the chosen button, or undefined when the prompt was dismissed. */
export type Answerer = (prompt: Prompt) => Thenable<string | undefined>;

const shownInVsCode: Answerer = (p) => {
  const options: vscode.MessageOptions = { modal: p.modal, ...(p.detail === undefined ? {} : { detail: p.detail }) };
  return p.severity === 'error'
    ? vscode.window.showErrorMessage(p.message, options, ...p.items)
    : vscode.window.showWarningMessage(p.message, options, ...p.items);
};

let answerer: Answerer = shownInVsCode;

/** Asks (or reports) through the current answerer. */
export function ask(prompt: Prompt): Thenable<string | undefined> {
  return answerer(prompt);
}

/** Tests only (through the test API): `replacement` answers every prompt until the disposable is disposed. */
export function answerPromptsWith(replacement: Answerer): vscode.Disposable {
  answerer = replacement;
  return new vscode.Disposable(() => {
    if (answerer === replacement) answerer = shownInVsCode;
  });
}

/** Picks the file an export writes (VS Code's save dialog unless replaced). */
export type SaveChooser = (options: vscode.SaveDialogOptions) => Thenable<vscode.Uri | undefined>;

const saveDialog: SaveChooser = (options) => vscode.window.showSaveDialog(options);
let chooser: SaveChooser = saveDialog;

export function chooseSaveTarget(options: vscode.SaveDialogOptions): Thenable<vscode.Uri | undefined> {
  return chooser(options);
}

/** Tests only (through the test API): `replacement` picks every export's file until disposed. */
export function chooseSaveTargetsWith(replacement: SaveChooser): vscode.Disposable {
  chooser = replacement;
  return new vscode.Disposable(() => {
    if (chooser === replacement) chooser = saveDialog;
  });
}
