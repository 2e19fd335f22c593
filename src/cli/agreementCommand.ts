/**
 * `sovcode agreement`: inter-coder agreement of the coders in annotation files (docs/agreement.md), as a
 * table for the terminal, JSON or CSV for further analysis, or an HTML report with charts.
 */
import { agreementHtml, strengthOf } from '../core/agreement/html';
import { agreementReport, type AgreementReport } from '../core/agreement/report';
import type { Coefficients } from '../core/agreement/statistics';
import type { Codebook } from '../core/codebook';
import { toCsv } from '../core/export/csv';
import type { CodedDocument } from '../core/documents';
import type { Problem } from '../core/input';
import { readCodedDocuments } from './codedDocuments';
import { CliError } from './errors';
import { findWorkspaceCodebook, loadUsableCodebook, shippedCodebookPath } from './codebookFile';
import { revisionDocuments } from './revisionDocuments';

const FORMATS = ['text', 'json', 'csv', 'html'] as const;
type AgreementFormat = (typeof FORMATS)[number];

const fixed = (x: number | undefined): string => (x === undefined ? 'n/a' : x.toFixed(3));

function textTable(r: AgreementReport): string {
  const rows: [string, Coefficients, string, string][] = [
    ...r.frames.map((f): [string, Coefficients, string, string] => [
      f.label ?? `${f.frame} (not in codebook)`,
      f,
      f.unitsCoded.join('/'),
      String(f.disagreements.length),
    ]),
    ['All frames (pooled)', r.overall, '', ''],
  ];
  const width = Math.max(5, ...rows.map(([n]) => [...n].length));
  const line = (cells: string[]): string =>
    `${cells[0]?.padEnd(width)}  ${cells
      .slice(1)
      .map((c) => c.padStart(9))
      .join('  ')}`;
  return [
    `coders: ${r.coders.join(', ')}; texts: ${r.documents.included.length}; unit: sentence${r.unplaced > 0 ? `; ${r.unplaced} unplaced annotation(s) left out` : ''}`,
    ...r.documents.excluded.map((e) => `left out: ${e.document} (${e.reason})`),
    '',
    line(['frame', 'units', 'coded', 'agreement', 'kappa', 'alpha', 'disagree']),
    ...rows.map(([name, c, coded, disagree]) =>
      line([
        name,
        String(c.items),
        coded,
        c.percentAgreement === undefined ? 'n/a' : `${(c.percentAgreement * 100).toFixed(1)}%`,
        fixed(c.cohenKappa),
        fixed(c.krippendorffAlpha),
        disagree,
      ]),
    ),
    '',
    `kappa ${fixed(r.overall.cohenKappa)} overall: ${strengthOf(r.overall.cohenKappa)} (Landis & Koch)`,
    '',
  ].join('\n');
}

function csvTable(r: AgreementReport): string {
  const header = [
    'frame_id',
    'frame_label',
    'units',
    ...r.coders.map((c) => `units_coded_${c}`),
    'percent_agreement',
    'cohen_kappa',
    'krippendorff_alpha',
    'disagreements',
  ];
  const rows = [
    ...r.frames.map((f) => [
      f.frame,
      f.label,
      f.items,
      ...f.unitsCoded,
      f.percentAgreement,
      f.cohenKappa,
      f.krippendorffAlpha,
      f.disagreements.length,
    ]),
    [
      '(all)',
      'All frames (pooled)',
      r.overall.items,
      ...r.coders.map(() => undefined),
      r.overall.percentAgreement,
      r.overall.cohenKappa,
      r.overall.krippendorffAlpha,
      undefined,
    ],
  ];
  return toCsv(header, rows);
}

/** The report as text in the format asked for, with the files it read (for --output) and the readers' warnings. */
export function agreementOutput(
  paths: readonly string[],
  options: { codebook?: string; coders?: string; format?: string; rev?: string[] },
): { text: string; inputs: string[]; warnings: Problem[] } {
  const format = (options.format ?? 'text') as AgreementFormat;
  if (!FORMATS.includes(format))
    throw new CliError(`unknown --format '${format}' for agreement: use ${FORMATS.join(', ')}`);
  if (options.rev !== undefined) {
    // Read from Git revisions (blind coding on branches): no working-tree file is an input.
    const { documents, top } = revisionDocuments(options.rev, paths);
    const codebook = loadUsableCodebook(
      options.codebook ?? findWorkspaceCodebook(paths[0] ?? top) ?? shippedCodebookPath(),
    );
    return { text: formatted(report(codebook, documents, options.coders), format, paths), inputs: [], warnings: [] };
  }
  const { codebook, documents, inputs, problems } = readCodedDocuments(paths, options.codebook, 'computed');
  return { text: formatted(report(codebook, documents, options.coders), format, paths), inputs, warnings: problems };
}

function report(codebook: Codebook, documents: CodedDocument[], coderList: string | undefined): AgreementReport {
  const coders = coderList
    ?.split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  try {
    return agreementReport(codebook, documents, coders);
  } catch (e) {
    if (e instanceof RangeError) throw new CliError(e.message);
    throw e;
  }
}

function formatted(report: AgreementReport, format: AgreementFormat, paths: readonly string[]): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'csv') return csvTable(report);
  if (format === 'html') return agreementHtml(report, paths.join(', ') || '.', new Date().toISOString().slice(0, 10));
  return textTable(report);
}
