/**
 * Frame suggestions in the editor: a faint dotted underline in the frame's colour under each suggested
 * sentence (distinct from a cue's solid underline and an annotation's fill), a hover that says what is
 * suggested, how sure the suggester is and why ("because: data, servers, national"), with Accept and Dismiss
 * links, and the same two as code actions. Only the visible part of a document (widened to whole paragraphs,
 * so sentences are whole) is read and scored, when a model is ready, the view scrolls or the coding changes:
 * never per keystroke and never the whole text.
 */
import * as vscode from 'vscode';
import { explainFrame, suggestFrames, suggestionKey, type FrameSuggestion } from '../../core/assist';
import type { Codebook } from '../../core/codebook';
import { AssistCommandId } from '../commandIds';
import { CODING_ACTION_KIND } from '../codeActions';
import { toCanonicalOffset, toRange } from '../convert';
import { frameLabel } from '../frames';
import type { Services } from '../services';
import { isCodedDocument, readSettings } from '../settings';
import type { SuggesterModel } from './suggesterModel';

/** A suggestion as the commands receive it (arguments must survive serialisation). */
export interface SuggestionArgs {
  uri: string;
  start: number;
  end: number;
  frame: string;
  sentence: string;
}

export interface ShownSuggestion extends FrameSuggestion {
  sentence: string;
}

const MARGIN_LINES = 50;
const MAX_SCAN_LINES = 300;
const DISMISSED_KEY = 'sovereigntyCoder.dismissedSuggestions';
const MAX_DISMISSED = 5000;

function underline(colour: string): vscode.TextEditorDecorationType {
  return vscode.window.createTextEditorDecorationType({ textDecoration: `underline dotted ${colour}66` });
}

/** The visible lines, widened by a margin and then to blank lines, so that every sentence in it is whole. */
function paragraphRange(editor: vscode.TextEditor): vscode.Range | undefined {
  const doc = editor.document;
  const visible = editor.visibleRanges;
  const first = visible[0];
  const last = visible[visible.length - 1];
  if (!first || !last) return undefined;
  let top = Math.max(0, first.start.line - MARGIN_LINES);
  let bottom = Math.min(doc.lineCount - 1, last.end.line + MARGIN_LINES);
  for (let n = 0; top > 0 && n < MAX_SCAN_LINES && doc.lineAt(top - 1).text.trim() !== ''; n++) top--;
  for (let n = 0; bottom < doc.lineCount - 1 && n < MAX_SCAN_LINES && doc.lineAt(bottom).text.trim() !== ''; n++)
    bottom++;
  return new vscode.Range(top, 0, bottom, doc.lineAt(bottom).text.length);
}

export class SuggestionLayer implements vscode.Disposable {
  private styles = new Map<string, vscode.TextEditorDecorationType>();
  private readonly shown = new Map<string, ShownSuggestion[]>();

  constructor(
    private readonly services: Services,
    private readonly model: SuggesterModel,
    private readonly memento: vscode.Memento,
  ) {}

  /** The suggestions painted in a document now (for the hover, the code actions and the tests). */
  suggestionsFor(uri: vscode.Uri): readonly ShownSuggestion[] {
    return this.shown.get(uri.toString()) ?? [];
  }

  private dismissed(): Set<string> {
    return new Set(this.memento.get<string[]>(DISMISSED_KEY, []));
  }

  async dismiss(args: SuggestionArgs): Promise<void> {
    const keys = [...this.dismissed(), suggestionKey(args.frame, args.sentence)].slice(-MAX_DISMISSED);
    await this.memento.update(DISMISSED_KEY, keys);
    this.paintAll();
  }

  private styleFor(codebook: Codebook, frame: string): vscode.TextEditorDecorationType {
    let style = this.styles.get(frame);
    if (!style) {
      style = underline(
        codebook.frames.find((f) => f.id === frame)?.color.replace(/^#(.)(.)(.)$/, '#$1$1$2$2$3$3') ?? '#888888',
      );
      this.styles.set(frame, style);
    }
    return style;
  }

  /** New codebook: the colours may have changed. */
  resetStyles(): void {
    for (const s of this.styles.values()) s.dispose();
    this.styles = new Map();
    this.paintAll();
  }

  paintAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.paint(editor);
  }

  paint(editor: vscode.TextEditor): void {
    const doc = editor.document;
    const state = this.model.state;
    const codebook = this.services.codebooks.active?.codebook;
    const found = state.kind === 'ready' && codebook && isCodedDocument(doc) ? this.compute(editor) : [];
    this.shown.set(doc.uri.toString(), found);
    if (!codebook) return;
    const byFrame = new Map<string, vscode.Range[]>();
    for (const s of found) byFrame.set(s.frame, [...(byFrame.get(s.frame) ?? []), toRange(doc, s.start, s.end)]);
    for (const [frame, style] of this.styles) if (!byFrame.has(frame)) editor.setDecorations(style, []);
    for (const [frame, ranges] of byFrame) editor.setDecorations(this.styleFor(codebook, frame), ranges);
  }

  private compute(editor: vscode.TextEditor): ShownSuggestion[] {
    const state = this.model.state;
    const range = paragraphRange(editor);
    if (state.kind !== 'ready' || !range) return [];
    const doc = editor.document;
    const slice = doc.getText(range).replace(/\r\n/g, '\n');
    const base = toCanonicalOffset(doc, range.start);
    const annotations = (this.services.store.get(doc.uri)?.annotations ?? [])
      .filter((a) => a.end > base && a.start < base + slice.length)
      .map((a) => ({ ...a, start: Math.max(0, a.start - base), end: Math.min(slice.length, a.end - base) }));
    const settings = readSettings(doc);
    return suggestFrames(state.model, slice, annotations, {
      threshold: settings['suggestions.threshold'],
      dismissed: this.dismissed(),
      explain: false,
    }).map((s) => ({ ...s, start: s.start + base, end: s.end + base, sentence: slice.slice(s.start, s.end) }));
  }

  at(doc: vscode.TextDocument, range: vscode.Range): ShownSuggestion[] {
    const from = toCanonicalOffset(doc, range.start);
    const to = toCanonicalOffset(doc, range.end);
    return this.suggestionsFor(doc.uri).filter((s) => s.start <= to && s.end >= from);
  }

  hover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const here = this.at(doc, new vscode.Range(position, position));
    if (here.length === 0) return undefined;
    const codebook = this.services.codebooks.active?.codebook;
    const state = this.model.state;
    // our own two commands only: the rest of the hover is plain text, and the words come from the user's text
    const md = new vscode.MarkdownString('', false);
    md.isTrusted = { enabledCommands: [AssistCommandId.acceptSuggestion, AssistCommandId.dismissSuggestion] };
    for (const s of here) {
      const args = encodeURIComponent(JSON.stringify([argsOf(doc, s)]));
      const words = state.kind === 'ready' ? explainFrame(state.model, s.frame, s.sentence) : [];
      const because = words.join(', ') || '(no single word stands out)';
      md.appendMarkdown(
        `**Suggested:** ${escapeMarkdown(frameLabel(codebook, s.frame))}, ${s.probability.toFixed(2)} — because: ${escapeMarkdown(because)}`,
      );
      md.appendMarkdown(
        `\n\n[Accept](command:${AssistCommandId.acceptSuggestion}?${args}) · [Dismiss](command:${AssistCommandId.dismissSuggestion}?${args})\n\n`,
      );
    }
    md.appendMarkdown("*Learned from this workspace's coding; nothing is written until you accept.*");
    const first = here[0];
    return new vscode.Hover(md, toRange(doc, first.start, first.end));
  }

  codeActions(doc: vscode.TextDocument, range: vscode.Range): vscode.CodeAction[] {
    const codebook = this.services.codebooks.active?.codebook;
    return this.at(doc, range).flatMap((s) => {
      const label = frameLabel(codebook, s.frame);
      const accept = new vscode.CodeAction(
        `Accept suggestion: ${label} (${s.probability.toFixed(2)})`,
        CODING_ACTION_KIND,
      );
      accept.command = { title: accept.title, command: AssistCommandId.acceptSuggestion, arguments: [argsOf(doc, s)] };
      const dismiss = new vscode.CodeAction(`Dismiss suggestion: ${label}`, CODING_ACTION_KIND);
      dismiss.command = {
        title: dismiss.title,
        command: AssistCommandId.dismissSuggestion,
        arguments: [argsOf(doc, s)],
      };
      return [accept, dismiss];
    });
  }

  dispose(): void {
    for (const s of this.styles.values()) s.dispose();
  }
}

/** The codebook's labels and the text's words are the user's: no Markdown of theirs is interpreted. */
function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}

function argsOf(doc: vscode.TextDocument, s: ShownSuggestion): SuggestionArgs {
  return { uri: doc.uri.toString(), start: s.start, end: s.end, frame: s.frame, sentence: s.sentence };
}
