/**
 * The review walk over a bulk tag: go to the next or previous annotation that needs review (wrapping round the
 * document), accept it (it stands as coded) or reject it (it is removed), and move on, with a status-bar item
 * saying where the walk stands ("review 3 of 12"). Accept and reject are coding decisions like any other, so
 * Ctrl+Z undoes them; the order and the wrapping are the core's (src/core/coding/reviewWalk.ts).
 */
import * as vscode from 'vscode';
import { markReviewed, removeAnnotation, type Annotation } from '../core/annotations';
import { nextToReview, reviewPosition, toReview } from '../core/coding/reviewWalk';
import { shortQuote } from '../core/coding/wording';
import { CommandId } from './commandIds';
import { openDocument, toCanonicalOffset, toCanonicalSpan, toRange } from './convert';
import { frameLabel } from './frames';
import type { Services } from './services';

export class ReviewWalk implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'sovereigntyCoder.review',
    vscode.StatusBarAlignment.Right,
    99,
  );
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly services: Services) {
    this.item.name = 'Sovereignty Coder: review walk';
    this.item.command = CommandId.nextReview;
    this.subscriptions = [
      vscode.window.onDidChangeTextEditorSelection(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      services.store.onDidChange(() => this.update()),
    ];
  }

  /** Selects the next (1) or previous (-1) annotation that needs review in the active editor. */
  step(direction: 1 | -1): Annotation | undefined {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const list = this.listOf(editor.document);
    const offset = toCanonicalOffset(editor.document, editor.selection.start);
    const next = nextToReview(list, offset, direction, this.standingOn(editor, list)?.id);
    if (!next) {
      void vscode.window.setStatusBarMessage('Sovereignty Coder: nothing in this file needs review', 4000);
      return undefined;
    }
    const range = toRange(editor.document, next.start, next.end);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    this.update();
    return next;
  }

  /** Accepts the annotation `id` (default: the one the walk stands on) and moves to the next one. */
  accept(uri?: string, id?: string): Promise<boolean> {
    return this.decide('accepted', (list, target) => markReviewed(list, target), uri, id);
  }

  /** Rejects (removes) the annotation `id` (default: the one the walk stands on) and moves to the next one. */
  reject(uri?: string, id?: string): Promise<boolean> {
    return this.decide('rejected', (list, target) => removeAnnotation(list, target), uri, id);
  }

  /** "review 3 of 12" while the selection is on one, "12 to review" elsewhere; hidden when none is left. */
  update(): void {
    const editor = vscode.window.activeTextEditor;
    const list = editor ? this.listOf(editor.document) : [];
    const { index, total } = reviewPosition(list, editor && this.standingOn(editor, list)?.id);
    if (!editor || total === 0) {
      this.item.hide();
      return;
    }
    this.item.text =
      index === undefined ? `$(checklist) ${total} to review` : `$(checklist) review ${index} of ${total}`;
    this.item.tooltip =
      `${total} annotation(s) in this file need review (from "Tag all occurrences"). Click for the next one; ` +
      'accept or reject it from the lightbulb (Ctrl+.) or with the keys in the README.';
    this.item.show();
  }

  /** What the status-bar item says, for tests ('' when hidden). */
  statusText(): string {
    const editor = vscode.window.activeTextEditor;
    return editor && toReview(this.listOf(editor.document)).length > 0 ? this.item.text : '';
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }

  private async decide(
    what: string,
    change: (list: readonly Annotation[], id: string) => Annotation[],
    uri?: string,
    id?: string,
  ): Promise<boolean> {
    const editor = vscode.window.activeTextEditor;
    const doc = uri ? openDocument(uri) : editor?.document;
    if (!doc) return false;
    const list = this.listOf(doc);
    const target = id ? list.find((a) => a.id === id) : editor && this.standingOn(editor, list);
    if (!target) {
      void vscode.window.showInformationMessage('Put the cursor on an annotation that needs review first.');
      return false;
    }
    const ok = await this.services.history.decide(doc, (l) => change(l, target.id));
    if (!ok) return false;
    const label = frameLabel(this.services.codebooks.active?.codebook, target.frame);
    void vscode.window.setStatusBarMessage(`Sovereignty Coder: ${what} '${shortQuote(target.quote)}' (${label})`, 4000);
    if (editor?.document === doc) this.step(1);
    return true;
  }

  /** The annotation needing review the selection stands on: the one it covers exactly, else one the caret is in. */
  private standingOn(editor: vscode.TextEditor, list: readonly Annotation[]): Annotation | undefined {
    const span = toCanonicalSpan(editor.document, editor.selection);
    const pending = toReview(list);
    return (
      pending.find((a) => a.start === span.start && a.end === span.end) ??
      pending.find((a) => a.start <= span.start && span.end <= a.end)
    );
  }

  private listOf(doc: vscode.TextDocument): readonly Annotation[] {
    return this.services.store.get(doc.uri)?.annotations ?? [];
  }
}
