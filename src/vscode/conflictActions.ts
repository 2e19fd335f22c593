/**
 * Code actions on a merge conflict entry (`status: conflict`, docs/git.md): keep this version, keep the other,
 * or keep both as two decisions. Offered first and marked preferred-free, so that the choice is the coder's.
 */
import * as vscode from 'vscode';
import type { Annotation } from '../core/annotations';
import type { Codebook } from '../core/codebook';
import { shortQuote } from '../core/coding/wording';
import { otherVersion } from '../core/git';
import { GitCommandId } from './commandIds';
import { frameLabel } from './frames';

function describe(codebook: Codebook, a: Annotation): string {
  return `${frameLabel(codebook, a.frame)}, ${a.coder}${a.memo === undefined ? '' : `, memo '${shortQuote(a.memo)}'`}`;
}

/** The three choices for the conflict entry `a` of the document `uri` (none when it is not a conflict entry). */
export function conflictActions(
  kind: vscode.CodeActionKind,
  codebook: Codebook,
  uri: string,
  list: readonly Annotation[],
  a: Annotation,
): vscode.CodeAction[] {
  if (a.status !== 'conflict') return [];
  const other = otherVersion(list, a);
  const choices: Array<[string, 'this' | 'other' | 'both']> = [
    [`Merge conflict: keep this version (${describe(codebook, a)})`, 'this'],
  ];
  if (other !== undefined) {
    choices.push(
      [`Merge conflict: keep the other version (${describe(codebook, other)})`, 'other'],
      ['Merge conflict: keep both versions as two decisions', 'both'],
    );
  }
  return choices.map(([title, choice]) => {
    const action = new vscode.CodeAction(title, kind);
    action.command = { title, command: GitCommandId.resolveConflict, arguments: [uri, a.id, choice] };
    return action;
  });
}
