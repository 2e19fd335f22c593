/**
 * The *Annotation Changes* tree (Explorer): the coding decisions that changed between a revision and the
 * working tree, per text, as `sovcode diff` lists them. Each change opens the text at its span; its hover shows
 * both versions. The tree only displays what src/core/git/compare.ts computed.
 */
import * as vscode from 'vscode';
import { changeLine } from '../../core/git';
import type { AnnotationChange, Place, TextDiff } from '../../core/git';
import { GitCommandId } from '../commandIds';

type Node = { kind: 'text'; diff: TextDiff } | { kind: 'change'; change: AnnotationChange; text: string };

const where = (p: Place | undefined): string =>
  p === undefined ? '' : p.line === undefined ? `${p.start}-${p.end}` : `line ${p.line}, column ${p.column ?? 1}`;

/** Both versions of a change, for the hover. */
function bothVersions(c: AnnotationChange, revision: string): vscode.MarkdownString {
  const before =
    c.kind === 'added'
      ? '(not coded)'
      : `${c.kind === 'retagged' ? (c.from ?? '') : c.frame} at ${where(c.kind === 'moved' ? c.fromPlace : c.place)}${c.kind === 'memo' ? `, memo: ${c.from || '(none)'}` : ''}${c.kind === 'status' ? `, status: ${c.from || '(none)'}` : ''}`;
  const after =
    c.kind === 'removed'
      ? '(removed)'
      : `${c.frame} at ${where(c.place)}${c.kind === 'memo' ? `, memo: ${c.to || '(none)'}` : ''}${c.kind === 'status' ? `, status: ${c.to || '(none)'}` : ''}`;
  const md = new vscode.MarkdownString();
  md.appendText(`"${c.quote}" (${c.coder}, ${c.id})\n\n`);
  md.appendMarkdown(`**${revision}:** `).appendText(before).appendMarkdown('\n\n**Working tree:** ').appendText(after);
  return md;
}

export class CompareView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private diffs: TextDiff[] = [];
  private top = '';
  private revision = '';
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view = vscode.window.createTreeView('sovereigntyCoder.compare', { treeDataProvider: this });

  /** Shows the changes from `revision` to the working tree of the repository at `top`. */
  async show(top: string, revision: string, diffs: TextDiff[]): Promise<void> {
    this.top = top;
    this.revision = revision;
    this.diffs = diffs.filter((d) => d.changes.length > 0);
    this.view.title = `Annotation Changes since ${revision}`;
    this.view.message = this.diffs.length === 0 ? `No annotation changes since ${revision}.` : undefined;
    this.changed.fire(undefined);
    await vscode.commands.executeCommand('setContext', 'sovereigntyCoder.compareShown', true);
    await vscode.commands.executeCommand('sovereigntyCoder.compare.focus');
  }

  /** The lines the tree shows, texts then their changes (for tests). */
  lines(): string[] {
    return this.diffs.flatMap((d) => [d.text, ...d.changes.map((c) => `  ${changeLine(c)}`)]);
  }

  getChildren(node?: Node): Node[] {
    if (node === undefined) return this.diffs.map((diff) => ({ kind: 'text', diff }));
    return node.kind === 'text'
      ? node.diff.changes.map((change) => ({ kind: 'change', change, text: node.diff.text }))
      : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'text') {
      const item = new vscode.TreeItem(node.diff.text, vscode.TreeItemCollapsibleState.Expanded);
      item.resourceUri = vscode.Uri.joinPath(vscode.Uri.file(this.top), node.diff.text);
      item.description = `${node.diff.changes.length} change(s)`;
      return item;
    }
    const c = node.change;
    const item = new vscode.TreeItem(changeLine(c), vscode.TreeItemCollapsibleState.None);
    item.tooltip = bothVersions(c, this.revision);
    item.command = {
      title: 'Open at the span',
      command: GitCommandId.openCompareChange,
      arguments: [vscode.Uri.joinPath(vscode.Uri.file(this.top), node.text), c.place.start, c.place.end],
    };
    return item;
  }

  dispose(): void {
    this.view.dispose();
    this.changed.dispose();
  }
}
