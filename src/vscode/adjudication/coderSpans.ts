/**
 * Both coders' spans of a disagreement, painted over the text: coder A with a solid box, coder B with a dashed
 * underline, so that where they coincide both stay visible; A's span is labelled before it and B's after it
 * with the coder's name, and the hover gives the coder's frame (INCEpTION shows annotators side by side; an editor has one text, so the marks differ instead).
 * The selected disagreement's spans are painted; the others of the text are drawn faintly, for context.
 */
import * as vscode from 'vscode';
import type { JudgedText } from '../../core/adjudication';
import type { Annotation } from '../../core/annotations';
import { toRange as rangeOf } from '../convert';

export interface PaintedSpan {
  coder: 'a' | 'b';
  start: number;
  end: number;
  label: string;
  selected: boolean;
}

const A_COLOUR = '#d97706';
const B_COLOUR = '#2563eb';

export class CoderSpans implements vscode.Disposable {
  private readonly styles = {
    a: vscode.window.createTextEditorDecorationType({
      border: `2px solid ${A_COLOUR}`,
      borderRadius: '2px',
    }),
    b: vscode.window.createTextEditorDecorationType({
      textDecoration: `underline 3px dashed ${B_COLOUR}; text-underline-offset: 5px`,
    }),
    faint: vscode.window.createTextEditorDecorationType({
      border: '1px dotted rgba(128, 128, 128, 0.7)',
    }),
  };
  private painted = new Map<string, PaintedSpan[]>();

  /** Paints `selected`'s spans of the text in `editor` (the text's other disagreements faintly). */
  paint(
    editor: vscode.TextEditor,
    text: JudgedText,
    selectedId: string,
    names: { a: string; b: string },
    frameName: (id: string) => string,
  ): void {
    const selected = text.disagreements.find((d) => d.id === selectedId);
    const spans: PaintedSpan[] = [];
    const option = (x: Annotation, side: 'a' | 'b'): vscode.DecorationOptions => {
      const name = side === 'a' ? names.a : names.b;
      const label = `${name}: ${frameName(x.frame)}`;
      spans.push({ coder: side, start: x.start, end: x.end, label, selected: true });
      return {
        range: rangeOf(editor.document, x.start, x.end),
        hoverMessage: new vscode.MarkdownString().appendText(`${side === 'a' ? 'A' : 'B'}, ${label} — “${x.quote}”`),
        // the name alone: the frames are in the hover, the frame decoration and the tree, and a long label
        // pushes the rest of the line out of sight
        renderOptions: {
          // A's name before its span and B's after theirs: apart, even where the two spans start together
          [side === 'a' ? 'before' : 'after']: {
            contentText: side === 'a' ? `${name} ▣ ` : ` ┅ ${name}`,
            color: side === 'a' ? A_COLOUR : B_COLOUR,
            fontStyle: 'italic',
          },
        },
      };
    };
    editor.setDecorations(this.styles.a, selected?.a.map((x) => option(x, 'a')) ?? []);
    editor.setDecorations(this.styles.b, selected?.b.map((x) => option(x, 'b')) ?? []);
    const others = text.disagreements.filter((d) => d.id !== selectedId);
    editor.setDecorations(
      this.styles.faint,
      others.map((d) => ({ range: rangeOf(editor.document, d.start, d.end) })),
    );
    this.painted.set(editor.document.uri.toString(), spans);
  }

  /** What is painted on the document now (for tests). */
  paintedOn(uri: vscode.Uri): PaintedSpan[] {
    return this.painted.get(uri.toString()) ?? [];
  }

  dispose(): void {
    for (const s of Object.values(this.styles)) s.dispose();
  }
}
