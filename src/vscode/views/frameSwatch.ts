/**
 * The colour swatch of a frame in the explorer and the Codebook view, in the colour the editor paints the
 * frame with: the codebook's own colour (a small SVG circle as a data URI), or, with
 * `sovereigntyCoder.frameColors: theme`, the theme's palette colour `sovereigntyCoder.frameN` in codebook order.
 * An unknown frame (in annotations, not in the codebook) gets a grey outline, as its decoration is grey.
 */
import * as vscode from 'vscode';
import { readSettings } from '../settings';

const PALETTE_SIZE = 12;

export function frameSwatch(color: string | undefined, index: number | undefined): vscode.ThemeIcon | vscode.Uri {
  if (color === undefined || index === undefined)
    return new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('disabledForeground'));
  if (readSettings().frameColors === 'theme')
    return new vscode.ThemeIcon(
      'circle-filled',
      new vscode.ThemeColor(`sovereigntyCoder.frame${(index % PALETTE_SIZE) + 1}`),
    );
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><circle cx="8" cy="8" r="4.5" fill="${color}"/></svg>`;
  return vscode.Uri.parse(`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`);
}
