/**
 * The statistics report as tables for people and programs: aligned text for the terminal, one tidy CSV (long
 * format: table, frame, group, value — what R and pandas pivot most easily) and JSON. Counts are integers;
 * shares are fractions with four decimals in CSV and JSON and percentages in the text table.
 */
import { toCsv, type CsvValue } from '../csv';
import type { StatsReport } from './report';

const share = (part: number, whole: number): number | undefined => (whole === 0 ? undefined : part / whole);
const pct = (x: number | undefined): string => (x === undefined ? 'n/a' : `${(x * 100).toFixed(1)}%`);
const round4 = (x: number | undefined): number | undefined =>
  x === undefined ? undefined : Math.round(x * 10000) / 10000;

function align(rows: readonly (readonly string[])[]): string {
  const widths = rows.reduce<number[]>((w, r) => r.map((c, i) => Math.max(w[i] ?? 0, [...c].length)), []);
  return rows
    .map((r) =>
      r
        .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function statsText(r: StatsReport): string {
  const f = r.frequencies;
  const freq = [
    ['frame', 'segments', ...f.groups],
    ...f.frames.map((x) => [x.label, String(x.count), ...x.byGroup.map(String)]),
    ['all frames', String(f.total), ...f.groupTotals.map(String)],
  ];
  const labels = r.frames.map((x) => x.id);
  const co = [['', ...labels], ...r.cooccurrence.matrix.map((row, i) => [labels[i] ?? '', ...row.map(String)])];
  const cov = r.coverage;
  const coverage = [
    ['text', 'characters', 'coded', 'share'],
    ...cov.documents.map((d) => [d.document, String(d.characters), String(d.coded), pct(share(d.coded, d.characters))]),
    ['all texts', String(cov.characters), String(cov.coded), pct(share(cov.coded, cov.characters))],
  ];
  const perFrame = [
    ['frame', 'coded', 'share'],
    ...r.frames.map((x) => [
      x.label,
      String(cov.byFrame[x.id] ?? 0),
      pct(share(cov.byFrame[x.id] ?? 0, cov.characters)),
    ]),
  ];
  return [
    `codebook ${r.codebook}; ${r.documents} text(s); ${r.segments} coded segment(s)`,
    '',
    `Frequencies${f.groupBy === undefined ? '' : ` by ${f.groupBy}`}`,
    align(freq),
    '',
    `Co-occurrence (${r.cooccurrence.mode})`,
    align(co),
    '',
    'Coverage (share of characters coded)',
    align(coverage),
    '',
    align(perFrame),
    '',
  ].join('\n');
}

export const STATS_CSV_COLUMNS = ['table', 'frame_id', 'frame_label', 'other_frame_id', 'group', 'value'] as const;

/** One row per number: `frequency` (group '' is the total), `cooccurrence`, `coverage_text`, `coverage_frame`. */
export function statsCsv(r: StatsReport): string {
  const rows: CsvValue[][] = [];
  const f = r.frequencies;
  for (const x of f.frames) {
    rows.push(['frequency', x.frame, x.label, undefined, '', x.count]);
    x.byGroup.forEach((n, i) => rows.push(['frequency', x.frame, x.label, undefined, f.groups[i], n]));
  }
  r.cooccurrence.matrix.forEach((row, i) =>
    row.forEach((n, j) => {
      const a = r.frames[i];
      rows.push(['cooccurrence', a?.id, a?.label, r.frames[j]?.id, r.cooccurrence.mode, n]);
    }),
  );
  for (const d of r.coverage.documents)
    rows.push(['coverage_text', undefined, undefined, undefined, d.document, round4(share(d.coded, d.characters))]);
  for (const x of r.frames)
    rows.push([
      'coverage_frame',
      x.id,
      x.label,
      undefined,
      '',
      round4(share(r.coverage.byFrame[x.id] ?? 0, r.coverage.characters)),
    ]);
  return toCsv(STATS_CSV_COLUMNS, rows);
}

export function statsJson(r: StatsReport): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}
