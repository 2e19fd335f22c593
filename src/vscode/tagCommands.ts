/**
 * The commands that create annotations: tag the selection with a frame (an existing one, or one created on the
 * spot), or every occurrence of a cue term.
 */
import * as vscode from 'vscode';
import type { CommandContext, CommandHandler } from './commandContext';
import type { Codebook } from '../core/codebook';
import type { NewFrame } from '../core/codebook/addFrame';
import { documentText, openDocument, toCanonicalSpan } from './convert';
import { addFrameToWorkspaceCodebook, askNewFrame } from './newFrame';
import { pickFrame } from './frames';
import { applyTag, type ApplyTagRequest } from './tagging';

interface SelectionTarget {
  codebook: Codebook;
  doc: vscode.TextDocument;
  /** Canonical offsets. */
  span: { start: number; end: number };
}

/** The document and span to tag: given, or the active editor's selection (said when there is none). */
function selectionTarget(
  context: CommandContext,
  uri?: string,
  span?: { start: number; end: number },
): SelectionTarget | undefined {
  const codebook = context.codebooks.active?.codebook;
  const editor = vscode.window.activeTextEditor;
  const doc = uri ? openDocument(uri) : editor?.document;
  if (!codebook || !doc) return undefined;
  const target = span ?? (editor && !editor.selection.isEmpty ? toCanonicalSpan(doc, editor.selection) : undefined);
  if (!target) {
    void vscode.window.showInformationMessage('Select the text to tag first.');
    return undefined;
  }
  return { codebook, doc, span: target };
}

function spanText(doc: vscode.TextDocument, span: { start: number; end: number }): string {
  return documentText(doc).slice(span.start, span.end);
}

async function newFrameFor(context: CommandContext, t: SelectionTarget, label: string): Promise<string | undefined> {
  const frame = await askNewFrame(t.codebook, label);
  return frame ? addFrameToWorkspaceCodebook(context, frame) : undefined;
}

export const tagCommands = {
  /** Internal: a code action passes a prepared request. */
  applyTag(context: CommandContext, request: ApplyTagRequest): Promise<number> {
    return applyTag(context, request);
  },

  /**
   * The selection (or a span a code action gives) gets a frame the coder picks, `first` frames on top; or,
   * through *New frame…*, a frame created on the spot (the selected words, or what was typed, prefill its label).
   */
  async tagSelection(
    context: CommandContext,
    uri?: string,
    span?: { start: number; end: number },
    first?: string[],
  ): Promise<number> {
    const t = selectionTarget(context, uri, span);
    if (!t) return 0;
    const pick = await pickFrame(t.codebook, { first: first ?? [], allowNew: true });
    if (!pick) return 0;
    const frameId =
      'frameId' in pick ? pick.frameId : await newFrameFor(context, t, pick.newFrame || spanText(t.doc, t.span));
    return frameId ? applyTag(context, { uri: t.doc.uri.toString(), spans: [t.span], frameId }) : 0;
  },

  /** In vivo: a new frame named after the selected words (asked for, or given by code and tests), then tagged. */
  async newFrameFromSelection(
    context: CommandContext,
    uri?: string,
    span?: { start: number; end: number },
    frame?: NewFrame,
  ): Promise<number> {
    const t = selectionTarget(context, uri, span);
    if (!t) return 0;
    const frameId = frame
      ? await addFrameToWorkspaceCodebook(context, frame)
      : await newFrameFor(context, t, spanText(t.doc, t.span));
    return frameId ? applyTag(context, { uri: t.doc.uri.toString(), spans: [t.span], frameId }) : 0;
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
