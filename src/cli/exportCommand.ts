/**
 * `sovcode export`: the coded segments of sidecar files as the analysts' CSV or a REFI-QDA project (.qdpx),
 * or the codebook as a REFI-QDA codebook (.qdc). A sidecar with an error is never
 * exported in part (that would drop coding decisions without a word): the export stops and names file and line.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, relative, sep, extname } from 'node:path';
import type { Codebook } from '../core/codebook';
import { qdpxBytes } from '../core/export/qdpx';
import { buildRefiQdaProject, codebookToQdc, xsdDateTime } from '../core/export/refiQda';
import { codedSegments, type CodedDocument } from '../core/documents';
import { segmentsToCsv } from '../core/export/segmentsCsv';
import { formatProblem, hasErrors, type Problem } from '../core/input';
import { isSidecarPath, parseSidecar, sidecarPathFor, sourcePathFor } from '../core/sidecar';
import { canonicalText } from '../core/text';
import { CliError, findWorkspaceCodebook, loadCodebookFile, readTextFile, shippedCodebookPath } from './codebookFile';
import { filesToValidate } from './validateCommand';
import { CLI_VERSION } from './version';

export type ExportFormat = 'csv' | 'qdpx' | 'qdc';

export interface ExportResult {
  /** Text (CSV, .qdc XML) or bytes (.qdpx zip). */
  data: string | Uint8Array;
  /** What was written, for the message on stderr. */
  summary: string;
  /** Warnings (an unknown frame, a missing source) printed to stderr; the export still holds every annotation. */
  warnings: Problem[];
}

const FORMATS: readonly ExportFormat[] = ['csv', 'qdpx', 'qdc'];

/** The sidecars meant by the paths: sidecars as they are, a source file's sidecar, every sidecar below a folder. */
export function sidecarsFor(paths: readonly string[]): string[] {
  const found = (paths.length > 0 ? paths : ['.']).flatMap((p) => {
    if (isSidecarPath(p)) return [p];
    if (existsSync(p) && statSync(p).isDirectory()) return filesToValidate(p).filter(isSidecarPath);
    const sidecar = sidecarPathFor(p);
    if (!existsSync(p) && !existsSync(sidecar)) throw new CliError(`${p}: no such file`);
    if (!existsSync(sidecar)) throw new CliError(`${p}: has no annotation file (${sidecar})`);
    return [sidecar];
  });
  return [...new Set(found)];
}

/** The path an analyst sees in the `document` column: relative to the current folder, with '/'. */
function documentPath(source: string): string {
  const rel = relative(process.cwd(), source);
  return (rel === '' || rel.startsWith('..') ? source : rel).split(sep).join('/');
}

function readDocument(sidecarFile: string, problems: Problem[]): CodedDocument | undefined {
  const parsed = parseSidecar(readTextFile(sidecarFile), sidecarFile);
  problems.push(...parsed.problems);
  if (!parsed.sidecar || parsed.readOnly) return undefined;
  const source = sourcePathFor(sidecarFile) as string;
  const text = existsSync(source) ? canonicalText(readTextFile(source)) : undefined;
  if (text === undefined) {
    problems.push({ file: sidecarFile, line: 1, column: 1, severity: 'warning', message: `source ${documentPath(source)} not found: its segments are exported with status source-missing` });
  }
  return { path: documentPath(source), text, annotations: parsed.sidecar.annotations };
}

/** Spreadsheet formats an analyst may name, which we do not write: CSV in a file named .xlsx would not open. */
const SPREADSHEET_EXTENSIONS = ['.xlsx', '.xls', '.xlsm', '.ods', '.numbers'];

function exportFormat(format: string | undefined, output: string | undefined): ExportFormat {
  const ext = output === undefined ? '' : extname(output).toLowerCase();
  if (SPREADSHEET_EXTENSIONS.includes(ext)) {
    throw new CliError(`cannot write ${output}: sovcode export writes CSV, not ${ext} spreadsheets; name the file .csv (Excel, LibreOffice and Numbers open it)`);
  }
  const f = format ?? (ext === '.qdpx' ? 'qdpx' : ext === '.qdc' ? 'qdc' : 'csv');
  if (!(FORMATS as readonly string[]).includes(f)) throw new CliError(`unknown --format '${f}' for export: use csv, qdpx or qdc`);
  if (f !== 'csv' && output === undefined) throw new CliError(`--format ${f} writes a file: name it with --output`);
  // a REFI-QDA file is named by its standard extension, which the QDA tools look for in their open dialogs
  if (f !== 'csv' && ext !== `.${f}`) throw new CliError(`--format ${f} writes a .${f} file: name the output ${output ?? ''}.${f}, not ${output ?? ''}`);
  return f as ExportFormat;
}

/** The exporting program and its version, for REFI-QDA's `origin`. */
const ORIGIN = `Sovereignty Coder ${CLI_VERSION}`;

export function exportSegments(paths: readonly string[], codebookPath: string | undefined, format: string | undefined, output?: string): ExportResult {
  const chosen = exportFormat(format, output);
  if (chosen === 'qdc') {
    const book = loadCodebook(codebookPath ?? findWorkspaceCodebook(paths[0] ?? '.') ?? shippedCodebookPath());
    return { data: codebookToQdc(book, ORIGIN), summary: `codebook '${book.id}' (${book.frames.length} frames)`, warnings: [] };
  }
  const { codebook, documents: readable, problems } = readCodedDocuments(paths, codebookPath, 'exported');
  const segments = codedSegments(codebook, readable);
  for (const s of segments) {
    if (s.frameLabel === undefined) {
      problems.push({ file: sidecarPathFor(s.document), line: 1, column: 1, severity: 'warning', message: `annotation ${s.annotation.id}: frame '${s.annotation.frame}' is not in codebook '${codebook.id}' (exported under its raw id)` });
    }
  }
  if (chosen === 'csv') return { data: segmentsToCsv(segments, codebook.id), summary: `${segments.length} segment(s)`, warnings: problems };
  const project = buildRefiQdaProject(codebook, readable, { projectName: 'Sovereignty Coder export', origin: ORIGIN, now: xsdDateTime(new Date()) });
  return { data: qdpxBytes(project), summary: `${project.selections} coded selection(s) and ${project.notes} unplaced annotation(s) as notes, ${readable.length} file(s)`, warnings: problems };
}

/**
 * The coded documents of the paths, with the codebook for them (`--codebook`, else the workspace's, else the
 * shipped one). Throws, naming files and lines, when an annotation file has an error: nothing is `verb`
 * from a part of the coding.
 */
export function readCodedDocuments(paths: readonly string[], codebookPath: string | undefined, verb: string): { codebook: Codebook; documents: CodedDocument[]; problems: Problem[] } {
  const sidecars = sidecarsFor(paths);
  const first = sidecars[0];
  if (first === undefined) throw new CliError(`no annotation files (*.annotations.yaml) in ${paths.join(', ') || '.'}`);
  const codebook = loadCodebook(codebookPath ?? findWorkspaceCodebook(dirname(first)) ?? shippedCodebookPath());
  const problems: Problem[] = [];
  const documents = sidecars.map((s) => readDocument(s, problems));
  if (hasErrors(problems)) {
    throw new CliError(`nothing ${verb}: fix these annotation files first, so that no coding decision is left out:\n${problems.map(formatProblem).join('\n')}`);
  }
  return { codebook, documents: documents.filter((d): d is CodedDocument => d !== undefined), problems };
}

function loadCodebook(path: string): Codebook {
  const loaded = loadCodebookFile(path);
  if (!loaded.codebook) throw new CliError(`the codebook has problems:\n${loaded.problems.map(formatProblem).join('\n')}`);
  return loaded.codebook;
}
