/** Problems of annotation files in the Problems panel, and one message when a file cannot be written back. */
import * as vscode from 'vscode';
import type { Problem } from '../core/input';
import { CommandId } from './commandIds';

export function toDiagnostic(p: Problem): vscode.Diagnostic {
  const pos = new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.column - 1));
  const d = new vscode.Diagnostic(new vscode.Range(pos, pos.translate(0, 1)), p.message,
    p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  d.source = 'Sovereignty Coder';
  return d;
}

export class SidecarProblems implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('sovereignty-annotations');

  constructor(private readonly log: vscode.LogOutputChannel) {}

  show(uri: vscode.Uri, problems: readonly Problem[], readOnly: boolean): void {
    this.diagnostics.set(uri, problems.map(toDiagnostic));
    if (!readOnly) return;
    const first = problems.find((p) => p.severity === 'error') ?? problems[0];
    const where = first ? `line ${first.line}: ${first.message}` : 'unreadable';
    const message = `Sovereignty Coder: ${vscode.workspace.asRelativePath(uri)} cannot be used as it is (${where}). It is left untouched on disk; fix it, and it is read again.`;
    this.log.error(message);
    // A sidecar Git left with conflict markers can be merged by annotation id (docs/git.md).
    if (!problems.some((p) => p.message.startsWith('Git conflict marker'))) return void vscode.window.showErrorMessage(message);
    const resolve = 'Resolve with Sovereignty Coder';
    void vscode.window.showErrorMessage(message, resolve).then((choice) => {
      if (choice === resolve) void vscode.commands.executeCommand(CommandId.resolveWithCoder, uri);
    });
  }

  clear(uri: vscode.Uri): void {
    this.diagnostics.delete(uri);
  }

  dispose(): void {
    this.diagnostics.dispose();
  }
}
