/**
 * Paints cues and annotations into visible editors only, debounced per document while typing, and only around
 * what is on screen (plus a margin), so a 10 MB document costs what its visible lines cost. Where annotations
 * of different frames overlap, a label after the shared region names the frames.
 */
import * as vscode from 'vscode';
import type { Annotation } from '../core/annotations';
import type { AnnotationStore } from './annotationStore';
import type { CodebookService } from './codebookService';
import { toCanonicalOffset, toRange } from './convert';
import type { CueIndex } from './cueIndex';
import { createFrameStyles, type FrameStyles } from './frameStyles';
import { frameLabel } from './frames';
import { overlapRegions } from '../core/coding/overlaps';
import { isCodedDocument, readSettings } from './settings';

/** What was last painted, by frame and kind: the test API reads it instead of sleeping. */
export interface PaintedDecoration {
  frameId: string;
  kind: 'cue' | 'annotation' | 'needs-review' | 'unknown-frame' | 'overlap';
  ranges: vscode.Range[];
  /** For 'overlap': the label shown after each range, naming the frames that code it. */
  labels?: string[];
}

/**
 * Repaints wait for the end of the current task only (a microtask), so the changes of one burst (several events
 * in a tick) share a paint, and no other task runs first: a timer, even of 0 ms, queues the paint behind every
 * timer already due in the extension host (another extension's debounced scan of the document, our own first
 * scan's next slice), which is where a keystroke's highlight used to wait. A paint costs only the visible lines.
 */
const MARGIN_LINES = 300;

export class DecorationController implements vscode.Disposable {
  private styles: FrameStyles | undefined;
  /** Documents due for a repaint at the end of the current task. */
  private readonly due = new Map<string, vscode.TextDocument>();
  private disposed = false;
  /** Per editor: whether each decoration type was last set with ranges (false: set empty). */
  private readonly shown = new WeakMap<vscode.TextEditor, WeakMap<vscode.TextEditorDecorationType, boolean>>();
  private readonly painted = new Map<string, PaintedDecoration[]>();
  private readonly paintedEmitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after an editor of this document was painted. */
  readonly onDidPaint = this.paintedEmitter.event;

  constructor(
    private readonly codebooks: CodebookService,
    private readonly cues: CueIndex,
    private readonly store: AnnotationStore,
  ) {}

  /** New decoration types for a new codebook (or colour setting); the old ones are disposed, which clears them. */
  resetStyles(): void {
    this.styles?.dispose();
    const active = this.codebooks.active;
    this.styles = active ? createFrameStyles(active.codebook, readSettings().frameColors, active.fills) : undefined;
    this.paintAllNow();
  }

  paintAllNow(): void {
    for (const editor of vscode.window.visibleTextEditors) this.paint(editor);
  }

  /** Repaint of the visible editors of one document, at the end of the current task. */
  schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    if (this.due.size === 0) queueMicrotask(() => this.paintDue());
    this.due.set(key, doc);
  }

  private paintDue(): void {
    const docs = [...this.due.values()];
    this.due.clear();
    if (this.disposed) return;
    for (const doc of docs)
      for (const editor of vscode.window.visibleTextEditors) if (editor.document === doc) this.paint(editor);
  }

  paintedFor(uri: vscode.Uri): PaintedDecoration[] {
    return this.painted.get(uri.toString()) ?? [];
  }

  paint(editor: vscode.TextEditor): void {
    const styles = this.styles;
    const doc = editor.document;
    if (!styles || !isCodedDocument(doc)) return;
    const window = visibleWindow(editor);
    const from = doc.offsetAt(window.start);
    const to = doc.offsetAt(window.end);
    const cueRanges = new Map<string, vscode.Range[]>();
    if (readSettings(doc).showCues) {
      for (const m of this.cues.matchesIn(doc, from, to))
        push(cueRanges, m.frameId, new vscode.Range(doc.positionAt(m.start), doc.positionAt(m.end)));
    }
    const annotationRanges = new Map<string, vscode.Range[]>();
    const review: vscode.Range[] = [];
    const unknown: vscode.Range[] = [];
    const visible = this.visibleAnnotations(doc, window, to);
    for (const a of visible) {
      const range = toRange(doc, a.start, a.end);
      if (!styles.byFrame.has(a.frame)) unknown.push(range);
      else push(annotationRanges, a.frame, range);
      if (a.status === 'needs-review') review.push(range);
    }
    const painted: PaintedDecoration[] = [];
    const set = this.setterFor(editor);
    for (const [frameId, style] of styles.byFrame) {
      // Every type is set, with [] when empty, so stale highlights clear.
      const cue = cueRanges.get(frameId) ?? [];
      const ann = annotationRanges.get(frameId) ?? [];
      set(style.cue, cue);
      set(style.annotation, ann);
      if (cue.length) painted.push({ frameId, kind: 'cue', ranges: cue });
      if (ann.length) painted.push({ frameId, kind: 'annotation', ranges: ann });
    }
    set(styles.needsReview, review);
    set(styles.unknownFrame, unknown);
    if (review.length) painted.push({ frameId: '', kind: 'needs-review', ranges: review });
    if (unknown.length) painted.push({ frameId: '', kind: 'unknown-frame', ranges: unknown });
    const labels = this.overlapLabels(doc, visible);
    set(styles.overlapLabel, labels);
    if (labels.length)
      painted.push({
        frameId: '',
        kind: 'overlap',
        ranges: labels.map((l) => l.range),
        labels: labels.map((l) => l.renderOptions?.after?.contentText ?? ''),
      });
    this.painted.set(doc.uri.toString(), painted);
    this.paintedEmitter.fire(doc.uri);
  }

  /**
   * setDecorations for `editor`, skipping a type that was empty at its last paint and is empty again: each call
   * is a message to the workbench, 27 per paint with 12 frames, most of them empty in the visible lines.
   */
  private setterFor(
    editor: vscode.TextEditor,
  ): (type: vscode.TextEditorDecorationType, ranges: readonly vscode.Range[] | vscode.DecorationOptions[]) => void {
    let shown = this.shown.get(editor);
    if (!shown) this.shown.set(editor, (shown = new WeakMap()));
    const known = shown;
    return (type, ranges) => {
      const nonEmpty = ranges.length > 0;
      if (!nonEmpty && known.get(type) === false) return;
      editor.setDecorations(type, ranges);
      known.set(type, nonEmpty);
    };
  }

  /** One label at the end of each region coded with several frames: "⟨Frame A · Frame B⟩". */
  private overlapLabels(doc: vscode.TextDocument, visible: readonly Annotation[]): vscode.DecorationOptions[] {
    const codebook = this.codebooks.active?.codebook;
    return overlapRegions(visible).map((region) => {
      const end = toRange(doc, region.start, region.end).end;
      const contentText = `⟨${region.frames.map((f) => frameLabel(codebook, f)).join(' · ')}⟩`;
      return { range: new vscode.Range(end, end), renderOptions: { after: { contentText } } };
    });
  }

  /**
   * The annotations touching the window. Annotation offsets are canonical (LF), never above the document's
   * own, so the offset test keeps every candidate and positions are computed only for those: not 20,000
   * positionAt calls per keystroke for 10,000 annotations.
   */
  private visibleAnnotations(doc: vscode.TextDocument, window: vscode.Range, to: number): Annotation[] {
    const entry = this.store.get(doc.uri);
    if (!entry) return [];
    const canonicalFrom = toCanonicalOffset(doc, window.start);
    return entry.annotations.filter(
      (a) =>
        a.status !== 'orphaned' &&
        a.end >= canonicalFrom &&
        a.start <= to &&
        toRange(doc, a.start, a.end).intersection(window) !== undefined,
    );
  }

  dispose(): void {
    this.disposed = true;
    this.due.clear();
    this.styles?.dispose();
    this.paintedEmitter.dispose();
  }
}

function push(map: Map<string, vscode.Range[]>, key: string, range: vscode.Range): void {
  const list = map.get(key);
  if (list) list.push(range);
  else map.set(key, [range]);
}

function visibleWindow(editor: vscode.TextEditor): vscode.Range {
  const doc = editor.document;
  const visible = editor.visibleRanges;
  const first = visible[0]?.start.line ?? 0;
  const last = visible[visible.length - 1]?.end.line ?? doc.lineCount - 1;
  const start = new vscode.Position(Math.max(0, first - MARGIN_LINES), 0);
  return new vscode.Range(start, doc.lineAt(Math.min(doc.lineCount - 1, last + MARGIN_LINES)).range.end);
}
