/**
 * Sections of the agreement page beyond the chart and the main table: the 95% intervals of every coefficient
 * per frame and pooled (analytic, as irrCAC, and alpha's bootstrap), the parent frames of the hierarchy,
 * alpha at each unit of analysis, and the unitizing alphas over span boundaries. Plain HTML, every text from
 * the data escaped.
 */
import type { AgreementReport } from './report';
import type { Coefficients } from './statistics';
import { decimals, frameName, INTERVALS, withInterval } from './tables';
import { AGREEMENT_UNITS } from './units';

export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (x: number | undefined): string => decimals(x);

function bootstrapCell(c: Coefficients): string {
  const b = c.intervals.krippendorffAlphaBootstrap;
  return b ? `[${num(b.low)}, ${num(b.high)}]` : 'n/a';
}

/** One row per frame and one pooled: each coefficient with its interval. */
export function intervalsTable(r: AgreementReport): string {
  const rows = [...r.frames.map((f) => ({ name: frameName(f), c: f })), { name: 'All frames (pooled)', c: r.overall }];
  const head = INTERVALS.map(([, name]) => `<th>${esc(name)}</th>`).join('');
  const body = rows
    .map(
      ({ name, c }) =>
        `<tr><th scope="row">${esc(name)}</th>${INTERVALS.map(([k]) => `<td>${withInterval(c.intervals[k])}</td>`).join('')}<td>${bootstrapCell(c)}</td></tr>`,
    )
    .join('\n');
  const b = r.overall.intervals.krippendorffAlphaBootstrap;
  const seed = b
    ? ` (${b.resamples} resamples, seed ${b.seed}; pooled: P(α < 0.667) = ${num(b.belowTentative)}, P(α < 0.8) = ${num(b.belowReliable)})`
    : '';
  return `<h2>95% confidence intervals</h2>
<table class="intervals"><thead><tr><th scope="col">Frame</th>${head}<th>Alpha, bootstrap</th></tr></thead><tbody>
${body}
</tbody></table>
<p class="note">Analytic standard errors and t intervals as irrCAC reports them (Gwet 2014); alpha's bootstrap by Krippendorff's algorithm${seed}.</p>`;
}

/** Parent frames: a unit counts as coded with the parent when a coder applied it or any frame below it. */
export function parentsTable(r: AgreementReport): string {
  if (r.parents.length === 0) return '';
  const rows = r.parents
    .map(
      (p) =>
        `<tr><th scope="row">${esc(p.label)}</th><td>${esc(p.covers.join(', '))}</td><td>${p.unitsCoded.join(' / ')}</td><td>${num(p.percentAgreement)}</td><td>${num(p.congerKappa)}</td><td>${num(p.gwetAC1)}</td><td>${withInterval(p.intervals.krippendorffAlpha)}</td></tr>`,
    )
    .join('\n');
  return `<h2>Parent frames (each with the frames below it)</h2>
<table><thead><tr><th scope="col">Parent frame</th><th>Frames used below it</th><th>Coded</th><th>Agreement</th><th>Conger's kappa</th><th>Gwet's AC1</th><th>Alpha [95%]</th></tr></thead><tbody>
${rows}
</tbody></table>`;
}

/** Pooled alpha at every unit of analysis, the report's own unit marked. */
export function unitsLine(r: AgreementReport): string {
  const cells = AGREEMENT_UNITS.map(
    (u) => `${u === r.unit ? '<strong>' : ''}${u}: ${num(r.alphaByUnit[u])}${u === r.unit ? '</strong>' : ''}`,
  ).join(' · ');
  return `<p class="units">Krippendorff's alpha, all frames pooled, by unit of analysis: ${cells}</p>`;
}

/** Krippendorff's unitizing alphas over the span boundaries: per frame, then all frames. */
export function unitizingTable(r: AgreementReport): string {
  const u = r.unitizing;
  const rows = u.frames
    .map((f, i) => {
      const name = r.frames[i] ? frameName(r.frames[i]) : f.frame;
      return `<tr><th scope="row">${esc(name)}</th><td>${f.coded.join(' / ')}</td><td>${num(f.binary.alpha)}</td><td>${num(f.binary.alpha)}</td><td>${num(f.coding.alpha)}</td><td>${num(f.positional.alpha)}</td></tr>`;
    })
    .join('\n');
  const o = u.overall;
  return `<h2>Unitizing (span boundaries)</h2>
<table class="unitizing"><thead><tr><th scope="col">Frame</th><th>Code points coded by ${esc(r.coders.join(' / '))}</th><th>uα</th><th>|uα (spans vs gaps)</th><th>cuα / Cuα (which frame)</th><th>uα, 1995/2004 form</th></tr></thead><tbody>
${rows}
<tr><th scope="row">All frames</th><td></td><td>${num(o.alpha.alpha)}</td><td>${num(o.binary.alpha)}</td><td>${num(o.coding.alpha)}</td><td>${num(o.positional.alpha)}</td></tr>
</tbody></table>
<p class="note">Krippendorff's unitizing alpha compares where the coders' spans begin and end, over the ${u.continuum} code points of the ${u.texts} text(s) (Krippendorff, Mathet, Bouvry &amp; Widlöcher 2016; the last column in the form of Krippendorff 1995/2004). For a frame, uα and |uα are its spans against the gaps; cuα is whether it or another frame was applied where the coders' spans meet; for all frames, uα takes the frames and the gaps as values, |uα any frame against the gaps, and Cuα which frames, where coders' spans meet. n/a: nothing varies.</p>`;
}
