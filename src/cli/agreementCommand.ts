/**
 * `sovcode agreement`: inter-coder agreement of the coders in annotation files (docs/agreement.md), as a
 * table for the terminal, JSON or CSV for further analysis, or an HTML report with charts.
 */
import { agreementHtml } from '../core/agreement/html';
import { agreementReport, type AgreementReport } from '../core/agreement/report';
import { csvTable, textTable } from '../core/agreement/tables';
import { AGREEMENT_UNITS, type AgreementUnit } from '../core/agreement/units';
import type { Codebook } from '../core/codebook';
import type { CodedDocument } from '../core/documents';
import type { Problem } from '../core/input';
import { readCodedDocuments } from './codedDocuments';
import { CliError } from './errors';
import { findWorkspaceCodebook, loadUsableCodebook, shippedCodebookPath } from './codebookFile';
import { revisionDocuments } from './revisionDocuments';

const FORMATS = ['text', 'json', 'csv', 'html'] as const;
type AgreementFormat = (typeof FORMATS)[number];

/** The report as text in the format asked for, with the files it read (for --output) and the readers' warnings. */
export function agreementOutput(
  paths: readonly string[],
  options: { codebook?: string; coders?: string; format?: string; rev?: string[]; unit?: string },
): { text: string; inputs: string[]; warnings: Problem[] } {
  const format = (options.format ?? 'text') as AgreementFormat;
  if (!FORMATS.includes(format))
    throw new CliError(`unknown --format '${format}' for agreement: use ${FORMATS.join(', ')}`);
  const unit = (options.unit ?? 'sentence') as AgreementUnit;
  if (!AGREEMENT_UNITS.includes(unit))
    throw new CliError(`unknown --unit '${unit}' for agreement: use ${AGREEMENT_UNITS.join(', ')}`);
  if (options.rev !== undefined) {
    // Read from Git revisions (blind coding on branches): no working-tree file is an input.
    const { documents, top } = revisionDocuments(options.rev, paths);
    const codebook = loadUsableCodebook(
      options.codebook ?? findWorkspaceCodebook(paths[0] ?? top) ?? shippedCodebookPath(),
    );
    return {
      text: formatted(report(codebook, documents, options.coders, unit), format, paths),
      inputs: [],
      warnings: [],
    };
  }
  const { codebook, documents, inputs, problems } = readCodedDocuments(paths, options.codebook, 'computed');
  return {
    text: formatted(report(codebook, documents, options.coders, unit), format, paths),
    inputs,
    warnings: problems,
  };
}

function report(
  codebook: Codebook,
  documents: CodedDocument[],
  coderList: string | undefined,
  unit: AgreementUnit,
): AgreementReport {
  const coders = coderList
    ?.split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  try {
    return agreementReport(codebook, documents, coders, { unit });
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
