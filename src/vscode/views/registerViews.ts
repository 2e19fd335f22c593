/**
 * Wires the retrieval views: the corpus index, the Coded Segments explorer and the Codebook view in their own
 * view container, the statistics webview, and their commands (menus and `when` clauses are in package.json).
 * Returns the parts the test API exposes.
 */
import * as vscode from 'vscode';
import { FILTERED, GROUPED_BY_TEXT, ViewCommandId } from '../commandIds';
import type { Services } from '../services';
import { CodebookTreeProvider, type CodebookNode } from './codebookTree';
import { CorpusService } from './corpusService';
import { renameFrameEverywhere } from './renameFrame';
import { openSegment, registerSegmentActions } from './segmentActions';
import { chooseFilter, describeFilter } from './segmentFilters';
import type { SegmentNode } from './segmentModel';
import { SegmentsTreeProvider } from './segmentsTree';
import { SEGMENTS_VIEW, StatsView } from './statsView';

const CODEBOOK_VIEW = 'sovereigntyCoder.codebook';

export interface RetrievalViews {
  corpus: CorpusService;
  segments: SegmentsTreeProvider;
  segmentsView: vscode.TreeView<SegmentNode>;
  codebook: CodebookTreeProvider;
  statistics: StatsView;
  disposables: vscode.Disposable[];
}

async function askFrameId(prompt: string, value: string): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: prompt,
    value,
    validateInput: (v) =>
      /^[a-z0-9][a-z0-9._-]*$/.test(v) ? undefined : 'lower-case letters, digits, ".", "_" or "-"',
  });
}

export function registerViews(services: Services): RetrievalViews {
  const corpus = new CorpusService(services);
  const segments = new SegmentsTreeProvider(corpus);
  const segmentsView = vscode.window.createTreeView(SEGMENTS_VIEW, {
    treeDataProvider: segments,
    showCollapseAll: true,
  });
  const codebook = new CodebookTreeProvider(corpus);
  const codebookView = vscode.window.createTreeView(CODEBOOK_VIEW, { treeDataProvider: codebook });
  const statistics = new StatsView(services, corpus, segments);
  const setState = (): void => {
    segmentsView.description = describeFilter(segments.filter) || undefined;
    void vscode.commands.executeCommand('setContext', GROUPED_BY_TEXT, segments.grouping === 'text');
    void vscode.commands.executeCommand(
      'setContext',
      FILTERED,
      describeFilter(segments.filter) !== '' || segments.listed !== undefined,
    );
  };
  const regroup = (grouping: 'frame' | 'text') => (): void => {
    segments.grouping = grouping;
    segments.refresh();
    setState();
  };
  /** From the Codebook view (node) or the palette; `target` given (scripts, tests) skips the questions. */
  const rename =
    (merge: boolean) =>
    async (node?: CodebookNode, target?: string): Promise<unknown> => {
      const index = await corpus.current();
      const from =
        node?.id ??
        (await vscode.window.showQuickPick(index?.codebook.frames.map((f) => f.id) ?? [], {
          title: 'Frame to rename',
        }));
      if (!from) return undefined;
      const to =
        target ??
        (merge
          ? await vscode.window.showQuickPick(
              index?.codebook.frames.map((f) => f.id).filter((id) => id !== from) ?? [],
              { title: `Merge '${from}' into…` },
            )
          : await askFrameId(`Rename frame '${from}' to`, from));
      return to && to !== from ? renameFrameEverywhere(services, from, to, merge, target === undefined) : undefined;
    };
  setState(); // the index is built when the codebook comes into force (CorpusService listens)
  return {
    corpus,
    segments,
    segmentsView,
    codebook,
    statistics,
    disposables: [
      corpus,
      segments,
      segmentsView,
      codebook,
      codebookView,
      statistics,
      ...registerSegmentActions(services, corpus),
      vscode.commands.registerCommand(ViewCommandId.openSegment, (node: SegmentNode) =>
        node.kind === 'segment' ? openSegment(services, corpus, node) : undefined,
      ),
      vscode.commands.registerCommand(ViewCommandId.segmentsGroupByFrame, regroup('frame')),
      vscode.commands.registerCommand(ViewCommandId.segmentsGroupByText, regroup('text')),
      vscode.commands.registerCommand(ViewCommandId.segmentsFilter, async () => {
        await chooseFilter(segments, corpus);
        setState();
      }),
      vscode.commands.registerCommand(ViewCommandId.segmentsClearFilter, () => {
        segments.filter = {};
        segments.list(undefined);
        setState();
      }),
      vscode.commands.registerCommand(ViewCommandId.segmentsRefresh, () => corpus.rebuild()),
      vscode.commands.registerCommand(ViewCommandId.showStatistics, () => statistics.show()),
      vscode.commands.registerCommand(ViewCommandId.renameFrame, rename(false)),
      vscode.commands.registerCommand(ViewCommandId.mergeFrame, rename(true)),
      segments.onDidChangeTreeData(setState),
    ],
  };
}
