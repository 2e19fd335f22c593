/**
 * `sovcode export`: the coded segments of sidecar files as the analysts' CSV or a REFI-QDA project (.qdpx),
 * or the codebook as a REFI-QDA codebook (.qdc). A sidecar with an error is never
 * exported in part (that would drop coding decisions without a word): the export stops and names file and line.
 */
import { extname } from 'node:path';
import { qdpxBytes } from '../core/export/qdpx';
import { buildRefiQdaProject, codebookToQdc } from '../core/export/refiQda';
import { codedSegments } from '../core/documents';
import { segmentsCsvChunks } from '../core/export/segmentsCsv';
import type { Problem } from '../core/input';
import { findWorkspaceCodebook, loadUsableCodebook, shippedCodebookPath } from './codebookFile';
import { readCodedDocuments } from './codedDocuments';
import { CliError } from './errors';
import { CLI_VERSION } from './version';
import { commitsOf, inWorkspace, textDates, workspaceRoot } from './exportFacts';

export type ExportFormat = 'csv' | 'qdpx' | 'qdc';

export interface ExportResult {
  /** Text (.qdc XML), CSV as consecutive pieces (written one by one, never joined), or bytes (.qdpx zip). */
  data: string | readonly string[] | Uint8Array;
  /** What was written, for the message on stderr. */
  summary: string;
  /** Warnings (an unknown frame, a missing source) printed to stderr; the export still holds every annotation. */
  warnings: Problem[];
  /** Every file the export read (sidecars, their sources, the codebook): --output may not name one of them. */
  inputs: string[];
}

const FORMATS: readonly ExportFormat[] = ['csv', 'qdpx', 'qdc'];

/** Spreadsheet formats an analyst may name, which we do not write: CSV in a file named .xlsx would not open. */
const SPREADSHEET_EXTENSIONS = ['.xlsx', '.xls', '.xlsm', '.ods', '.numbers'];

function exportFormat(format: string | undefined, output: string | undefined): ExportFormat {
  const ext = output === undefined ? '' : extname(output).toLowerCase();
  if (SPREADSHEET_EXTENSIONS.includes(ext)) {
    throw new CliError(
      `cannot write ${output}: sovcode export writes CSV, not ${ext} spreadsheets; name the file .csv (Excel, LibreOffice and Numbers open it)`,
    );
  }
  const f = format ?? (ext === '.qdpx' ? 'qdpx' : ext === '.qdc' ? 'qdc' : 'csv');
  if (!(FORMATS as readonly string[]).includes(f))
    throw new CliError(`unknown --format '${f}' for export: use csv, qdpx or qdc`);
  if (f !== 'csv' && output === undefined) throw new CliError(`--format ${f} writes a file: name it with --output`);
  // a REFI-QDA file is named by its standard extension, which the QDA tools look for in their open dialogs
  if (f !== 'csv' && ext !== `.${f}`)
    throw new CliError(`--format ${f} writes a .${f} file: name the output ${output ?? ''}.${f}, not ${output ?? ''}`);
  return f as ExportFormat;
}

/** The exporting program and its version, for REFI-QDA's `origin`. */
const ORIGIN = `Sovereignty Coder ${CLI_VERSION}`;

export function exportSegments(
  paths: readonly string[],
  codebookPath: string | undefined,
  format: string | undefined,
  output?: string,
  options: { neutralize?: boolean } = {},
): ExportResult {
  const chosen = exportFormat(format, output);
  if (chosen === 'qdc') {
    const path = codebookPath ?? findWorkspaceCodebook(paths[0] ?? '.') ?? shippedCodebookPath();
    const book = loadUsableCodebook(path);
    return {
      data: codebookToQdc(book, ORIGIN),
      summary: `codebook '${book.id}' (${book.frames.length} frames)`,
      warnings: [],
      inputs: [path],
    };
  }
  const { codebook, documents: readable, problems, inputs } = readCodedDocuments(paths, codebookPath, 'exported');
  const segments = codedSegments(codebook, readable);
  if (chosen === 'csv')
    return {
      data: segmentsCsvChunks(segments, readable, codebook, {
        neutralize: options.neutralize,
        sidecarCommits: commitsOf(readable),
      }),
      summary: `${segments.length} segment(s)`,
      warnings: problems,
      inputs,
    };
  const root = workspaceRoot(readable);
  const documents = inWorkspace(readable, root);
  const project = buildRefiQdaProject(codebook, documents, {
    projectName: 'Sovereignty Coder export',
    origin: ORIGIN,
    textDates: textDates(documents, root),
  });
  const duplicates =
    project.duplicates > 0
      ? `; ${project.duplicates} duplicate annotation(s) (same frame, span and coder as another) written as separate selections, of which QualCoder keeps one: see sovcode validate`
      : '';
  return {
    data: qdpxBytes(project),
    summary: `${project.selections} coded selection(s) and ${project.notes} unplaced annotation(s) as notes, ${readable.length} file(s)${duplicates}`,
    warnings: problems,
    inputs,
  };
}
