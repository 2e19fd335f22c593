/**
 * "Export Coded Segments to CSV…": every annotation file of the workspace as the analysts' CSV (the core's
 * codedSegments + segmentsToCsv, the same as `sovcode export`). A document open in an editor is exported as the
 * coder sees it (its in-memory annotations over its current text); the others as they are on disk. An
 * annotation file with errors stops the export and is named with its line: no coding decision is left out.
 */
import * as vscode from 'vscode';
import { codedSegments, type CodedDocument } from '../core/export/segments';
import { segmentsToCsv } from '../core/export/segmentsCsv';
import { formatProblem, hasErrors, type Problem } from '../core/problems';
import { parseSidecar, sourcePathFor } from '../core/sidecar';
import { canonicalText } from '../core/text';
import { documentText } from './convert';
import { workspaceFilePort } from './filePort';
import type { Services } from './services';

const SIDECARS = '**/*.annotations.yaml';
const EXCLUDED = '{**/node_modules/**,**/.git/**}';

async function readCodedDocument(services: Services, sidecar: vscode.Uri, problems: Problem[]): Promise<CodedDocument | undefined> {
  const sourcePath = sourcePathFor(sidecar.path);
  if (sourcePath === undefined) return undefined; // findFiles only gives sidecars; a guard for the type
  const source = sidecar.with({ path: sourcePath });
  const path = vscode.workspace.asRelativePath(source, vscode.workspace.workspaceFolders !== undefined && vscode.workspace.workspaceFolders.length > 1);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === source.toString());
  const entry = open ? services.store.get(open.uri) : undefined;
  if (open && entry && !entry.readOnly) return { path, text: documentText(open), annotations: entry.annotations };
  const port = workspaceFilePort(sidecar);
  const yaml = await port.readText(sidecar.path);
  if (yaml === undefined) return undefined; // deleted since it was found
  const parsed = parseSidecar(yaml, sidecar.fsPath);
  problems.push(...parsed.problems);
  if (!parsed.sidecar || parsed.readOnly) return undefined;
  const raw = await port.readText(source.path);
  return { path, text: raw === undefined ? undefined : canonicalText(raw), annotations: parsed.sidecar.annotations };
}

/** Writes the CSV to `target`, or to a file the user picks; resolves to the number of segments, or undefined. */
export async function exportSegmentsCsv(services: Services, target?: vscode.Uri): Promise<number | undefined> {
  const codebook = services.codebooks.active?.codebook;
  if (!codebook) {
    void vscode.window.showErrorMessage('Sovereignty Coder: no codebook is loaded, so frames cannot be named (see Problems).');
    return undefined;
  }
  const sidecars = (await vscode.workspace.findFiles(SIDECARS, EXCLUDED)).sort((a, b) => a.path.localeCompare(b.path));
  const problems: Problem[] = [];
  const documents = (await Promise.all(sidecars.map((s) => readCodedDocument(services, s, problems)))).filter((d): d is CodedDocument => d !== undefined);
  if (hasErrors(problems)) {
    const first = problems.filter((p) => p.severity === 'error').slice(0, 3).map(formatProblem).join('\n');
    services.log.error(`export refused:\n${problems.map(formatProblem).join('\n')}`);
    void vscode.window.showErrorMessage(`Nothing exported: fix these annotation files first, so that no coding decision is left out.\n${first}`, { modal: target === undefined });
    return undefined;
  }
  const segments = codedSegments(codebook, documents);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = target ?? (await vscode.window.showSaveDialog({
    title: 'Export coded segments (CSV)', filters: { 'CSV (UTF-8)': ['csv'] },
    defaultUri: folder ? vscode.Uri.joinPath(folder, 'coded-segments.csv') : undefined,
  }));
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(segmentsToCsv(segments, codebook.id)));
  const orphans = segments.filter((s) => s.status === 'orphaned' || s.status === 'source-missing').length;
  const message = `Exported ${segments.length} coded segment(s) from ${documents.length} file(s) to ${vscode.workspace.asRelativePath(uri)}${orphans > 0 ? ` (${orphans} no longer found in their text: see the status column)` : ''}.`;
  services.log.info(message);
  if (target === undefined) {
    void vscode.window.showInformationMessage(message, 'Open').then((c) => c && vscode.window.showTextDocument(uri));
  }
  return segments.length;
}
