/**
 * `sovcode export`: the coded segments of sidecar files as the analysts' CSV or a REFI-QDA project (.qdpx),
 * or the codebook as a REFI-QDA codebook (.qdc). A sidecar with an error is never
 * exported in part (that would drop coding decisions without a word): the export stops and names file and line.
 */
import { dirname, extname, relative, resolve, sep } from 'node:path';
import type { Codebook } from '../core/codebook';
import { qdpxBytes } from '../core/export/qdpx';
import { buildRefiQdaProject, codebookToQdc, xsdDateTime } from '../core/export/refiQda';
import { codedSegments, type CodedDocument } from '../core/documents';
import { segmentsToCsv } from '../core/export/segmentsCsv';
import { formatProblem, hasErrors, type Problem } from '../core/input';
import { staleTempMessage, staleTempsIn } from '../core/files';
import { isSidecarPath, parseSidecar, SIDECAR_MAX_BYTES, sidecarPathFor, sourcePathFor } from '../core/sidecar';
import { canonicalText } from '../core/text';
import { CliError, findWorkspaceCodebook, loadCodebookFile, shippedCodebookPath } from './codebookFile';
import { findInputs, pathKind, readText, refusalProblem, TEXT_MAX_BYTES, type InputFile } from './inputs';
import { CLI_VERSION } from './version';

export type ExportFormat = 'csv' | 'qdpx' | 'qdc';

export interface ExportResult {
  /** Text (CSV, .qdc XML) or bytes (.qdpx zip). */
  data: string | Uint8Array;
  /** What was written, for the message on stderr. */
  summary: string;
  /** Warnings (an unknown frame, a missing source) printed to stderr; the export still holds every annotation. */
  warnings: Problem[];
  /** Every file the export read (sidecars, their sources, the codebook): --output may not name one of them. */
  inputs: string[];
}

const FORMATS: readonly ExportFormat[] = ['csv', 'qdpx', 'qdc'];

/**
 * The sidecars meant by the paths: sidecars as they are, a source file's sidecar, every sidecar below a folder
 * (by the shared walker; what it skipped is returned as warnings).
 */
export function sidecarsFor(paths: readonly string[]): { sidecars: InputFile[]; skipped: Problem[] } {
  const named = (paths.length > 0 ? paths : ['.']).map((p) => {
    if (isSidecarPath(p) || pathKind(p) === 'folder') return p;
    const sidecar = sidecarPathFor(p);
    if (pathKind(p) === undefined && pathKind(sidecar) === undefined) throw new CliError(`${p}: no such file`);
    if (pathKind(sidecar) === undefined) throw new CliError(`${p}: has no annotation file (${sidecar})`);
    return sidecar;
  });
  const found = findInputs(named, isSidecarPath);
  return { sidecars: found.files, skipped: found.skipped.map((r) => ({ ...refusalProblem(r, 'warning'), kind: 'skipped' })) };
}

/** The path an analyst sees in the `document` column: relative to the current folder, with '/'. */
function documentPath(source: string): string {
  const rel = relative(process.cwd(), source);
  return (rel === '' || rel.startsWith('..') ? source : rel).split(sep).join('/');
}

/** One sidecar and its source, read safely; undefined (with the problems) when it cannot be exported. */
function readDocument(sidecarFile: InputFile, problems: Problem[], inputs: string[]): CodedDocument | undefined {
  const read = readText(sidecarFile, SIDECAR_MAX_BYTES);
  if ('refusal' in read) return void problems.push(refusalProblem(read.refusal, 'error'));
  inputs.push(sidecarFile.path);
  const parsed = parseSidecar(read.text, sidecarFile.path);
  problems.push(...parsed.problems);
  if (!parsed.sidecar || parsed.readOnly) return undefined;
  const source = sourcePathFor(sidecarFile.path) as string;
  inputs.push(source);
  const sourceRead = readText({ path: source, root: sidecarFile.root }, TEXT_MAX_BYTES);
  if ('refusal' in sourceRead) {
    const why = sourceRead.refusal.reason === 'missing' ? `source ${documentPath(source)} not found` : `source ${sourceRead.refusal.message}`;
    problems.push({ file: sidecarFile.path, line: 1, column: 1, severity: 'warning', kind: 'source', message: `${why}: its segments are exported with status source-missing` });
  }
  const text = 'text' in sourceRead ? canonicalText(sourceRead.text) : undefined;
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
    const path = codebookPath ?? findWorkspaceCodebook(paths[0] ?? '.') ?? shippedCodebookPath();
    const book = loadCodebook(path);
    return { data: codebookToQdc(book, ORIGIN), summary: `codebook '${book.id}' (${book.frames.length} frames)`, warnings: [], inputs: [path] };
  }
  const { codebook, documents: readable, problems, inputs } = readCodedDocuments(paths, codebookPath, 'exported');
  const segments = codedSegments(codebook, readable);
  for (const s of segments) {
    if (s.frameLabel === undefined) {
      problems.push({ file: sidecarPathFor(s.document), line: 1, column: 1, severity: 'warning', message: `annotation ${s.annotation.id}: frame '${s.annotation.frame}' is not in codebook '${codebook.id}' (exported under its raw id)` });
    }
  }
  if (chosen === 'csv') return { data: segmentsToCsv(segments, codebook.id), summary: `${segments.length} segment(s)`, warnings: problems, inputs };
  const project = buildRefiQdaProject(codebook, readable, { projectName: 'Sovereignty Coder export', origin: ORIGIN, now: xsdDateTime(new Date()) });
  return { data: qdpxBytes(project), summary: `${project.selections} coded selection(s) and ${project.notes} unplaced annotation(s) as notes, ${readable.length} file(s)`, warnings: problems, inputs };
}

/**
 * The coded documents of the paths, with the codebook for them (`--codebook`, else the workspace's, else the
 * shipped one). Throws, naming files and lines, when an annotation file has an error: nothing is `verb`
 * from a part of the coding.
 */
export function readCodedDocuments(paths: readonly string[], codebookPath: string | undefined, verb: string): { codebook: Codebook; documents: CodedDocument[]; problems: Problem[]; inputs: string[] } {
  const { sidecars, skipped } = sidecarsFor(paths);
  const first = sidecars[0];
  if (first === undefined) throw new CliError(`no annotation files (*.annotations.yaml) in ${paths.join(', ') || '.'}${skipped.length > 0 ? `\n${skipped.map(formatProblem).join('\n')}` : ''}`);
  const bookPath = codebookPath ?? findWorkspaceCodebook(dirname(first.path)) ?? shippedCodebookPath();
  const codebook = loadCodebook(bookPath);
  const problems: Problem[] = [...skipped];
  const inputs: string[] = [bookPath];
  const documents = sidecars.map((s) => readDocument(s, problems, inputs));
  problems.push(...staleTempProblems(sidecars.map((s) => s.path)));
  if (hasErrors(problems)) {
    throw new CliError(`nothing ${verb}: fix these annotation files first, so that no coding decision is left out:\n${problems.filter((p) => p.severity === 'error').map(formatProblem).join('\n')}`);
  }
  return { codebook, documents: documents.filter((d): d is CodedDocument => d !== undefined), problems, inputs };
}

/** Temp copies left by interrupted saves beside the sidecars read (each folder listed once), as warnings. */
function staleTempProblems(sidecars: readonly string[]): Problem[] {
  const read = new Set(sidecars.map((s) => resolve(s)));
  const folders = [...new Set(sidecars.map((s) => dirname(s)))];
  return folders.flatMap((f) => staleTempsIn(f, Date.now()))
    .filter((t) => read.has(resolve(t.sidecar)))
    .map((t) => ({ file: t.path, line: 1, column: 1, severity: 'warning' as const, kind: 'stale-temp', message: staleTempMessage(t).slice(t.path.length + 2) }));
}

function loadCodebook(path: string): Codebook {
  const loaded = loadCodebookFile(path);
  if (!loaded.codebook) throw new CliError(`the codebook has problems:\n${loaded.problems.map(formatProblem).join('\n')}`);
  return loaded.codebook;
}
