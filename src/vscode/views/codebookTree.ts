/**
 * The Codebook view beside the explorer: the frames of the codebook in force, nested as the codebook nests
 * them, each with its colour, its number of coded segments and its definition (the tooltip adds when to apply
 * it and when not). Frames found in the coding but missing from the codebook are listed at the end, so that a
 * rename done elsewhere shows up as something to fix rather than vanishing. Rename and merge are its context
 * actions.
 */
import * as vscode from 'vscode';
import type { Frame } from '../../core/codebook';
import type { CorpusService } from './corpusService';
import { frameSwatch } from './frameSwatch';

export interface CodebookNode {
  id: string;
  label: string;
  count: number;
  frame: Frame | undefined;
  colorIndex: number | undefined;
}

export class CodebookTreeProvider implements vscode.TreeDataProvider<CodebookNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CodebookNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly corpus: CorpusService) {
    this.subscription = corpus.onDidChange(() => this.changed.fire(undefined));
  }

  async getChildren(node?: CodebookNode): Promise<CodebookNode[]> {
    const index = await this.corpus.current();
    if (!index) return [];
    const { frames } = index.codebook;
    const counts = new Map<string, number>();
    for (const s of index.segments()) counts.set(s.annotation.frame, (counts.get(s.annotation.frame) ?? 0) + 1);
    const known = new Set(frames.map((f) => f.id));
    const toNode = (f: Frame): CodebookNode => ({
      id: f.id,
      label: f.label,
      count: counts.get(f.id) ?? 0,
      frame: f,
      colorIndex: frames.indexOf(f),
    });
    if (node) return frames.filter((f) => f.parent === node.id && f.id !== node.id).map(toNode);
    const roots = frames.filter((f) => f.parent === undefined || !known.has(f.parent)).map(toNode);
    const unknown = [...counts.keys()]
      .filter((id) => !known.has(id))
      .sort()
      .map((id) => ({
        id,
        label: `${id} (not in the codebook)`,
        count: counts.get(id) ?? 0,
        frame: undefined,
        colorIndex: undefined,
      }));
    return [...roots, ...unknown];
  }

  getTreeItem(node: CodebookNode): vscode.TreeItem {
    const hasChildren = node.frame !== undefined && this.hasChildren(node.id);
    const item = new vscode.TreeItem(
      node.label,
      hasChildren ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
    );
    item.id = `codebook:${node.id}`;
    item.description = `${node.count} · ${node.frame?.definition.replace(/\s+/g, ' ') ?? 'used in annotations, missing from the codebook'}`;
    const tip = new vscode.MarkdownString(undefined, false);
    tip.appendMarkdown(`**${node.label}** (\`${node.id}\`) · ${node.count} coded segment(s)\n\n`);
    if (node.frame) {
      tip.appendText(node.frame.definition);
      if (node.frame.include) tip.appendMarkdown('\n\n*Apply when:* ').appendText(node.frame.include);
      if (node.frame.exclude) tip.appendMarkdown('\n\n*Not when:* ').appendText(node.frame.exclude);
    }
    item.tooltip = tip;
    item.iconPath = frameSwatch(node.frame?.color, node.colorIndex);
    item.contextValue = node.frame ? 'codebookFrame' : 'codebookUnknownFrame';
    return item;
  }

  private hasChildren(id: string): boolean {
    return this.corpus.peekCodebook()?.frames.some((f) => f.parent === id && f.id !== id) ?? false;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
