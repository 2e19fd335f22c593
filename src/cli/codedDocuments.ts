/**
 * The CLI's coded documents: the sidecars that paths name, each read with node fs and turned into a coded
 * document by the core's one pure step (`codedDocumentFrom`), with the codebook they are read against. `sovcode
 * export` and `sovcode agreement` both stand on this file, so they read the same documents with the same
 * warnings, and neither reaches into the other.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import type { Codebook } from '../core/codebook';
import { codedDocumentFrom, unknownFrameProblems, type CodedDocument } from '../core/documents';
import { formatProblem, hasErrors, type Problem } from '../core/input';
import { isSidecarPath, sidecarPathFor, sourcePathFor } from '../core/sidecar';
import { findWorkspaceCodebook, loadUsableCodebook, readTextFile, shippedCodebookPath } from './codebookFile';
import { CliError } from './errors';
import { filesToValidate } from './validateCommand';

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
  const sidecarText = readTextFile(sidecarFile);
  const source = sourcePathFor(sidecarFile) as string;
  const read = codedDocumentFrom(documentPath(source), sidecarFile, sidecarText, existsSync(source) ? readTextFile(source) : undefined);
  problems.push(...read.problems);
  return read.readOnly ? undefined : read.document;
}

/**
 * The coded documents of the paths, with the codebook for them (`--codebook`, else the workspace's, else the
 * shipped one), and the warnings met on the way (a missing source, a frame not in the codebook). Throws,
 * naming files and lines, when an annotation file has an error: nothing is `verb` from a part of the coding.
 */
export function readCodedDocuments(paths: readonly string[], codebookPath: string | undefined, verb: string): { codebook: Codebook; documents: CodedDocument[]; problems: Problem[] } {
  const sidecars = sidecarsFor(paths);
  const first = sidecars[0];
  if (first === undefined) throw new CliError(`no annotation files (*.annotations.yaml) in ${paths.join(', ') || '.'}`);
  const codebook = loadUsableCodebook(codebookPath ?? findWorkspaceCodebook(dirname(first)) ?? shippedCodebookPath());
  const problems: Problem[] = [];
  const documents = sidecars.map((s) => readDocument(s, problems));
  if (hasErrors(problems)) {
    throw new CliError(`nothing ${verb}: fix these annotation files first, so that no coding decision is left out:\n${problems.map(formatProblem).join('\n')}`);
  }
  const readable = documents.filter((d): d is CodedDocument => d !== undefined);
  return { codebook, documents: readable, problems: [...problems, ...unknownFrameProblems(codebook, readable)] };
}
