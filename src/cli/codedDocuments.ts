/**
 * The CLI's coded documents: the sidecars that paths name (found by the shared safe walker), each read with
 * the safe reader and turned into a coded document by the core's one pure step (`codedDocumentFrom`), with the
 * codebook they are read against. `sovcode export` and `sovcode agreement` both stand on this file, so they
 * read the same documents with the same warnings, and neither reaches into the other.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import type { Codebook } from '../core/codebook';
import { codedDocumentFrom, unknownFrameProblems, type CodedDocument } from '../core/documents';
import { originFromProvenance, PROVENANCE_MAX_BYTES } from '../core/export/sourceOrigin';
import { staleTempMessage, staleTempsIn } from '../core/files';
import { provenancePathFor } from '../core/import/provenance';
import { decodeUtf8File, formatProblem, hasErrors, type Problem } from '../core/input';
import {
  isSidecarPath,
  SIDECAR_MAX_BYTES,
  sidecarPathFor,
  sourcePathFor,
  splitCharacterProblems,
} from '../core/sidecar';
import { findWorkspaceCodebook, loadUsableCodebook, shippedCodebookPath } from './codebookFile';
import { CliError } from './errors';
import { findInputs, pathKind, readBytes, readText, refusalProblem, TEXT_MAX_BYTES, type InputFile } from './inputs';

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
  return {
    sidecars: found.files,
    skipped: found.skipped.map((r) => ({ ...refusalProblem(r, 'warning'), kind: 'skipped' })),
  };
}

/** The path an analyst sees in the `document` column: relative to the current folder, with '/'. */
export function documentPath(source: string): string {
  const rel = relative(process.cwd(), source);
  return (rel === '' || rel.startsWith('..') ? source : rel).split(sep).join('/');
}

/** One sidecar and its source, read safely; undefined (with the problems) when it cannot be used. */
function readDocument(sidecarFile: InputFile, problems: Problem[], inputs: string[]): CodedDocument | undefined {
  const read = readBytes(sidecarFile, SIDECAR_MAX_BYTES);
  if ('refusal' in read) return void problems.push(refusalProblem(read.refusal, 'error'));
  inputs.push(sidecarFile.path);
  // strict UTF-8: a sidecar with invalid bytes or a NUL is refused at file:line:column, never read as U+FFFD
  const decoded = decodeUtf8File(read.bytes, sidecarFile.path, 'annotation file');
  if (!decoded.ok) return void problems.push(decoded.problem);
  const source = sourcePathFor(sidecarFile.path) as string;
  inputs.push(source);
  const sourceRead = readText({ path: source, root: sidecarFile.root }, TEXT_MAX_BYTES);
  const refused =
    'refusal' in sourceRead && sourceRead.refusal.reason !== 'missing' ? sourceRead.refusal.message : undefined;
  const document = codedDocumentFrom(
    documentPath(source),
    sidecarFile.path,
    decoded.text,
    'text' in sourceRead ? sourceRead.text : undefined,
    refused,
  );
  problems.push(...document.problems);
  const usable = document.readOnly ? undefined : document.document;
  const coded = usable && withOrigin(usable, { path: provenancePathFor(source), root: sidecarFile.root }, problems);
  // offsets inside a character of the source: errors, so that no export carries half a character
  if (coded?.text !== undefined)
    problems.push(...splitCharacterProblems(coded.annotations, coded.text, sidecarFile.path, decoded.text));
  return coded;
}

/** The document with the origin its provenance record gives (a text added from an original), if it has one. */
function withOrigin(document: CodedDocument, record: InputFile, problems: Problem[]): CodedDocument {
  const read = readText(record, PROVENANCE_MAX_BYTES);
  if ('refusal' in read) {
    if (read.refusal.reason !== 'missing') problems.push(refusalProblem(read.refusal, 'warning'));
    return document;
  }
  const found = originFromProvenance(document.path, read.text, record.path);
  if ('problem' in found) {
    problems.push(found.problem);
    return document;
  }
  return { ...document, origin: found.origin };
}

/** Temp copies left by interrupted saves beside the sidecars read (each folder listed once), as warnings. */
function staleTempProblems(sidecars: readonly string[]): Problem[] {
  const read = new Set(sidecars.map((s) => resolve(s)));
  const folders = [...new Set(sidecars.map((s) => dirname(s)))];
  return folders
    .flatMap((f) => staleTempsIn(f, Date.now()))
    .filter((t) => read.has(resolve(t.sidecar)))
    .map((t) => ({
      file: t.path,
      line: 1,
      column: 1,
      severity: 'warning' as const,
      kind: 'stale-temp',
      message: staleTempMessage(t).slice(t.path.length + 2),
    }));
}

/**
 * The coded documents of the paths, with the codebook for them (`--codebook`, else the workspace's, else the
 * shipped one), the warnings met on the way (a missing source, a frame not in the codebook, a skipped file, a
 * stale temp copy) and every file read (`inputs`, which an --output may not overwrite). Throws, naming files
 * and lines, when an annotation file has an error: nothing is `verb` from a part of the coding.
 */
export function readCodedDocuments(
  paths: readonly string[],
  codebookPath: string | undefined,
  verb: string,
): { codebook: Codebook; documents: CodedDocument[]; problems: Problem[]; inputs: string[] } {
  const { sidecars, skipped } = sidecarsFor(paths);
  const first = sidecars[0];
  if (first === undefined)
    throw new CliError(
      `no annotation files (*.annotations.yaml) in ${paths.join(', ') || '.'}${skipped.length > 0 ? `\n${skipped.map(formatProblem).join('\n')}` : ''}`,
    );
  const bookPath = codebookPath ?? findWorkspaceCodebook(dirname(first.path)) ?? shippedCodebookPath();
  const codebook = loadUsableCodebook(bookPath);
  const problems: Problem[] = [...skipped];
  const inputs: string[] = [bookPath];
  const documents = sidecars.map((s) => readDocument(s, problems, inputs));
  problems.push(...staleTempProblems(sidecars.map((s) => s.path)));
  if (hasErrors(problems)) {
    throw new CliError(
      `nothing ${verb}: fix these annotation files first, so that no coding decision is left out:\n${problems
        .filter((p) => p.severity === 'error')
        .map(formatProblem)
        .join('\n')}`,
    );
  }
  const readable = documents.filter((d): d is CodedDocument => d !== undefined);
  return {
    codebook,
    documents: readable,
    problems: [...problems, ...unknownFrameProblems(codebook, readable)],
    inputs,
  };
}
