/**
 * The *Disagreements* tree (Explorer, shown by *Compare Coders…*): the compared coders' disagreements grouped by
 * text, each with what it is, both coders' frames and quotes, and how it stands. Selecting one opens the text
 * with both coders' spans painted (coderSpans.ts); its inline actions resolve it. The tree only shows what the
 * session computed in the core.
 */
import * as vscode from 'vscode';
import { kindWords, type CoderPair, type JudgedDisagreement, type JudgedText } from '../../core/adjudication';
import type { Annotation } from '../../core/annotations';
import { shortQuote } from '../../core/coding/wording';
import { AdjudicationCommandId } from '../commandIds';
export { DISAGREEMENTS_SHOWN } from '../commandIds';
import type { AdjudicationSession } from './adjudicationSession';

export type DisagreementNode =
  { kind: 'text'; text: JudgedText } | { kind: 'disagreement'; text: JudgedText; disagreement: JudgedDisagreement };

export const DISAGREEMENTS_VIEW = 'sovereigntyCoder.disagreements';

/** How a disagreement stands, with the coders' names ("accepted ann"). */
function statusWords(resolution: string, pair: CoderPair): string {
  switch (resolution) {
    case 'accept-a':
      return `accepted ${pair.a}`;
    case 'accept-b':
      return `accepted ${pair.b}`;
    case 'both':
      return 'kept both';
    case 'mixed':
      return 'edited';
    default:
      return resolution;
  }
}

const codings = (list: readonly Annotation[]): string =>
  list.length === 0 ? '—' : [...new Set(list.map((x) => x.frame))].join(', ');

const labelOf = (item: vscode.TreeItem): string =>
  typeof item.label === 'string' ? item.label : (item.label?.label ?? '');

/** What the row says, short enough for a side bar: "ann: data ≠ ben: territory", "only ben: territory". */
function compactKind(d: JudgedDisagreement, pair: CoderPair): string {
  switch (d.kind) {
    case 'frames-differ':
      return `${pair.a}: ${codings(d.a)} ≠ ${pair.b}: ${codings(d.b)}`;
    case 'boundaries-differ':
      return `boundaries differ: ${codings(d.a)}`;
    case 'only-a':
      return `only ${pair.a}: ${codings(d.a)}`;
    case 'only-b':
      return `only ${pair.b}: ${codings(d.b)}`;
  }
}

export class DisagreementsTree implements vscode.TreeDataProvider<DisagreementNode> {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly session: AdjudicationSession) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: DisagreementNode): DisagreementNode[] {
    if (node === undefined)
      return this.session.texts.texts.filter((t) => t.disagreements.length > 0).map((text) => ({ kind: 'text', text }));
    return node.kind === 'text'
      ? node.text.disagreements.map((disagreement) => ({ kind: 'disagreement', text: node.text, disagreement }))
      : [];
  }

  getTreeItem(node: DisagreementNode): vscode.TreeItem {
    const pair = this.session.pair;
    if (node.kind === 'text') {
      const open = node.text.disagreements.filter((d) => d.resolution === undefined).length;
      const item = new vscode.TreeItem(node.text.path, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${open} open of ${node.text.disagreements.length}`;
      item.iconPath = new vscode.ThemeIcon(open === 0 ? 'pass-filled' : 'file-text');
      item.contextValue = 'disagreementText';
      return item;
    }
    const d = node.disagreement;
    const quote = shortQuote([...d.a, ...d.b][0]?.quote ?? '', 36);
    const item = new vscode.TreeItem(`“${quote}”`, vscode.TreeItemCollapsibleState.None);
    const sides = pair ? `${pair.a}: ${codings(d.a)} · ${pair.b}: ${codings(d.b)}` : '';
    const status = d.resolution && pair ? ` — ${statusWords(d.resolution, pair)}` : '';
    item.description = `${pair ? compactKind(d, pair) : d.kind}${status}`;
    item.tooltip = new vscode.MarkdownString().appendText(
      `${d.id}: ${pair ? kindWords(d.kind, pair) : d.kind}\n\n${sides}\n\n${d.resolution && pair ? `Resolved: ${statusWords(d.resolution, pair)}` : 'Open'}`,
    );
    item.iconPath = new vscode.ThemeIcon(d.resolution ? 'check' : 'circle-large-outline');
    item.id = `${node.text.path}#${d.id}`;
    item.contextValue = `disagreement.${d.resolution ? 'resolved' : 'open'}.${d.kind}`;
    item.command = { command: AdjudicationCommandId.openDisagreement, title: 'Show both coders', arguments: [node] };
    return item;
  }

  /** The lines the tree shows (texts, then their disagreements), for tests. */
  lines(): string[] {
    return this.getChildren().flatMap((t) => {
      const text = this.getTreeItem(t);
      return [
        `${labelOf(text)} (${String(text.description)})`,
        ...this.getChildren(t).map((n) => {
          const item = this.getTreeItem(n);
          return `  ${labelOf(item)} ${String(item.description)}`;
        }),
      ];
    });
  }
}
