/**
 * What the user is told about an annotation file, and the buttons they choose from, in one place: the
 * wording is read and changed here, and the code that reads and writes sidecars stays short. Each message
 * names the file (relative to the workspace) and says what happened to the annotations.
 */
import * as vscode from 'vscode';
import type { AnchorOutcome } from '../core/anchoring';

const relative = (uri: vscode.Uri): string => vscode.workspace.asRelativePath(uri);

export const SidecarMessage = {
  RESTRICTED_MODE: 'Sovereignty Coder writes annotation files only in a trusted workspace (Restricted Mode is on).',

  CONFLICT_CHOICES: { reload: 'Reload from Disk', compare: 'Compare', overwrite: 'Overwrite with Mine' },

  DELETED_CHOICES: { restore: 'Restore File', forget: 'Forget Annotations' },

  /** Loading found the document changed since it was coded. */
  reanchoredOnLoad(document: vscode.Uri, counts: Readonly<Record<AnchorOutcome, number>>): string {
    const review = counts.ambiguous + counts.fuzzy;
    return [
      `${relative(document)} changed since it was coded: ${counts.moved} annotation(s) moved with their text,`,
      `${review} need review (${counts.fuzzy} of them edited inside), ${counts.orphaned} orphaned (kept; see "Go to Annotation").`,
      'The annotation file is updated when you save.',
    ].join(' ');
  },

  fixBeforeCoding(sidecar: vscode.Uri): string {
    return `${relative(sidecar)} has problems (see Problems): fix them before coding this file, so that no annotation in it is lost.`;
  },

  deletedKeptInMemory(sidecar: vscode.Uri): string {
    return (
      `${relative(sidecar)} was deleted on disk; your annotations are kept in memory. ` +
      'Use "Restore" in the earlier message, or reopen the document to start afresh.'
    );
  },

  notWritten(sidecar: vscode.Uri, reason: string): string {
    return `Sovereignty Coder could not write ${relative(sidecar)}: ${reason}. Your annotations are kept in memory.`;
  },

  changedOnDisk(sidecar: vscode.Uri): string {
    return `${relative(sidecar)} changed on disk (a checkout, a merge or another editor) while you had unsaved annotation changes.`;
  },

  deletedOnDisk(sidecar: vscode.Uri, annotations: number): string {
    return (
      `${relative(sidecar)} was deleted on disk. ` +
      `Its ${annotations} annotation(s) are still in memory and will not be written unless you say so.`
    );
  },
} as const;
