/**
 * One decoration type per frame and kind, created when a codebook comes into force and disposed with it
 * (never per update, which leaks: todo-tree). Cues are underlined in the frame's colour; annotations are filled
 * with it and marked in the overview ruler; annotations that need review also get a dashed border.
 */
import * as vscode from 'vscode';
import type { Codebook } from '../core/codebook';

export interface FrameStyle {
  cue: vscode.TextEditorDecorationType;
  annotation: vscode.TextEditorDecorationType;
}

export interface FrameStyles extends vscode.Disposable {
  readonly byFrame: ReadonlyMap<string, FrameStyle>;
  /** For annotations whose frame the codebook no longer has: kept, shown in grey, flagged in the hover. */
  readonly unknownFrame: vscode.TextEditorDecorationType;
  readonly needsReview: vscode.TextEditorDecorationType;
}

const PALETTE_SIZE = 12;

/** #rgb or #rrggbb → [r, g, b]. The codebook validator has already checked the form. */
function rgb(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h.slice(0, 6);
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

function toHex(c: [number, number, number], alpha?: number): string {
  const parts = alpha === undefined ? c : [...c, Math.round(alpha * 255)];
  return `#${parts
    .map((v) =>
      Math.max(0, Math.min(255, Math.round(v)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** Dark themes need lighter tints of the same hue to keep contrast with the text. */
function lighten(c: [number, number, number], amount: number): [number, number, number] {
  return c.map((v) => v + (255 - v) * amount) as [number, number, number];
}

function codebookColours(hex: string): { light: { fg: string; bg: string }; dark: { fg: string; bg: string } } {
  const c = rgb(hex);
  const d = lighten(c, 0.35);
  return { light: { fg: toHex(c), bg: toHex(c, 0.22) }, dark: { fg: toHex(d), bg: toHex(d, 0.28) } };
}

function styleFor(index: number, colour: string, source: 'codebook' | 'theme'): FrameStyle {
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
        backgroundColor: new vscode.ThemeColor(`${slot}Background`),
        overviewRulerColor: fg,
        overviewRulerLane: vscode.OverviewRulerLane.Right,
      }),
    };
  }
  const c = codebookColours(colour);
  const hc = new vscode.ThemeColor('sovereigntyCoder.cueHighContrastBorder');
  return {
    cue: vscode.window.createTextEditorDecorationType({
      borderStyle: 'none none solid none',
      borderWidth: '0 0 2px 0',
      // transparent except in high-contrast themes, where the frame colour alone may not meet the contrast rules
      outlineStyle: 'solid',
      outlineWidth: '1px',
      outlineColor: hc,
      light: { borderColor: c.light.fg },
      dark: { borderColor: c.dark.fg },
    }),
    annotation: vscode.window.createTextEditorDecorationType({
      overviewRulerLane: vscode.OverviewRulerLane.Right,
      light: { backgroundColor: c.light.bg, overviewRulerColor: c.light.fg },
      dark: { backgroundColor: c.dark.bg, overviewRulerColor: c.dark.fg },
    }),
  };
}

export function createFrameStyles(codebook: Codebook, source: 'codebook' | 'theme'): FrameStyles {
  const byFrame = new Map<string, FrameStyle>();
  codebook.frames.forEach((f, i) => byFrame.set(f.id, styleFor(i, f.color, source)));
  const unknownFrame = vscode.window.createTextEditorDecorationType({
    backgroundColor: 'rgba(128,128,128,0.25)',
    border: '1px dotted',
    borderColor: new vscode.ThemeColor('editorWarning.foreground'),
  });
  const needsReview = vscode.window.createTextEditorDecorationType({
    border: '1px dashed',
    borderColor: new vscode.ThemeColor('sovereigntyCoder.needsReviewBorder'),
  });
  return {
    byFrame,
    unknownFrame,
    needsReview,
    dispose() {
      for (const s of byFrame.values()) {
        s.cue.dispose();
        s.annotation.dispose();
      }
      unknownFrame.dispose();
      needsReview.dispose();
    },
  };
}
