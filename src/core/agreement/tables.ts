/**
 * The agreement report as a table for the terminal and as CSV (docs/agreement.md): per frame, per parent frame
 * and pooled, every coefficient, then the 95% intervals, alpha at each unit of analysis and the unitizing alphas
 * over span boundaries. The CSV keeps its first columns as they were (scripts read them by name) and appends the
 * new ones after them.
 */
import { toCsv, type CsvValue } from '../csv';
import type { AgreementReport, FrameAgreement, ParentAgreement } from './report';
import type { Coefficients, Estimate } from './statistics';
import { AGREEMENT_UNITS } from './units';

/** `digits` decimals, n/a for undefined; a value that rounds to zero is written 0.000, never -0.000. */
export function decimals(x: number | undefined, digits = 3): string {
  if (x === undefined) return 'n/a';
  return (Math.abs(x) < 0.5 * 10 ** -digits ? 0 : x).toFixed(digits);
}
const fixed = (x: number | undefined): string => decimals(x);
const percent = (x: number | undefined): string => (x === undefined ? 'n/a' : `${(x * 100).toFixed(1)}%`);

/** Landis & Koch's labels, the ones reviewers expect beside a kappa. */
export function strengthOf(k: number | undefined): string {
  if (k === undefined) return 'undefined (no variation)';
  if (k < 0) return 'poor';
  if (k <= 0.2) return 'slight';
  if (k <= 0.4) return 'fair';
  if (k <= 0.6) return 'moderate';
  if (k <= 0.8) return 'substantial';
  return 'almost perfect';
}

/** The coefficients in the order every table shows them. */
export const COEFFICIENTS = [
  ['percentAgreement', 'agreement'],
  ['cohenKappa', 'kappa'],
  ['fleissKappa', 'fleiss'],
  ['congerKappa', 'conger'],
  ['gwetAC1', 'AC1'],
  ['brennanPrediger', 'BP'],
  ['krippendorffAlpha', 'alpha'],
] as const;

/** The intervals in the order the tables show them, with their names for people. */
export const INTERVALS = [
  ['percentAgreement', 'Percent agreement'],
  ['fleissKappa', "Fleiss' kappa"],
  ['congerKappa', "Conger's kappa"],
  ['gwetAC1', "Gwet's AC1"],
  ['brennanPrediger', 'Brennan–Prediger'],
  ['krippendorffAlpha', "Krippendorff's alpha"],
] as const;

export function frameName(f: FrameAgreement): string {
  return f.label ?? `${f.frame} (not in the codebook)`;
}

/** "0.712 [0.650, 0.774]", or n/a. */
export function withInterval(e: Estimate): string {
  if (e.value === undefined) return 'n/a';
  return e.low === undefined || e.high === undefined
    ? fixed(e.value)
    : `${fixed(e.value)} [${fixed(e.low)}, ${fixed(e.high)}]`;
}

/** Alpha's bootstrap interval with how it was drawn, or n/a. */
export function bootstrapText(c: Coefficients): string {
  const b = c.intervals.krippendorffAlphaBootstrap;
  if (!b) return 'n/a';
  return `[${fixed(b.low)}, ${fixed(b.high)}] (${b.resamples} resamples, seed ${b.seed}; P(α < 0.667) = ${fixed(b.belowTentative)}, P(α < 0.8) = ${fixed(b.belowReliable)})`;
}

/** The unitizing section: per frame |uα, cuα and the 1995/2004 uα, then the overall figures. */
function unitizingLines(r: AgreementReport): string[] {
  const u = r.unitizing;
  const names = u.frames.map((f, i) => (r.frames[i] ? frameName(r.frames[i]) : f.frame));
  const width = Math.max(5, ...names.map((n) => [...n].length));
  const line = (cells: string[]): string =>
    `  ${cells[0]?.padEnd(width)}  ${cells
      .slice(1)
      .map((c) => c.padStart(9))
      .join('  ')}`;
  const o = u.overall;
  return [
    `Unitizing (span boundaries): Krippendorff's alpha over ${u.continuum} code points of ${u.texts} text(s):`,
    line(['frame', 'coded', '|uα', 'cuα', 'uα 2004']),
    ...u.frames.map((f, i) =>
      line([
        names[i] ?? f.frame,
        f.coded.join('/'),
        fixed(f.binary.alpha),
        fixed(f.coding.alpha),
        fixed(f.positional.alpha),
      ]),
    ),
    `  all frames: uα ${fixed(o.alpha.alpha)}, |uα ${fixed(o.binary.alpha)}, Cuα ${fixed(o.coding.alpha)}, uα 2004 ${fixed(o.positional.alpha)}`,
    '  (|uα: spans vs gaps; cuα/Cuα: which frame, where coders both coded; uα 2004: the 1995/2004 positional form)',
  ];
}

export function textTable(r: AgreementReport): string {
  const rows: [string, Coefficients, string, string][] = [
    ...r.frames.map((f): [string, Coefficients, string, string] => [
      frameName(f),
      f,
      f.unitsCoded.join('/'),
      String(f.disagreements.length),
    ]),
    ...r.parents.map((p): [string, Coefficients, string, string] => [
      `${p.label} (and below)`,
      p,
      p.unitsCoded.join('/'),
      '',
    ]),
    ['All frames (pooled)', r.overall, '', ''],
  ];
  const width = Math.max(5, ...rows.map(([n]) => [...n].length));
  const line = (cells: string[]): string =>
    `${cells[0]?.padEnd(width)}  ${cells
      .slice(1)
      .map((c) => c.padStart(9))
      .join('  ')}`;
  const o = r.overall.intervals;
  return [
    `coders: ${r.coders.join(', ')}; texts: ${r.documents.included.length}; unit: ${r.unit}${r.unplaced > 0 ? `; ${r.unplaced} unplaced annotation(s) left out` : ''}`,
    ...r.documents.excluded.map((e) => `left out: ${e.document} (${e.reason})`),
    ...r.documents.markedDone.map(
      (d) => `counted by done mark: ${d.document} (${d.coders.join(', ')}: coded, nothing applies)`,
    ),
    '',
    line(['frame', 'units', 'coded', ...COEFFICIENTS.map(([, h]) => h), 'disagree']),
    ...rows.map(([name, c, coded, disagree]) =>
      line([
        name,
        String(c.items),
        coded,
        percent(c.percentAgreement),
        ...COEFFICIENTS.slice(1).map(([k]) => fixed(c[k])),
        disagree,
      ]),
    ),
    '',
    'All frames (pooled), 95% intervals (analytic, as irrCAC):',
    ...INTERVALS.map(([k, name]) => `  ${name.padEnd(22)} ${withInterval(o[k])}`),
    `  ${'alpha, bootstrap'.padEnd(22)} ${bootstrapText(r.overall)}`,
    `alpha by unit (pooled): ${AGREEMENT_UNITS.map((u) => `${u} ${fixed(r.alphaByUnit[u])}`).join(', ')}`,
    `kappa ${fixed(r.overall.cohenKappa)} overall: ${strengthOf(r.overall.cohenKappa)} (Landis & Koch)`,
    '',
    ...unitizingLines(r),
    '',
  ].join('\n');
}

const INTERVAL_COLUMNS = INTERVALS.flatMap(([k]) => [`${k}_se`, `${k}_low`, `${k}_high`]);

/** The unitizing columns of a row: a frame's own figures, the overall ones for the pooled row, none for a parent. */
function unitizingCells(r: AgreementReport, level: string, frame: string): CsvValue[] {
  const f = level === 'frame' ? r.unitizing.frames.find((u) => u.frame === frame) : undefined;
  if (f) return [f.binary.alpha, f.binary.alpha, f.coding.alpha, f.positional.alpha];
  const o = r.unitizing.overall;
  if (level === 'pooled') return [o.alpha.alpha, o.binary.alpha, o.coding.alpha, o.positional.alpha];
  return [undefined, undefined, undefined, undefined];
}

function appended(r: AgreementReport, c: Coefficients, level: string, frame: string): CsvValue[] {
  const b = c.intervals.krippendorffAlphaBootstrap;
  return [
    level,
    r.unit,
    c.fleissKappa,
    c.congerKappa,
    c.gwetAC1,
    c.brennanPrediger,
    ...INTERVALS.flatMap(([k]) => [c.intervals[k].se, c.intervals[k].low, c.intervals[k].high]),
    b?.low,
    b?.high,
    ...unitizingCells(r, level, frame),
  ];
}

export function csvTable(r: AgreementReport): string {
  const header = [
    'frame_id',
    'frame_label',
    'units',
    ...r.coders.map((c) => `units_coded_${c}`),
    'percent_agreement',
    'cohen_kappa',
    'krippendorff_alpha',
    'disagreements',
    // appended columns (the ones above keep their places)
    'level',
    'unit',
    'fleiss_kappa',
    'conger_kappa',
    'gwet_ac1',
    'brennan_prediger',
    ...INTERVAL_COLUMNS.map((c) => c.replace(/[A-Z]/g, (x) => `_${x.toLowerCase()}`)),
    'krippendorff_alpha_bootstrap_low',
    'krippendorff_alpha_bootstrap_high',
    // unitizing over span boundaries: for a frame, uα and |uα are both the frame against the gaps
    'unitizing_u_alpha',
    'unitizing_binary_u_alpha',
    'unitizing_cu_alpha',
    'unitizing_u_alpha_2004',
  ];
  const row = (
    id: string,
    label: string | undefined,
    c: Coefficients,
    coded: (number | undefined)[],
    disagreements: number | undefined,
    level: string,
  ): CsvValue[] => [
    id,
    label,
    c.items,
    ...coded,
    c.percentAgreement,
    c.cohenKappa,
    c.krippendorffAlpha,
    disagreements,
    ...appended(r, c, level, id),
  ];
  const rows = [
    ...r.frames.map((f) => row(f.frame, f.label, f, f.unitsCoded, f.disagreements.length, 'frame')),
    ...r.parents.map((p: ParentAgreement) => row(p.frame, p.label, p, p.unitsCoded, undefined, 'parent')),
    row(
      '(all)',
      'All frames (pooled)',
      r.overall,
      r.coders.map(() => undefined),
      undefined,
      'pooled',
    ),
  ];
  return toCsv(header, rows);
}
