/**
 * What the explorer's segments do: open the text at the span, and the context actions on a segment's
 * annotation (retag, remove, edit memo, mark reviewed, re-attach an orphan to the selection). Each action
 * opens the text (so that the change goes through the annotation store and its safe writer, exactly like a
 * code action in the editor) and then runs the editor's own command on the annotation's id.
 */
import * as vscode from 'vscode';
import { reattachAnnotation } from '../../core/coding/reattach';
import { CommandId, ViewCommandId } from '../commandIds';
import { documentText, toCanonicalSpan, toRange } from '../convert';
import type { Services } from '../services';
import type { CorpusService } from './corpusService';
import type { SegmentNode } from './segmentModel';

type SegmentLeaf = Extract<SegmentNode, { kind: 'segment' }>;

/**
 * The store's entry of an open document once its sidecar has been read. Opening a document starts a load
 * (sidecarSync); acting before it has finished would write over a file the store has not read yet, which the
 * safe writer refuses, so this waits for the read (or starts it when nothing has).
 */
async function loaded(services: Services, doc: vscode.TextDocument): Promise<void> {
  const entry = services.store.get(doc.uri);
  if (entry && entry.onDisk !== undefined) return;
  await services.sidecars.load(doc);
}

/** The segment's text, open in an editor, with its annotations loaded in the store. */
async function openText(
  services: Services,
  corpus: CorpusService,
  node: SegmentLeaf,
  preserveFocus = false,
): Promise<vscode.TextEditor | undefined> {
  const uri = corpus.uriOf(node.segment.document);
  if (!uri) {
    void vscode.window.showWarningMessage(`${node.segment.document} is no longer in the workspace.`);
    return undefined;
  }
  if (node.segment.status === 'source-missing') {
    void vscode.window.showWarningMessage(
      `${node.segment.document} cannot be read: its annotations are kept in its annotation file.`,
    );
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preserveFocus, preview: true });
  await loaded(services, doc);
  return editor;
}

/** Opens the text and selects the coded span (an orphan: its last known place, with a word why). */
export async function openSegment(
  services: Services,
  corpus: CorpusService,
  node: SegmentLeaf,
): Promise<vscode.TextEditor | undefined> {
  const editor = await openText(services, corpus, node);
  if (!editor) return undefined;
  const live = services.store.get(editor.document.uri)?.annotations.find((a) => a.id === node.segment.annotation.id);
  const range = toRange(editor.document, live?.start ?? node.segment.start, live?.end ?? node.segment.end);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  if ((live?.status ?? node.segment.status) === 'orphaned') {
    void vscode.window.showInformationMessage(
      `“${node.segment.annotation.quote.slice(0, 60)}” is no longer in the text. Select where it is now and use "Re-attach to Selection" in the explorer, or remove it.`,
    );
  }
  return editor;
}

/** Runs one of the editor's annotation commands on the segment's annotation. */
async function onAnnotation(
  services: Services,
  corpus: CorpusService,
  node: SegmentLeaf | undefined,
  command: string,
): Promise<unknown> {
  if (node?.kind !== 'segment') return undefined;
  const editor = await openText(services, corpus, node, true);
  return editor
    ? vscode.commands.executeCommand(command, editor.document.uri.toString(), node.segment.annotation.id)
    : undefined;
}

/** Moves an orphan (or any segment) to the selection in its text's editor. */
async function reattach(services: Services, corpus: CorpusService, node: SegmentLeaf | undefined): Promise<boolean> {
  if (node?.kind !== 'segment') return false;
  const uri = corpus.uriOf(node.segment.document)?.toString();
  const editor = vscode.window.visibleTextEditors.find(
    (e) => e.document.uri.toString() === uri && !e.selection.isEmpty,
  );
  if (!editor) {
    await openSegment(services, corpus, node);
    void vscode.window.showInformationMessage(
      'Select the passage in the text where this annotation belongs now, then choose "Re-attach to Selection" again.',
    );
    return false;
  }
  const span = toCanonicalSpan(editor.document, editor.selection);
  const text = documentText(editor.document);
  return services.history.decide(editor.document, (list) =>
    reattachAnnotation(list, node.segment.annotation.id, text, span.start, span.end),
  );
}

export function registerSegmentActions(services: Services, corpus: CorpusService): vscode.Disposable[] {
  const on = (command: string) => (node?: SegmentLeaf) => onAnnotation(services, corpus, node, command);
  return [
    vscode.commands.registerCommand(ViewCommandId.segmentRetag, on(CommandId.changeFrame)),
    vscode.commands.registerCommand(ViewCommandId.segmentRemove, on(CommandId.removeAnnotation)),
    vscode.commands.registerCommand(ViewCommandId.segmentEditMemo, on(CommandId.editMemo)),
    vscode.commands.registerCommand(ViewCommandId.segmentMarkReviewed, on(CommandId.markReviewed)),
    vscode.commands.registerCommand(ViewCommandId.segmentReattach, (node?: SegmentLeaf) =>
      reattach(services, corpus, node),
    ),
  ];
}
