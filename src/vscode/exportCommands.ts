/**
 * The export commands: every annotation file of the workspace as the analysts' CSV or as a REFI-QDA project
 * (.qdpx), and the codebook as a REFI-QDA codebook (.qdc), through the same core functions as `sovcode export`.
 * A document open in an editor is exported as the coder sees it (its in-memory annotations over its current
 * text); the others as they are on disk. An annotation file with errors stops the export and is named with its
 * line: no coding decision is left out.
 */
import * as vscode from 'vscode';
import type { Codebook } from '../core/codebook';
import { qdpxBytes } from '../core/export/qdpx';
import { buildRefiQdaProject, codebookToQdc, xsdDateTime } from '../core/export/refiQda';
import { codedSegments, type CodedDocument } from '../core/documents';
import { segmentsToCsv } from '../core/export/segmentsCsv';
import { formatProblem, hasErrors, type Problem } from '../core/input';
import { parseSidecar, sourcePathFor } from '../core/sidecar';
import { TEXT_MAX_BYTES } from '../core/files';
import { canonicalText } from '../core/text';
import { documentText } from './convert';
import { mayWrite } from './exportTarget';
import { workspaceFilePort } from './filePort';
import { RefusedRead } from './workspaceReads';
import type { Services } from './services';

const SIDECARS = '**/*.annotations.yaml';
const EXCLUDED = '{**/node_modules/**,**/.git/**}';

async function readCodedDocument(services: Services, sidecar: vscode.Uri, problems: Problem[], inputs: vscode.Uri[]): Promise<CodedDocument | undefined> {
  const sourcePath = sourcePathFor(sidecar.path);
  if (sourcePath === undefined) return undefined; // findFiles only gives sidecars; a guard for the type
  const source = sidecar.with({ path: sourcePath });
  inputs.push(sidecar, source);
  const path = vscode.workspace.asRelativePath(source, vscode.workspace.workspaceFolders !== undefined && vscode.workspace.workspaceFolders.length > 1);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === source.toString());
  const entry = open ? services.store.get(open.uri) : undefined;
  if (open && entry && !entry.readOnly) return { path, text: documentText(open), annotations: entry.annotations };
  let yaml: string | undefined;
  let raw: string | undefined;
  try {
    yaml = await workspaceFilePort(sidecar).readText(sidecar.path);
    raw = yaml === undefined ? undefined : await workspaceFilePort(source, TEXT_MAX_BYTES).readText(source.path);
  } catch (e) {
    if (!(e instanceof RefusedRead)) throw e;
    return void problems.push({ file: sidecar.fsPath, line: 1, column: 1, severity: 'error', message: e.message });
  }
  if (yaml === undefined) return undefined; // deleted since it was found
  const parsed = parseSidecar(yaml, sidecar.fsPath);
  problems.push(...parsed.problems);
  if (!parsed.sidecar || parsed.readOnly) return undefined;
  return { path, text: raw === undefined ? undefined : canonicalText(raw), annotations: parsed.sidecar.annotations };
}

/** The codebook file in force, the first input of every export. */
function codebookInputs(services: Services): vscode.Uri[] {
  const uri = services.codebooks.active?.uri;
  return uri ? [uri] : [];
}

/** The active codebook, or undefined after telling the user why there is none. */
export function activeCodebook(services: Services): Codebook | undefined {
  const codebook = services.codebooks.active?.codebook;
  if (!codebook) void vscode.window.showErrorMessage('Sovereignty Coder: no codebook is loaded, so frames cannot be named (see Problems).');
  return codebook;
}

/** Every coded document of the workspace, or undefined (after saying which files and lines) when one has errors. */
export async function collectDocuments(services: Services, interactive: boolean, inputs: vscode.Uri[] = []): Promise<CodedDocument[] | undefined> {
  const found = await vscode.workspace.findFiles(SIDECARS, EXCLUDED);
  // an open document whose sidecar is not on disk (deleted, or not written yet) still has its coding in memory
  const onDisk = new Set(found.map((u) => u.toString()));
  const inMemoryOnly = services.store.all().filter((e) => e.annotations.length > 0 && !onDisk.has(e.sidecarUri.toString())).map((e) => e.sidecarUri);
  const sidecars = [...found, ...inMemoryOnly].sort((a, b) => a.path.localeCompare(b.path));
  const problems: Problem[] = [];
  const documents = (await Promise.all(sidecars.map((s) => readCodedDocument(services, s, problems, inputs)))).filter((d): d is CodedDocument => d !== undefined);
  if (!hasErrors(problems)) return documents;
  const first = problems.filter((p) => p.severity === 'error').slice(0, 3).map(formatProblem).join('\n');
  services.log.error(`export refused:\n${problems.map(formatProblem).join('\n')}`);
  void vscode.window.showErrorMessage(`Nothing exported: fix these annotation files first, so that no coding decision is left out.\n${first}`, { modal: interactive });
  return undefined;
}

/** `target`, or a file the user picks (undefined when they cancel). */
async function targetFile(target: vscode.Uri | undefined, title: string, filter: string, extension: string, name: string): Promise<vscode.Uri | undefined> {
  if (target) return target;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return vscode.window.showSaveDialog({ title, filters: { [filter]: [extension] }, defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined });
}

async function written(services: Services, uri: vscode.Uri, data: string | Uint8Array, message: string, interactive: boolean, open: boolean): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, typeof data === 'string' ? new TextEncoder().encode(data) : data);
  const text = `${message} to ${vscode.workspace.asRelativePath(uri)}.`;
  services.log.info(text);
  if (!interactive) return;
  // not awaited: the export is done; the message stays until the user dismisses it
  void vscode.window.showInformationMessage(text, ...(open ? ['Open'] : [])).then(async (choice) => {
    if (choice === 'Open') await vscode.window.showTextDocument(uri);
  });
}

/** The exporting program and its version, for REFI-QDA's `origin`. */
function origin(services: Services): string {
  return `Sovereignty Coder ${services.version}`;
}

/** Writes the CSV to `target`, or to a file the user picks; resolves to the number of segments, or undefined. */
export async function exportSegmentsCsv(services: Services, target?: vscode.Uri): Promise<number | undefined> {
  const codebook = activeCodebook(services);
  const inputs = codebookInputs(services);
  const documents = codebook && (await collectDocuments(services, target === undefined, inputs));
  if (!codebook || !documents) return undefined;
  const segments = codedSegments(codebook, documents);
  const uri = await targetFile(target, 'Export coded segments (CSV)', 'CSV (UTF-8)', 'csv', 'coded-segments.csv');
  if (!uri || !(await mayWrite(uri, inputs, target === undefined, services.log))) return undefined;
  const lost = segments.filter((s) => s.status === 'orphaned' || s.status === 'source-missing').length;
  const note = lost > 0 ? ` (${lost} no longer found in their text: see the status column)` : '';
  await written(services, uri, segmentsToCsv(segments, codebook.id), `Exported ${segments.length} coded segment(s) from ${documents.length} file(s)${note}`, target === undefined, true);
  return segments.length;
}

/** Writes the REFI-QDA project; resolves to the number of annotations in it (selections and notes), or undefined. */
export async function exportQdpx(services: Services, target?: vscode.Uri): Promise<number | undefined> {
  const codebook = activeCodebook(services);
  const inputs = codebookInputs(services);
  const documents = codebook && (await collectDocuments(services, target === undefined, inputs));
  if (!codebook || !documents) return undefined;
  const name = vscode.workspace.name ?? 'Sovereignty Coder';
  const project = buildRefiQdaProject(codebook, documents, { projectName: name, origin: origin(services), now: xsdDateTime(new Date()) });
  const uri = await targetFile(target, 'Export REFI-QDA project (.qdpx)', 'REFI-QDA project', 'qdpx', `${name}.qdpx`);
  if (!uri || !(await mayWrite(uri, inputs, target === undefined, services.log))) return undefined;
  const note = project.notes > 0 ? `, and ${project.notes} annotation(s) no longer in their text as notes` : '';
  await written(services, uri, qdpxBytes(project), `Exported ${project.selections} coded selection(s) of ${documents.length} file(s)${note}`, target === undefined, false);
  return project.selections + project.notes;
}

/** Writes the active codebook as a REFI-QDA codebook; resolves to the number of codes, or undefined. */
export async function exportQdc(services: Services, target?: vscode.Uri): Promise<number | undefined> {
  const codebook = activeCodebook(services);
  if (!codebook) return undefined;
  const uri = await targetFile(target, 'Export codebook (REFI-QDA .qdc)', 'REFI-QDA codebook', 'qdc', `${codebook.id}.qdc`);
  if (!uri || !(await mayWrite(uri, codebookInputs(services), target === undefined, services.log))) return undefined;
  await written(services, uri, codebookToQdc(codebook, origin(services)), `Exported codebook '${codebook.id}' (${codebook.frames.length} frames)`, target === undefined, true);
  return codebook.frames.length;
}
