/**
 * The coded-segments explorer: a tree over the corpus index, grouped by frame or by text, filtered by frame,
 * coder, status and document attributes. Selecting a segment opens its text at the span; context actions
 * (contextValue + `view/item/context` menus in package.json) act on the segment's annotation. The tree rebuilds
 * when the index changes, so it follows coding as it happens.
 */
import * as vscode from 'vscode';
import type { CodedSegment } from '../../core/documents';
import { filterSegments, type SegmentFilter } from '../../core/index';
import { ViewCommandId } from '../commandIds';
import type { CorpusService } from './corpusService';
import { frameSwatch } from './frameSwatch';
import { buildSegmentTree, segmentKey, type Grouping, type SegmentNode, type SegmentTreeModel } from './segmentModel';

const STATUS_ICONS: Record<CodedSegment['status'], string> = {
  anchored: 'pass',
  moved: 'arrow-swap',
  'needs-review': 'eye',
  conflict: 'git-merge',
  orphaned: 'debug-disconnect',
  'source-missing': 'question',
};

function preview(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  return [...flat].length > 70 ? `${[...flat].slice(0, 69).join('')}…` : flat;
}

export class SegmentsTreeProvider implements vscode.TreeDataProvider<SegmentNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SegmentNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private model: SegmentTreeModel | undefined;
  grouping: Grouping = 'frame';
  filter: SegmentFilter = {};
  listed: { title: string; ids: Set<string> } | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly corpus: CorpusService) {
    this.subscription = corpus.onDidChange(() => this.refresh());
  }

  refresh(): void {
    this.model = undefined;
    this.changed.fire(undefined);
  }

  /** The model, built from the current index (every pending change applied) and the filter. */
  async currentModel(): Promise<SegmentTreeModel | undefined> {
    if (this.model) return this.model;
    const index = await this.corpus.current();
    if (!index) return undefined;
    const segments = filterSegments(index.segments(), this.filter, this.corpus.attributes);
    this.model = buildSegmentTree(index.codebook, segments, this.grouping, this.listed);
    return this.model;
  }

  async getChildren(node?: SegmentNode): Promise<SegmentNode[]> {
    const model = await this.currentModel();
    if (!model) return [];
    return node ? (model.children.get(node.key) ?? []) : model.roots;
  }

  getParent(node: SegmentNode): SegmentNode | undefined {
    return this.model?.parents.get(node.key);
  }

  /** The tree node of a segment, for reveal. */
  async nodeOf(document: string, annotationId: string): Promise<SegmentNode | undefined> {
    return (await this.currentModel())?.bySegment.get(`${document}#${annotationId}`);
  }

  /** Shows `segments` in their own group at the top (a click in the statistics view); undefined clears it. */
  list(title: string | undefined, segments: readonly CodedSegment[] = []): void {
    this.listed = title === undefined ? undefined : { title, ids: new Set(segments.map(segmentKey)) };
    this.refresh();
  }

  getTreeItem(node: SegmentNode): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'group': {
        const item = new vscode.TreeItem(
          node.label,
          node.key === 'listed' ? vscode.TreeItemCollapsibleState.Expanded : collapsed,
        );
        item.id = node.key;
        item.iconPath = new vscode.ThemeIcon(node.icon);
        item.contextValue = `group.${node.key}`;
        return item;
      }
      case 'frame': {
        const item = new vscode.TreeItem(node.label, collapsed);
        item.id = node.key;
        item.description = String(node.count);
        item.tooltip = node.definition;
        item.iconPath = frameSwatch(node.color, node.colorIndex);
        item.contextValue = 'frame';
        return item;
      }
      case 'text': {
        const item = new vscode.TreeItem(node.path.slice(node.path.lastIndexOf('/') + 1), collapsed);
        item.id = node.key;
        item.description = `${node.count}${node.path.includes('/') ? ` · ${node.path.slice(0, node.path.lastIndexOf('/'))}` : ''}`;
        item.resourceUri = this.corpus.uriOf(node.path);
        item.iconPath = vscode.ThemeIcon.File;
        item.contextValue = 'text';
        return item;
      }
      case 'segment':
        return this.segmentItem(node);
    }
  }

  private segmentItem(node: Extract<SegmentNode, { kind: 'segment' }>): vscode.TreeItem {
    const s = node.segment;
    const item = new vscode.TreeItem(preview(s.annotation.quote), vscode.TreeItemCollapsibleState.None);
    item.id = node.key;
    const where = s.line === undefined ? s.status : `line ${s.line}`;
    const frame = s.frameLabel ?? `${s.annotation.frame} (not in the codebook)`;
    item.description =
      node.grouping === 'text' ? `${frame} · ${s.annotation.coder}` : `${s.annotation.coder} · ${where}`;
    const tip = new vscode.MarkdownString(undefined, false);
    tip.appendMarkdown(`**${frame}** · ${s.status} · ${s.annotation.coder} · ${s.annotation.created}\n\n`);
    tip.appendText(`${s.document}${s.line === undefined ? '' : `:${s.line}`}\n\n“${s.annotation.quote}”`);
    if (s.annotation.memo !== undefined) tip.appendMarkdown('\n\n*Memo:* ').appendText(s.annotation.memo);
    item.tooltip = tip;
    item.iconPath = new vscode.ThemeIcon(STATUS_ICONS[s.status]);
    item.contextValue = `segment.${s.status}${s.annotation.memo !== undefined ? '.memo' : ''}`;
    item.command = { command: ViewCommandId.openSegment, title: 'Open at the Coded Span', arguments: [node] };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
