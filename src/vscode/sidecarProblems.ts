/** Problems of annotation files in the Problems panel, and one message when a file cannot be written back. */
import * as vscode from 'vscode';
import type { Problem } from '../core/input';

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
    void vscode.window.showErrorMessage(message);
  }

  clear(uri: vscode.Uri): void {
    this.diagnostics.delete(uri);
  }

  dispose(): void {
    this.diagnostics.dispose();
  }
}
