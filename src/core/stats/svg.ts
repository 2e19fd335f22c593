/**
 * The statistics as pictures, drawn by hand in SVG like the agreement chart: bars of frame frequencies, a
 * heatmap of co-occurrence and bars of coverage. Hand-drawn because the pictures are three simple shapes, a
 * charting library (Vega-Lite ~800 KB, Observable Plot + d3 ~300 KB) would need scripts in the webview, and the
 * same SVG is also what `sovcode stats --format svg` writes and "Save as SVG" saves. Colours are CSS classes
 * and `currentColor`, so the page's theme colours apply; each bar and cell carries `data-frame` (and
 * `data-other`, `data-group`) so that a click can list its segments. Every text from the data is escaped.
 */
import type { StatsReport } from './report';

export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const short = (s: string, n: number): string => ([...s].length > n ? `${[...s].slice(0, n - 1).join('')}…` : s);

const LABEL = 230;
const ROW = 22;
const PLOT = 360;

/** Horizontal bars: frame → count. `group` selects one group's counts (undefined: the totals). */
export function frequencyBars(r: StatsReport, group?: number): string {
  const rows = r.frequencies.frames.map((f) => ({ f, n: group === undefined ? f.count : (f.byGroup[group] ?? 0) }));
  const max = Math.max(1, ...rows.map((x) => x.n));
  const groupName = group === undefined ? '' : (r.frequencies.groups[group] ?? '');
  const height = rows.length * ROW + 10;
  const bars = rows
    .map(({ f, n }, i) => {
      const y = 5 + i * ROW;
      const w = (n / max) * PLOT;
      return (
        `<g class="bar" data-frame="${esc(f.frame)}" data-group="${esc(groupName)}"><title>${esc(f.label)}: ${n}</title>` +
        `<text x="${LABEL - 6}" y="${y + 14}" class="label">${esc(short(f.label, 32))}</text>` +
        `<rect x="${LABEL}" y="${y + 2}" width="${Math.max(n > 0 ? 1 : 0, w).toFixed(1)}" height="${ROW - 6}" class="fill"/>` +
        `<text x="${(LABEL + w + 4).toFixed(1)}" y="${y + 14}" class="value">${n}</text></g>`
      );
    })
    .join('');
  const width = LABEL + PLOT + 50;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Coded segments per frame${groupName ? ` in ${esc(groupName)}` : ''}" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px">${bars}</svg>`;
}

/** The co-occurrence matrix as a heatmap: darker is more; the number is written in each cell. */
export function cooccurrenceHeatmap(r: StatsReport): string {
  const { matrix } = r.cooccurrence;
  const n = r.frames.length;
  const cell = 30;
  const left = 230;
  const top = 150;
  const max = Math.max(1, ...matrix.flatMap((row, i) => row.filter((_v, j) => j !== i)));
  const cells = matrix
    .flatMap((row, i) =>
      row.map((v, j) => {
        const a = r.frames[i];
        const b = r.frames[j];
        const opacity = i === j ? 0.12 : 0.08 + 0.92 * (v / max);
        return (
          `<g class="cell" data-frame="${esc(a?.id ?? '')}" data-other="${esc(b?.id ?? '')}"><title>${esc(a?.label ?? '')} × ${esc(b?.label ?? '')}: ${v}</title>` +
          `<rect x="${left + j * cell}" y="${top + i * cell}" width="${cell - 2}" height="${cell - 2}" class="heat" fill-opacity="${opacity.toFixed(3)}"/>` +
          `<text x="${left + j * cell + cell / 2 - 1}" y="${top + i * cell + cell / 2 + 4}" class="count">${v}</text></g>`
        );
      }),
    )
    .join('');
  const rowLabels = r.frames
    .map(
      (f, i) =>
        `<text x="${left - 6}" y="${top + i * cell + cell / 2 + 4}" class="label">${esc(short(f.label, 32))}</text>`,
    )
    .join('');
  const colLabels = r.frames
    .map(
      (f, j) =>
        `<text transform="translate(${left + j * cell + cell / 2 + 3},${top - 6}) rotate(-55)" class="col">${esc(short(f.label, 22))}</text>`,
    )
    .join('');
  const width = left + n * cell + 20;
  const height = top + n * cell + 10;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Co-occurrence of frames (${r.cooccurrence.mode})" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px">${rowLabels}${colLabels}${cells}</svg>`;
}

/** Coverage bars: share of characters coded, per text, with the corpus total first. */
export function coverageBars(r: StatsReport): string {
  const c = r.coverage;
  const rows = [
    { name: 'all texts', coded: c.coded, of: c.characters },
    ...c.documents.map((d) => ({ name: d.document, coded: d.coded, of: d.characters })),
  ];
  const height = rows.length * ROW + 10;
  const bars = rows
    .map((x, i) => {
      const y = 5 + i * ROW;
      const s = x.of === 0 ? 0 : x.coded / x.of;
      return (
        `<g class="coverage" data-document="${esc(x.name)}"><title>${esc(x.name)}: ${x.coded} of ${x.of} characters</title>` +
        `<text x="${LABEL - 6}" y="${y + 14}" class="label">${esc(short(x.name, 32))}</text>` +
        `<rect x="${LABEL}" y="${y + 2}" width="${PLOT}" height="${ROW - 6}" class="track"/>` +
        `<rect x="${LABEL}" y="${y + 2}" width="${(s * PLOT).toFixed(1)}" height="${ROW - 6}" class="fill"/>` +
        `<text x="${LABEL + PLOT + 4}" y="${y + 14}" class="value">${(s * 100).toFixed(1)}%</text></g>`
      );
    })
    .join('');
  const width = LABEL + PLOT + 60;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Share of characters coded" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px">${bars}</svg>`;
}

/** Styles the SVGs need when they stand alone (a saved file, `--format svg`): the webview has its own. */
export const STANDALONE_SVG_STYLE =
  'text{font:12px system-ui,sans-serif;fill:#222}.label{text-anchor:end}.col{font-size:11px}.count{text-anchor:middle;font-size:10px}.fill{fill:#1f77b4}.track{fill:#8882}.heat{fill:#1f77b4}';

/** One standalone SVG file: the picture with its styles inlined. */
export function standaloneSvg(svg: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg.replace(/^<svg([^>]*)>/, `<svg$1><style>${STANDALONE_SVG_STYLE}</style>`)}\n`;
}
