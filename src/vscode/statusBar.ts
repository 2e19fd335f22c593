/** The status bar item: the coder's name and the number of annotations in the active file. */
import * as vscode from 'vscode';
import { CommandId } from './commandIds';
import type { Services } from './services';

export class CodingStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'sovereigntyCoder.status',
    vscode.StatusBarAlignment.Right,
    100,
  );

  /** `provenanceOf` gives the one-line origin of an added text (ProvenanceView), shown in the hover. */
  constructor(
    private readonly services: Services,
    private readonly provenanceOf: (uri: vscode.Uri) => string | undefined = () => undefined,
  ) {
    this.item.name = 'Sovereignty Coder';
    this.item.command = CommandId.listAnnotations;
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    const entry = editor ? this.services.store.get(editor.document.uri) : undefined;
    if (!editor || !entry) {
      this.item.hide();
      return;
    }
    const list = entry.annotations;
    const review = list.filter((a) => a.status === 'needs-review').length;
    const orphaned = list.filter((a) => a.status === 'orphaned').length;
    const flags = [
      review ? `${review} to review` : '',
      orphaned ? `${orphaned} orphaned` : '',
      entry.readOnly ? 'read-only' : '',
    ].filter(Boolean);
    this.item.text = `$(tag) ${list.length}${flags.length ? ` (${flags.join(', ')})` : ''} · ${this.services.coder.name}`;
    const codebook = this.services.codebooks.active?.codebook;
    const book = codebook ? `'${codebook.id}'` : 'not loaded';
    this.item.tooltip =
      `Sovereignty Coder — ${list.length} annotation(s) in this file, coder ${this.services.coder.name}, ` +
      `codebook ${book}. Click to go to an annotation.`;
    const origin = this.provenanceOf(editor.document.uri);
    if (origin) this.item.tooltip += `\n\n${origin}`;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
