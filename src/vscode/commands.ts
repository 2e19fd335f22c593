/** Palette commands and the commands behind code actions: one small handler each. */
import * as vscode from 'vscode';
import { annotationsAt, removeAnnotation, retagAnnotation, setMemo, sortAnnotations, type Annotation } from '../core/annotations';
import { CommandId } from './commandIds';
import { AgreementView } from './agreementView';
import { exportQdc, exportQdpx, exportSegmentsCsv } from './exportCommands';
import { toCanonicalOffset, toCanonicalSpan, toRange } from './convert';
import { frameLabel, pickFrame } from './frames';
import type { Services } from './services';
import { applyTag, findOpenDocument, type ApplyTagRequest } from './tagging';

/** The annotation a command acts on: given by a code action, else the one at the cursor (asking if several). */
async function targetAnnotation(services: Services, uri?: string, id?: string): Promise<{ doc: vscode.TextDocument; annotation: Annotation } | undefined> {
  const editor = vscode.window.activeTextEditor;
  const doc = uri ? findOpenDocument(uri) : editor?.document;
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
  const picked = await vscode.window.showQuickPick(here.map((a) => ({ label: frameLabel(codebook, a.frame), description: `'${a.quote}' — ${a.coder}`, a })), { title: 'Which annotation?' });
  return picked ? { doc, annotation: picked.a } : undefined;
}

export function registerCommands(services: Services): vscode.Disposable[] {
  const register = (id: string, handler: (...args: never[]) => unknown): vscode.Disposable => vscode.commands.registerCommand(id, handler);
  const agreement = new AgreementView(services);
  return [
    register(CommandId.applyTag, (request: ApplyTagRequest) => applyTag(services, request)),
    register(CommandId.tagSelection, async (uri?: string, span?: { start: number; end: number }, first?: string[]) => {
      const active = services.codebooks.active;
      const editor = vscode.window.activeTextEditor;
      const doc = uri ? findOpenDocument(uri) : editor?.document;
      if (!active || !doc) return 0;
      const target = span ?? (editor && !editor.selection.isEmpty ? toCanonicalSpan(doc, editor.selection) : undefined);
      if (!target) {
        void vscode.window.showInformationMessage('Select the text to tag first.');
        return 0;
      }
      const frameId = await pickFrame(active.codebook, first ?? []);
      return frameId ? applyTag(services, { uri: doc.uri.toString(), spans: [target], frameId }) : 0;
    }),
    register(CommandId.tagAllOccurrences, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return 0;
      const doc = editor.document;
      const offset = doc.offsetAt(editor.selection.active);
      const cue = services.cues.matchesIn(doc, offset, offset + 1).find((m) => m.start <= offset && offset <= m.end);
      if (!cue) {
        void vscode.window.showInformationMessage('Put the cursor on a highlighted cue term first.');
        return 0;
      }
      const spans = services.cues.matches(doc).filter((m) => m.frameId === cue.frameId && m.term === cue.term)
        .map((m) => toCanonicalSpan(doc, new vscode.Range(doc.positionAt(m.start), doc.positionAt(m.end))));
      return applyTag(services, { uri: doc.uri.toString(), spans, frameId: cue.frameId, needsReview: true });
    }),
    register(CommandId.removeAnnotation, async (uri?: string, id?: string) => {
      const t = await targetAnnotation(services, uri, id);
      return t ? services.store.update(t.doc, (list) => removeAnnotation(list, t.annotation.id)) : false;
    }),
    register(CommandId.changeFrame, async (uri?: string, id?: string) => {
      const t = await targetAnnotation(services, uri, id);
      const codebook = services.codebooks.active?.codebook;
      if (!t || !codebook) return false;
      const frameId = await pickFrame(codebook, [], `Change frame (now: ${frameLabel(codebook, t.annotation.frame)})`);
      return frameId && frameId !== t.annotation.frame ? services.store.update(t.doc, (list) => retagAnnotation(list, t.annotation.id, frameId)) : false;
    }),
    register(CommandId.editMemo, async (uri?: string, id?: string, memo?: string) => {
      const t = await targetAnnotation(services, uri, id);
      if (!t) return false;
      const value = memo ?? (await vscode.window.showInputBox({ title: `Memo for '${t.annotation.quote.slice(0, 40)}'`, value: t.annotation.memo ?? '', prompt: 'Empty removes the memo' }));
      return value === undefined ? false : services.store.update(t.doc, (list) => setMemo(list, t.annotation.id, value));
    }),
    register(CommandId.markReviewed, async (uri?: string, id?: string) => {
      const t = await targetAnnotation(services, uri, id);
      if (!t) return false;
      return services.store.update(t.doc, (list) => sortAnnotations(list.map((a) => {
        if (a.id !== t.annotation.id) return a;
        const next = { ...a };
        delete next.status;
        return next;
      })));
    }),
    register(CommandId.listAnnotations, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      const codebook = services.codebooks.active?.codebook;
      const list = services.store.get(editor.document.uri)?.annotations ?? [];
      const picked = await vscode.window.showQuickPick(list.map((a) => ({
        label: `${a.status === 'orphaned' ? '(orphaned)' : toRange(editor.document, a.start, a.end).start.line + 1}: ${frameLabel(codebook, a.frame)}`, description: `'${a.quote.slice(0, 60)}'`, detail: [a.coder, a.created, a.status, a.memo].filter(Boolean).join(' · '), a,
      })), { title: `${list.length} annotation(s)`, matchOnDescription: true, matchOnDetail: true });
      if (picked && picked.a.status !== 'orphaned') {
        const range = toRange(editor.document, picked.a.start, picked.a.end);
        editor.selection = new vscode.Selection(range.start, range.end);
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      }
    }),
    register(CommandId.openSidecar, async () => {
      const doc = vscode.window.activeTextEditor?.document;
      const entry = doc ? services.store.get(doc.uri) : undefined;
      if (!entry) return;
      if (entry.onDisk === null) void vscode.window.showInformationMessage('This document has no annotation file yet: it is created with the first annotation.');
      else await vscode.window.showTextDocument(entry.sidecarUri, { viewColumn: vscode.ViewColumn.Beside });
    }),
    register(CommandId.reloadCodebook, () => services.codebooks.reload()),
    register(CommandId.showOutput, () => services.log.show()),
    register(CommandId.exportCsv, (target?: vscode.Uri) => exportSegmentsCsv(services, target)),
    register(CommandId.exportQdpx, (target?: vscode.Uri) => exportQdpx(services, target)),
    register(CommandId.exportQdc, (target?: vscode.Uri) => exportQdc(services, target)),
    agreement,
    register(CommandId.showAgreement, (coders?: string[]) => agreement.show(coders)),
  ];
}
