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

  /** `where` names the branch checked out ("on branch 'coder-b'"), so that "write mine" says where it writes. */
  conflictChoices(where: string): { reload: string; compare: string; overwrite: string } {
    return { reload: 'Take the File on Disk', compare: 'Compare', overwrite: `Write Mine over It ${where}` };
  },

  deletedChoices(where: string): { writeHere: string; discard: string } {
    return { writeHere: `Write Mine ${where}`, discard: 'Discard Mine' };
  },

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

  deletedKeptInMemory(sidecar: vscode.Uri, where: string): string {
    return (
      `${relative(sidecar)} is not on disk ${where}; your unsaved coding is kept in memory and not written. ` +
      `Choose "Write Mine ${where}" in the earlier message to write it there, or reopen the document to start afresh.`
    );
  },

  notWritten(sidecar: vscode.Uri, reason: string): string {
    return `Sovereignty Coder could not write ${relative(sidecar)}: ${reason}. Your annotations are kept in memory.`;
  },

  changedOnDisk(sidecar: vscode.Uri, where: string): string {
    return (
      `${relative(sidecar)} changed on disk (now ${where}: a checkout, a merge or another editor) while you had ` +
      'coding not yet written. Yours is kept in memory and written nowhere unless you say so.'
    );
  },

  deletedOnDisk(sidecar: vscode.Uri, annotations: number, where: string): string {
    return (
      `${relative(sidecar)} does not exist ${where} (a checkout, or it was deleted) while you had coding not ` +
      `yet written. Its ${annotations} annotation(s) are kept in memory and written nowhere unless you say so.`
    );
  },
} as const;
