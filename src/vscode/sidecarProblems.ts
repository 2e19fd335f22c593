/** Problems of annotation files in the Problems panel, and one message when a file cannot be written back. */
import * as vscode from 'vscode';
import type { Problem } from '../core/input';
import { GitCommandId } from './commandIds';
import { toDiagnostic } from './convert';

export class SidecarProblems implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('sovereignty-annotations');

  constructor(private readonly log: vscode.LogOutputChannel) {}

  show(uri: vscode.Uri, problems: readonly Problem[], readOnly: boolean): void {
    this.diagnostics.set(uri, problems.map(toDiagnostic));
    if (!readOnly) return;
    const first = problems.find((p) => p.severity === 'error') ?? problems[0];
    const where = first ? `line ${first.line}: ${first.message}` : 'unreadable';
    const message =
      `Sovereignty Coder: ${vscode.workspace.asRelativePath(uri)} cannot be used as it is (${where}). ` +
      'It is left untouched on disk; fix it, and it is read again.';
    this.log.error(message);
    // A sidecar Git left with conflict markers can be merged by annotation id (docs/git.md).
    if (!problems.some((p) => p.message.startsWith('Git conflict marker')))
      return void vscode.window.showErrorMessage(message);
    const resolve = 'Resolve with Sovereignty Coder';
    void vscode.window.showErrorMessage(message, resolve).then((choice) => {
      if (choice === resolve) void vscode.commands.executeCommand(GitCommandId.resolveWithCoder, uri);
    });
  }

  clear(uri: vscode.Uri): void {
    this.diagnostics.delete(uri);
  }

  dispose(): void {
    this.diagnostics.dispose();
  }
}
