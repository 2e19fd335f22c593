/**
 * The agreement report as one self-contained HTML page: a bar chart of kappa and alpha per frame (inline SVG,
 * no script, so it shows in a VS Code webview with scripts disabled, in a browser, or printed to PDF), the
 * table of coefficients, and the disagreements to discuss. Every text from the data is escaped.
 */
import type { Coefficients } from './statistics';
import type { AgreementReport, FrameAgreement } from './report';
import { esc, intervalsTable, parentsTable, unitizingTable, unitsLine } from './htmlSections';
import { COEFFICIENTS, decimals, frameName, strengthOf } from './tables';

const num = (x: number | undefined): string => decimals(x, 2);
const pct = (x: number | undefined): string => (x === undefined ? 'n/a' : `${(x * 100).toFixed(1)}%`);

const BAR_HEIGHT = 14;
const ROW = 40;
const LABEL_WIDTH = 340;
/** Longer labels are shortened in the chart (the table has them whole). */
const MAX_LABEL = 44;
const PLOT_WIDTH = 420;

/**
 * Bars for kappa (blue) and alpha (orange) of each frame, with guides at 0, 0.67 and 0.8. The scale runs from 0
 * to 1, or from -0.5 or -1 when a value is below 0: negative agreement is rare, and the usual range gets the room.
 */
function chart(rows: { name: string; c: Coefficients }[]): string {
  const height = rows.length * ROW + 40;
  const lowest = Math.min(0, ...rows.flatMap((r) => [r.c.cohenKappa ?? 0, r.c.krippendorffAlpha ?? 0]));
  const lo = lowest >= 0 ? 0 : lowest >= -0.5 ? -0.5 : -1;
  const x = (v: number): number => LABEL_WIDTH + ((Math.max(v, lo) - lo) / (1 - lo)) * PLOT_WIDTH;
  const guides = [...new Set([lo, 0, 0.67, 0.8, 1])]
    .map(
      (v) =>
        `<line x1="${x(v)}" x2="${x(v)}" y1="20" y2="${height - 10}" class="${v === 0 ? 'axis' : 'guide'}"/><text x="${x(v)}" y="14" class="tick">${v}</text>`,
    )
    .join('');
  const bar = (v: number | undefined, y: number, cls: string): string => {
    if (v === undefined) return `<text x="${x(0) + 4}" y="${y + BAR_HEIGHT - 3}" class="na">n/a</text>`;
    const from = Math.min(x(0), x(v));
    return `<rect x="${from}" y="${y}" width="${Math.max(1, Math.abs(x(v) - x(0)))}" height="${BAR_HEIGHT}" class="${cls}"/><text x="${x(Math.max(v, 0)) + 4}" y="${y + BAR_HEIGHT - 3}" class="value">${decimals(v, 2)}</text>`;
  };
  const bars = rows
    .map((r, i) => {
      const y = 24 + i * ROW;
      const short = [...r.name].length > MAX_LABEL ? `${[...r.name].slice(0, MAX_LABEL - 1).join('')}…` : r.name;
      return `<text x="${LABEL_WIDTH - 8}" y="${y + BAR_HEIGHT + 4}" class="label"><title>${esc(r.name)}</title>${esc(short)}</text>${bar(r.c.cohenKappa, y, 'kappa')}${bar(r.c.krippendorffAlpha, y + BAR_HEIGHT + 2, 'alpha')}`;
    })
    .join('');
  const width = LABEL_WIDTH + PLOT_WIDTH + 60;
  // scales down with the panel (a webview beside the editor is narrow), never up past its natural size
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Cohen's kappa and Krippendorff's alpha per frame" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px">${guides}${bars}</svg>`;
}

function tableRow(name: string, c: Coefficients, coded: string): string {
  const others = COEFFICIENTS.slice(1)
    .map(([k]) => `<td>${num(c[k])}</td>`)
    .join('');
  return `<tr><th scope="row">${esc(name)}</th><td>${c.items}</td><td>${coded}</td><td>${pct(c.percentAgreement)}</td>${others}<td>${esc(strengthOf(c.cohenKappa))}</td></tr>`;
}

function disagreements(f: FrameAgreement, limit: number): string {
  if (f.disagreements.length === 0) return '';
  const items = f.disagreements
    .slice(0, limit)
    .map(
      (d) =>
        `<li><span class="where">${esc(d.document)}:${d.line}</span> — applied by ${esc(d.appliedBy.join(', '))}<blockquote>${esc(d.text)}</blockquote></li>`,
    )
    .join('');
  const more =
    f.disagreements.length > limit
      ? `<p class="more">… and ${f.disagreements.length - limit} more (see the CSV or JSON output of <code>sovcode agreement</code>).</p>`
      : '';
  return `<h3>${esc(frameName(f))} <span class="count">${f.disagreements.length}</span></h3><ul>${items}</ul>${more}`;
}

const STYLE = `body{font-family:system-ui,sans-serif;margin:1.5em;max-width:60em;color:var(--vscode-foreground,#222);background:var(--vscode-editor-background,#fff)}
table{border-collapse:collapse;margin:1em 0;display:block;max-width:100%;overflow-x:auto}th,td{padding:.3em .7em;border-bottom:1px solid #8884;text-align:right}th[scope=row]{text-align:left}
thead th{text-align:right}thead th:first-child{text-align:left}.kappa{fill:#1f77b4}.alpha{fill:#ff7f0e}.guide{stroke:#8886;stroke-dasharray:3 3}.axis{stroke:#888}
svg text{fill:currentColor;font-size:12px}.label{text-anchor:end}.tick{text-anchor:middle;font-size:10px}.na{font-style:italic}
.legend span{display:inline-block;width:1em;height:.8em;margin:0 .3em 0 1em}blockquote{margin:.2em 0 .6em 1em;font-style:italic}
.where{font-family:monospace}.count{font-weight:normal;opacity:.7}.note{opacity:.8}`;

/** The whole report page. `title` names the workspace or folder; `generated` is shown as is. */
export function agreementHtml(
  report: AgreementReport,
  title: string,
  generated: string,
  disagreementLimit = 20,
): string {
  const rows = report.frames.map((f) => ({ name: frameName(f), c: f }));
  const excluded = report.documents.excluded.map((e) => `<li>${esc(e.document)}: ${esc(e.reason)}</li>`).join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Inter-coder agreement — ${esc(title)}</title><style>${STYLE}</style></head><body>
<h1>Inter-coder agreement</h1>
<p>${esc(title)} · coders <strong>${esc(report.coders.join(', '))}</strong> · ${report.documents.included.length} text(s) · unit: <strong>${report.unit}</strong> · ${esc(generated)}</p>
<h2>Cohen's kappa and Krippendorff's alpha per frame</h2>
<p class="legend"><span style="background:#1f77b4"></span>Cohen's kappa${report.coders.length > 2 ? ' (mean over coder pairs)' : ''}<span style="background:#ff7f0e"></span>Krippendorff's alpha (nominal). Guides at 0.67 and 0.8, the usual thresholds for tentative and reliable conclusions.</p>
${chart([...rows, { name: 'All frames (pooled)', c: report.overall }])}
<table><thead><tr><th scope="col">Frame</th><th>Units</th><th>Coded by ${esc(report.coders.join(' / '))}</th><th>Agreement</th><th>${report.coders.length > 2 ? "Light's kappa" : "Cohen's kappa"}</th><th>Fleiss' kappa</th><th>Conger's kappa</th><th>Gwet's AC1</th><th>Brennan–Prediger</th><th>Alpha</th><th>Strength (kappa)</th></tr></thead><tbody>
${report.frames.map((f) => tableRow(frameName(f), f, f.unitsCoded.join(' / '))).join('\n')}
${tableRow('All frames (pooled)', report.overall, '')}
</tbody></table>
${unitsLine(report)}
${intervalsTable(report)}
${parentsTable(report)}
${unitizingTable(report)}
<p class="note">Each ${report.unit === 'character' ? 'character' : report.unit} of a text coded by every coder is a unit; a coder applied a frame to it when one of their annotations of that frame ${report.unit === 'character' ? 'covers' : 'overlaps'} it. ${report.documents.markedDone.length > 0 ? `${report.documents.markedDone.length} text(s) count through a coder's done mark (coded, nothing applies). ` : ''}${report.unplaced > 0 ? `${report.unplaced} annotation(s) that could not be placed in their text were left out. ` : ''}Method: docs/agreement.md.</p>
${excluded ? `<h2>Texts left out</h2><ul>${excluded}</ul>` : ''}
<h2>Disagreements to discuss</h2>
${report.frames.map((f) => disagreements(f, disagreementLimit)).join('\n') || '<p>None: the coders agree on every unit.</p>'}
</body></html>
`;
}
