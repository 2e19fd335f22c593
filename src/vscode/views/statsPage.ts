/**
 * The statistics webview's page: the core's hand-drawn SVG charts (frequency bars, the co-occurrence heatmap,
 * coverage bars) with controls to group by text or attribute and to switch what co-occur means. Strict
 * Content-Security-Policy: no remote resources, styles and one nonce'd script only; colours are the theme's
 * (`--vscode-*` variables). The script does three things: a click on a bar or cell asks the extension to list
 * those segments, the controls ask for a new report, and "Save as SVG/PNG" sends the chart (PNG drawn on a
 * canvas here, from the same SVG) to the extension, which asks where to write it.
 */
import {
  cooccurrenceHeatmap,
  coverageBars,
  esc,
  frequencyBars,
  STANDALONE_SVG_STYLE,
  type StatsReport,
} from '../../core/stats';

const STYLE = `body{font-family:var(--vscode-font-family);color:var(--vscode-foreground);background:var(--vscode-editor-background);margin:1em 1.5em}
h2{font-size:1.1em;margin:1.4em 0 .4em}.controls label{margin-right:1.2em}select,button{color:var(--vscode-button-secondaryForeground);background:var(--vscode-button-secondaryBackground);border:1px solid var(--vscode-contrastBorder,transparent);padding:2px 6px}
svg text{fill:var(--vscode-foreground);font-size:12px}.label{text-anchor:end}.col{font-size:11px}.count{text-anchor:middle;font-size:10px}
.fill,.heat{fill:var(--vscode-charts-blue,#1f77b4)}.track{fill:var(--vscode-editorWidget-border,#8883)}.bar,.cell{cursor:pointer}.bar:hover .fill,.cell:hover .heat{fill:var(--vscode-charts-orange,#ff7f0e)}
.save{margin-left:.5em;font-size:.85em}.note{opacity:.8;font-size:.9em}`;

function section(title: string, chart: string, id: string, svg: string): string {
  return `<h2>${esc(title)}<button class="save" data-chart="${id}" data-format="svg">Save as SVG</button><button class="save" data-chart="${id}" data-format="png">Save as PNG</button></h2><div id="${id}">${svg}</div>${chart}`;
}

export interface StatsPageOptions {
  cspSource: string;
  nonce: string;
  /** Current grouping ('' = none, 'text', or an attribute name) and the attribute names offered. */
  by: string;
  attributes: readonly string[];
  title: string;
}

export function statsPage(r: StatsReport, o: StatsPageOptions): string {
  const groupOptions = [['', 'all texts together'], ['text', 'text'], ...o.attributes.map((a) => [a, a])]
    .map(([v, l]) => `<option value="${esc(v ?? '')}"${v === o.by ? ' selected' : ''}>${esc(l ?? '')}</option>`)
    .join('');
  const modes = ['overlap', 'sentence', 'paragraph']
    .map(
      (m) =>
        `<option value="${m}"${m === r.cooccurrence.mode ? ' selected' : ''}>${m === 'overlap' ? 'overlapping spans' : `same ${m}`}</option>`,
    )
    .join('');
  const groups =
    r.frequencies.groupBy === undefined
      ? ''
      : r.frequencies.groups
          .map((g, i) =>
            section(`Segments per frame — ${r.frequencies.groupBy}: ${g}`, '', `freq-${i}`, frequencyBars(r, i)),
          )
          .join('');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${o.cspSource} 'unsafe-inline'; img-src ${o.cspSource} data: blob:; script-src 'nonce-${o.nonce}';">
<title>Frame statistics</title><style>${STYLE}</style></head><body>
<p>${esc(o.title)} · ${r.documents} text(s) · ${r.segments} coded segment(s) · codebook ${esc(r.codebook)}</p>
<p class="controls"><label>Frequencies per <select id="by">${groupOptions}</select></label><label>Co-occur = <select id="mode">${modes}</select></label></p>
<p class="note">Click a bar or a cell to list its segments in the Coded Segments explorer.</p>
${section('Coded segments per frame', '', 'freq', frequencyBars(r))}
${groups}
${section(`Co-occurrence of frames (${r.cooccurrence.mode})`, '', 'cooc', cooccurrenceHeatmap(r))}
${section('Coverage: share of characters coded', '', 'cov', coverageBars(r))}
<script nonce="${o.nonce}">
const vscode = acquireVsCodeApi();
const STANDALONE = ${JSON.stringify(STANDALONE_SVG_STYLE)};
document.getElementById('by').addEventListener('change', (e) => vscode.postMessage({ type: 'options', by: e.target.value }));
document.getElementById('mode').addEventListener('change', (e) => vscode.postMessage({ type: 'options', mode: e.target.value }));
document.addEventListener('click', (e) => {
  const target = e.target instanceof Element ? e.target : null;
  const save = target && target.closest('button.save');
  if (save) return saveChart(save.dataset.chart, save.dataset.format);
  const hit = target && target.closest('g.bar, g.cell');
  if (hit) vscode.postMessage({ type: 'list', frame: hit.dataset.frame, other: hit.dataset.other, group: hit.dataset.group });
});
function standalone(id) {
  const svg = document.getElementById(id).querySelector('svg').cloneNode(true);
  const box = svg.viewBox.baseVal;
  svg.setAttribute('width', box.width); svg.setAttribute('height', box.height); svg.removeAttribute('style');
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = STANDALONE;
  svg.insertBefore(style, svg.firstChild);
  return { text: '<?xml version="1.0" encoding="UTF-8"?>\\n' + new XMLSerializer().serializeToString(svg) + '\\n', width: box.width, height: box.height };
}
function saveChart(id, format) {
  const svg = standalone(id);
  if (format === 'svg') return vscode.postMessage({ type: 'save', chart: id, format, data: svg.text });
  const image = new Image();
  image.onload = () => {
    const canvas = document.createElement('canvas');
    canvas.width = svg.width * 2; canvas.height = svg.height * 2;
    const g = canvas.getContext('2d');
    g.fillStyle = '#ffffff'; g.fillRect(0, 0, canvas.width, canvas.height); g.scale(2, 2); g.drawImage(image, 0, 0);
    vscode.postMessage({ type: 'save', chart: id, format, data: canvas.toDataURL('image/png').split(',')[1] });
  };
  image.onerror = () => vscode.postMessage({ type: 'error', message: 'the chart could not be drawn as PNG' });
  image.src = 'data:image/svg+xml;base64,' + btoa(unescape(encodeURIComponent(svg.text)));
}
</script></body></html>`;
}
