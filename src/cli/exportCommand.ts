/**
 * `sovcode export`: the coded segments of sidecar files as the analysts' CSV. A sidecar with an error is never
 * exported in part (that would drop coding decisions without a word): the export stops and names file and line.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { codedSegments, type CodedDocument } from '../core/export/segments';
import { segmentsToCsv } from '../core/export/segmentsCsv';
import { formatProblem, hasErrors, type Problem } from '../core/problems';
import { isSidecarPath, parseSidecar, sidecarPathFor, sourcePathFor } from '../core/sidecar';
import { canonicalText } from '../core/text';
import { CliError, findWorkspaceCodebook, loadCodebookFile, readTextFile, shippedCodebookPath } from './codebookFile';
import { filesToValidate } from './validateCommand';

export interface ExportResult {
  csv: string;
  rows: number;
  /** Warnings (an unknown frame, a missing source) printed to stderr; the export still holds every row. */
  warnings: Problem[];
}

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

export function exportSegments(paths: readonly string[], codebookPath: string | undefined, format: string | undefined): ExportResult {
  if (format !== undefined && format !== 'csv') throw new CliError(`unknown --format '${format}' for export: use csv`);
  const sidecars = sidecarsFor(paths);
  if (sidecars.length === 0) throw new CliError(`no annotation files (*.annotations.yaml) in ${paths.join(', ') || '.'}`);
  const loaded = loadCodebookFile(codebookPath ?? findWorkspaceCodebook(dirname(sidecars[0])) ?? shippedCodebookPath());
  if (!loaded.codebook) throw new CliError(`the codebook has problems:\n${loaded.problems.map(formatProblem).join('\n')}`);
  const problems: Problem[] = [];
  const documents = sidecars.map((s) => readDocument(s, problems));
  if (hasErrors(problems)) {
    throw new CliError(`nothing exported: fix these annotation files first, so that no coding decision is left out:\n${problems.map(formatProblem).join('\n')}`);
  }
  const segments = codedSegments(loaded.codebook, documents.filter((d): d is CodedDocument => d !== undefined));
  for (const s of segments) {
    if (s.frameLabel === undefined) {
      problems.push({ file: sidecarPathFor(s.document), line: 1, column: 1, severity: 'warning', message: `annotation ${s.annotation.id}: frame '${s.annotation.frame}' is not in codebook '${loaded.codebook.id}' (exported with frame_in_codebook = no)` });
    }
  }
  return { csv: segmentsToCsv(segments, loaded.codebook.id), rows: segments.length, warnings: problems };
}
