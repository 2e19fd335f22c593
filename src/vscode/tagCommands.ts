/** The commands that create annotations: tag the selection with a frame, or every occurrence of a cue term. */
import * as vscode from 'vscode';
import type { CommandContext, CommandHandler } from './commandContext';
import { openDocument, toCanonicalSpan } from './convert';
import { pickFrame } from './frames';
import { applyTag, type ApplyTagRequest } from './tagging';

export const tagCommands = {
  /** Internal: a code action passes a prepared request. */
  applyTag(context: CommandContext, request: ApplyTagRequest): Promise<number> {
    return applyTag(context, request);
  },

  /** The selection (or a span a code action gives) gets a frame the coder picks, `first` frames on top. */
  async tagSelection(
    context: CommandContext,
    uri?: string,
    span?: { start: number; end: number },
    first?: string[],
  ): Promise<number> {
    const active = context.codebooks.active;
    const editor = vscode.window.activeTextEditor;
    const doc = uri ? openDocument(uri) : editor?.document;
    if (!active || !doc) return 0;
    const target = span ?? (editor && !editor.selection.isEmpty ? toCanonicalSpan(doc, editor.selection) : undefined);
    if (!target) {
      void vscode.window.showInformationMessage('Select the text to tag first.');
      return 0;
    }
    const frameId = await pickFrame(active.codebook, first ?? []);
    return frameId ? applyTag(context, { uri: doc.uri.toString(), spans: [target], frameId }) : 0;
  },

  /** Every occurrence of the cue term at the cursor, marked "needs review": the coder still looks at each. */
  async tagAllOccurrences(context: CommandContext): Promise<number> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return 0;
    const doc = editor.document;
    const offset = doc.offsetAt(editor.selection.active);
    const cue = context.cues.matchesIn(doc, offset, offset + 1).find((m) => m.start <= offset && offset <= m.end);
    if (!cue) {
      void vscode.window.showInformationMessage('Put the cursor on a highlighted cue term first.');
      return 0;
    }
    const spans = context.cues
      .matches(doc)
      .filter((m) => m.frameId === cue.frameId && m.term === cue.term)
      .map((m) => toCanonicalSpan(doc, new vscode.Range(doc.positionAt(m.start), doc.positionAt(m.end))));
    return applyTag(context, { uri: doc.uri.toString(), spans, frameId: cue.frameId, needsReview: true });
  },
} satisfies Record<string, CommandHandler>;
