/**
 * One decoration type per frame and kind, created when a codebook comes into force and disposed with it
 * (never per update, which leaks: todo-tree). Cues are underlined in the frame's colour. Annotations are filled
 * with a tint chosen apart from the theme's selection colour, underlined in a line style of their own (solid,
 * dashed, dotted, double in codebook order), marked in the gutter with the frame's swatch and in an overview
 * ruler lane of their own; where frames overlap, a label after the span names them (decorations.ts), so
 * multi-coding never depends on telling colours apart. Annotations that need review get a dashed border.
 */
import * as vscode from 'vscode';
import type { Codebook } from '../core/codebook';
import { chooseFill } from '../core/colour/fills';
import type { FrameFills } from '../core/codebookLoad';
import { frameSwatch } from './views/frameSwatch';

export interface FrameStyle {
  cue: vscode.TextEditorDecorationType;
  annotation: vscode.TextEditorDecorationType;
}

export interface FrameStyles extends vscode.Disposable {
  readonly byFrame: ReadonlyMap<string, FrameStyle>;
  /** For annotations whose frame the codebook no longer has: kept, shown in grey, flagged in the hover. */
  readonly unknownFrame: vscode.TextEditorDecorationType;
  readonly needsReview: vscode.TextEditorDecorationType;
  /** Text after a span coded with several frames, naming them (set per range through renderOptions). */
  readonly overlapLabel: vscode.TextEditorDecorationType;
}

const PALETTE_SIZE = 12;

/**
 * How frames differ other than by colour: the underline of an annotation takes one of these styles in codebook
 * order, and its overview-ruler stripe one of three lanes, so two frames on one span show two marks.
 */
const BORDER_STYLES = ['solid', 'dashed', 'dotted', 'double'] as const;
const RULER_LANES = [vscode.OverviewRulerLane.Left, vscode.OverviewRulerLane.Center, vscode.OverviewRulerLane.Right];

function frameMarks(index: number): vscode.DecorationRenderOptions {
  const style = BORDER_STYLES[index % BORDER_STYLES.length];
  return {
    borderStyle: `none none ${style} none`,
    borderWidth: style === 'double' ? '0 0 3px 0' : '0 0 2px 0',
    overviewRulerLane: RULER_LANES[index % RULER_LANES.length],
  };
}

function styleFor(index: number, colour: string, source: 'codebook' | 'theme', fills: FrameFills): FrameStyle {
  if (source === 'theme') {
    const slot = `sovereigntyCoder.frame${(index % PALETTE_SIZE) + 1}`;
    const fg = new vscode.ThemeColor(slot);
    return {
      cue: vscode.window.createTextEditorDecorationType({
        borderStyle: 'none none solid none',
        borderWidth: '0 0 2px 0',
        borderColor: fg,
      }),
      annotation: vscode.window.createTextEditorDecorationType({
        ...frameMarks(index),
        backgroundColor: new vscode.ThemeColor(`${slot}Background`),
        borderColor: fg,
        overviewRulerColor: fg,
      }),
    };
  }
  // fills chosen apart from each theme kind's selection colour (core/colour/fills.ts)
  const chosen = fills.get(colour);
  const light = chosen?.light ?? chooseFill(colour, 'light');
  const dark = chosen?.dark ?? chooseFill(colour, 'dark');
  const gutter = frameSwatch(colour, index);
  const hc = new vscode.ThemeColor('sovereigntyCoder.cueHighContrastBorder');
  return {
    cue: vscode.window.createTextEditorDecorationType({
      borderStyle: 'none none solid none',
      borderWidth: '0 0 2px 0',
      // transparent except in high-contrast themes, where the frame colour alone may not meet the contrast rules
      outlineStyle: 'solid',
      outlineWidth: '1px',
      outlineColor: hc,
      light: { borderColor: light.solid },
      dark: { borderColor: dark.solid },
    }),
    annotation: vscode.window.createTextEditorDecorationType({
      ...frameMarks(index),
      ...(gutter instanceof vscode.Uri ? { gutterIconPath: gutter, gutterIconSize: 'contain' } : {}),
      light: { backgroundColor: light.fill, borderColor: light.solid, overviewRulerColor: light.solid },
      dark: { backgroundColor: dark.fill, borderColor: dark.solid, overviewRulerColor: dark.solid },
    }),
  };
}

/** `fills`: the fills already chosen for the codebook's colours (those missing are chosen here). */
export function createFrameStyles(
  codebook: Codebook,
  source: 'codebook' | 'theme',
  fills: FrameFills = new Map(),
): FrameStyles {
  const byFrame = new Map<string, FrameStyle>();
  codebook.frames.forEach((f, i) => byFrame.set(f.id, styleFor(i, f.color, source, fills)));
  const unknownFrame = vscode.window.createTextEditorDecorationType({
    backgroundColor: 'rgba(128,128,128,0.25)',
    border: '1px dotted',
    borderColor: new vscode.ThemeColor('editorWarning.foreground'),
  });
  const needsReview = vscode.window.createTextEditorDecorationType({
    border: '1px dashed',
    borderColor: new vscode.ThemeColor('sovereigntyCoder.needsReviewBorder'),
  });
  const overlapLabel = vscode.window.createTextEditorDecorationType({
    after: {
      color: new vscode.ThemeColor('editorCodeLens.foreground'),
      fontStyle: 'italic',
      margin: '0 0 0 0.4em',
    },
  });
  return {
    byFrame,
    unknownFrame,
    needsReview,
    overlapLabel,
    dispose() {
      for (const s of byFrame.values()) {
        s.cue.dispose();
        s.annotation.dispose();
      }
      unknownFrame.dispose();
      needsReview.dispose();
      overlapLabel.dispose();
    },
  };
}
