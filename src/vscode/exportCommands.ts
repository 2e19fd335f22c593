/**
 * The export commands: every annotation file of the workspace as the analysts' CSV or as a REFI-QDA project
 * (.qdpx), and the codebook as a REFI-QDA codebook (.qdc), through the same core functions as `sovcode export`.
 * The documents come from workspaceDocuments.ts: an open document as the coder sees it, the others as they are
 * on disk, and nothing at all when an annotation file has errors (no coding decision is left out).
 */
import * as vscode from 'vscode';
import { qdpxBytes } from '../core/export/qdpx';
import { buildRefiQdaProject, codebookToQdc } from '../core/export/refiQda';
import { codedSegments } from '../core/documents';
import { segmentsToCsv } from '../core/export/segmentsCsv';
import type { Services } from './services';
import { mayWrite } from './exportTarget';
import { chooseSaveTarget } from './prompts';
import { activeCodebook, codebookInputs, collectDocuments } from './workspaceDocuments';
import { sidecarCommitsOf, textDates } from './exportFacts';

/** `target`, or a file the user picks (undefined when they cancel). */
async function targetFile(
  target: vscode.Uri | undefined,
  title: string,
  filter: string,
  extension: string,
  name: string,
): Promise<vscode.Uri | undefined> {
  if (target) return target;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return chooseSaveTarget({
    title,
    filters: { [filter]: [extension] },
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
  });
}

async function writeExport(
  services: Services,
  uri: vscode.Uri,
  data: string | Uint8Array,
  message: string,
  interactive: boolean,
  open: boolean,
): Promise<void> {
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
  const documents = codebook && (await collectDocuments(services, codebook, target === undefined, inputs));
  if (!codebook || !documents) return undefined;
  const segments = codedSegments(codebook, documents);
  const uri = await targetFile(target, 'Export coded segments (CSV)', 'CSV (UTF-8)', 'csv', 'coded-segments.csv');
  if (!uri || !(await mayWrite(uri, inputs, target === undefined, services.log))) return undefined;
  const lost = segments.filter((s) => s.status === 'orphaned' || s.status === 'source-missing').length;
  const note = lost > 0 ? ` (${lost} no longer found in their text: see the status column)` : '';
  const message = `Exported ${segments.length} coded segment(s) from ${documents.length} file(s)${note}`;
  const csv = segmentsToCsv(segments, documents, codebook, { sidecarCommits: sidecarCommitsOf(documents) });
  await writeExport(services, uri, csv, message, target === undefined, true);
  return segments.length;
}

/** Writes the REFI-QDA project; resolves to the number of annotations in it (selections and notes), or undefined. */
export async function exportQdpx(services: Services, target?: vscode.Uri): Promise<number | undefined> {
  const codebook = activeCodebook(services);
  const inputs = codebookInputs(services);
  const documents = codebook && (await collectDocuments(services, codebook, target === undefined, inputs));
  if (!codebook || !documents) return undefined;
  const name = vscode.workspace.name ?? 'Sovereignty Coder';
  const project = buildRefiQdaProject(codebook, documents, {
    projectName: name,
    origin: origin(services),
    textDates: await textDates(documents),
  });
  const uri = await targetFile(target, 'Export REFI-QDA project (.qdpx)', 'REFI-QDA project', 'qdpx', `${name}.qdpx`);
  if (!uri || !(await mayWrite(uri, inputs, target === undefined, services.log))) return undefined;
  const note = project.notes > 0 ? `, and ${project.notes} annotation(s) no longer in their text as notes` : '';
  const duplicates =
    project.duplicates > 0
      ? `. ${project.duplicates} duplicate annotation(s) (same frame, span and coder as another) are separate selections, of which QualCoder keeps one`
      : '';
  const message = `Exported ${project.selections} coded selection(s) of ${documents.length} file(s)${note}${duplicates}`;
  await writeExport(services, uri, qdpxBytes(project), message, target === undefined, false);
  return project.selections + project.notes;
}

/** Writes the active codebook as a REFI-QDA codebook; resolves to the number of codes, or undefined. */
export async function exportQdc(services: Services, target?: vscode.Uri): Promise<number | undefined> {
  const codebook = activeCodebook(services);
  if (!codebook) return undefined;
  const uri = await targetFile(
    target,
    'Export codebook (REFI-QDA .qdc)',
    'REFI-QDA codebook',
    'qdc',
    `${codebook.id}.qdc`,
  );
  if (!uri || !(await mayWrite(uri, codebookInputs(services), target === undefined, services.log))) return undefined;
  const message = `Exported codebook '${codebook.id}' (${codebook.frames.length} frames)`;
  await writeExport(services, uri, codebookToQdc(codebook, origin(services)), message, target === undefined, true);
  return codebook.frames.length;
}
