/**
 * The commands that act on one annotation (remove it, change its frame, edit its memo, mark it reviewed) or
 * on the annotations of the active editor (list them, open their file). The data work is the core's list
 * operations; a handler finds its target, asks what it must, and hands the decision to the sidecar files.
 */
import * as vscode from 'vscode';
import {
  annotationsAt,
  markReviewed,
  removeAnnotation,
  retagAnnotation,
  setMemo,
  type Annotation,
  type Edit,
} from '../core/annotations';
import { findFrame } from '../core/codebook';
import { shortQuote } from '../core/coding/wording';
import type { CommandContext, CommandHandler } from './commandContext';
import { openDocument, toCanonicalOffset, toRange } from './convert';
import { frameLabel, pickFrame } from './frames';
import { openMemoEditor } from './memoEditor';
import type { Services } from './services';

interface Target {
  doc: vscode.TextDocument;
  annotation: Annotation;
}

/** The annotation a command acts on: given by a code action, else the one at the cursor (asking if several). */
async function targetAnnotation(services: Services, uri?: string, id?: string): Promise<Target | undefined> {
  const editor = vscode.window.activeTextEditor;
  const doc = uri ? openDocument(uri) : editor?.document;
  if (!doc) return undefined;
  const list = services.store.get(doc.uri)?.annotations ?? [];
  if (id) {
    const annotation = list.find((a) => a.id === id);
    return annotation ? { doc, annotation } : undefined;
  }
  if (!editor) return undefined;
  const here = annotationsAt(list, toCanonicalOffset(doc, editor.selection.active));
  if (here.length === 0) {
    void vscode.window.showInformationMessage('No annotation at the cursor.');
    return undefined;
  }
  if (here.length === 1) return { doc, annotation: here[0] };
  const codebook = services.codebooks.active?.codebook;
  const items = here.map((a) => ({
    label: frameLabel(codebook, a.frame),
    description: `'${a.quote}' — ${a.coder}`,
    a,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: 'Which annotation?' });
  return picked ? { doc, annotation: picked.a } : undefined;
}

/** A change to the target annotation, recorded with who made it and when (asked once, when the file may be written). */
function signed(
  context: CommandContext,
  t: Target,
  change: (list: readonly Annotation[], edit: Edit) => Annotation[],
): Promise<boolean> {
  return context.history.decideAsked(t.doc, () => context.coder.edit(), change);
}

/** The notice after a removal, naming what went (its Undo button puts it back). */
function removedMessage(context: CommandContext, a: Annotation): string {
  return `Removed the annotation '${shortQuote(a.quote)}' (${frameLabel(context.codebooks.active?.codebook, a.frame)}).`;
}

/** One line of the "Go to Annotation" list: where it is (or that it is orphaned), its frame, quote and details. */
function listItem(
  doc: vscode.TextDocument,
  codebook: Parameters<typeof frameLabel>[0],
  a: Annotation,
): vscode.QuickPickItem & { a: Annotation } {
  const where = a.status === 'orphaned' ? '(orphaned)' : String(toRange(doc, a.start, a.end).start.line + 1);
  return {
    label: `${where}: ${frameLabel(codebook, a.frame)}`,
    description: `'${a.quote.slice(0, 60)}'`,
    detail: [a.coder, a.created, a.status, a.memo].filter(Boolean).join(' · '),
    a,
  };
}

export const annotationCommands = {
  async removeAnnotation(context: CommandContext, uri?: string, id?: string): Promise<boolean> {
    const t = await targetAnnotation(context, uri, id);
    if (!t) return false;
    const ok = await context.history.decide(t.doc, (list) => removeAnnotation(list, t.annotation.id));
    // no confirmation: the removal is undone in one step (docs/coding-flow.md), and the notice offers it
    if (ok) context.history.offerUndo(t.doc, removedMessage(context, t.annotation));
    return ok;
  },

  /** `frame` (a code action's or a script's argument) must be one of the codebook's; else the coder picks. */
  async changeFrame(context: CommandContext, uri?: string, id?: string, frame?: string): Promise<boolean> {
    const t = await targetAnnotation(context, uri, id);
    const codebook = context.codebooks.active?.codebook;
    if (!t || !codebook) return false;
    if (frame !== undefined && findFrame(codebook, frame) === undefined) {
      void vscode.window.showErrorMessage(`Frame '${frame}' is not in codebook '${codebook.id}': nothing was changed.`);
      return false;
    }
    const pick =
      frame === undefined
        ? await pickFrame(codebook, {
            title: `Change frame (now: ${frameLabel(codebook, t.annotation.frame)})`,
            current: t.annotation.frame,
          })
        : undefined;
    const frameId = frame ?? (pick && 'frameId' in pick ? pick.frameId : undefined);
    if (!frameId || frameId === t.annotation.frame) return false;
    return signed(context, t, (list, edit) => retagAnnotation(list, t.annotation.id, frameId, edit));
  },

  /**
   * With `memo` (code and tests), sets it at once; else opens the memo editor beside the text (memoEditor.ts),
   * where saving stores it. Resolves to true when a memo was set or its editor opened.
   */
  async editMemo(context: CommandContext, uri?: string, id?: string, memo?: string): Promise<boolean> {
    const t = await targetAnnotation(context, uri, id);
    if (!t) return false;
    if (memo !== undefined) return signed(context, t, (list, edit) => setMemo(list, t.annotation.id, memo, edit));
    await openMemoEditor(t.doc, t.annotation);
    return true;
  },

  async markReviewed(context: CommandContext, uri?: string, id?: string): Promise<boolean> {
    const t = await targetAnnotation(context, uri, id);
    return t !== undefined && signed(context, t, (list, edit) => markReviewed(list, t.annotation.id, edit));
  },

  /** "Go to Annotation": pick one of the editor's annotations and select its text. */
  async listAnnotations(context: CommandContext): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const codebook = context.codebooks.active?.codebook;
    const list = context.store.get(editor.document.uri)?.annotations ?? [];
    const picked = await vscode.window.showQuickPick(
      list.map((a) => listItem(editor.document, codebook, a)),
      {
        title: `${list.length} annotation(s)`,
        matchOnDescription: true,
        matchOnDetail: true,
      },
    );
    if (picked && picked.a.status !== 'orphaned') {
      const range = toRange(editor.document, picked.a.start, picked.a.end);
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
  },

  async openSidecar(context: CommandContext): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    const entry = doc ? context.store.get(doc.uri) : undefined;
    if (!entry) return;
    if (entry.onDisk === null)
      void vscode.window.showInformationMessage(
        'This document has no annotation file yet: it is created with the first annotation.',
      );
    else await vscode.window.showTextDocument(entry.sidecarUri, { viewColumn: vscode.ViewColumn.Beside });
  },
} satisfies Record<string, CommandHandler>;
