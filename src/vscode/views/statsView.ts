/**
 * "Show Frame Statistics": the core's statistics report over the corpus index (the explorer's filter applies,
 * so the charts show what the explorer shows), drawn in a webview. A click on a bar or a cell lists those
 * segments in the explorer; "Save as SVG/PNG" writes the chart where the user says. The panel follows the
 * index: when coding changes, the open panel is redrawn.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { filterSegments } from '../../core/index';
import {
  COOCCURRENCE_MODES,
  cooccurringSegments,
  NO_VALUE,
  statsReport,
  type CooccurrenceMode,
  type GroupBy,
  type StatsReport,
} from '../../core/stats';
import type { Services } from '../services';
import type { CorpusService } from './corpusService';
import type { SegmentsTreeProvider } from './segmentsTree';
import { statsPage } from './statsPage';

export const SEGMENTS_VIEW = 'sovereigntyCoder.segments';

/** A message from the page (its script is ours, but it is checked like any input). */
interface PageMessage {
  type?: unknown;
  by?: unknown;
  mode?: unknown;
  frame?: unknown;
  other?: unknown;
  group?: unknown;
  chart?: unknown;
  format?: unknown;
  data?: unknown;
  message?: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export class StatsView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private by = '';
  private mode: CooccurrenceMode = 'overlap';
  private readonly subscription: vscode.Disposable;
  /** The last report drawn and the last page, for tests. */
  lastReport: StatsReport | undefined;
  lastHtml = '';

  constructor(
    private readonly services: Services,
    private readonly corpus: CorpusService,
    private readonly tree: SegmentsTreeProvider,
  ) {
    this.subscription = corpus.onDidChange(() => {
      if (this.panel) void this.render();
    });
  }

  private groupBy(): GroupBy | undefined {
    if (this.by === '') return undefined;
    return this.by === 'text' ? { kind: 'text' } : { kind: 'attribute', name: this.by };
  }

  /** Opens (or refreshes) the panel; resolves to the report drawn. */
  async show(): Promise<StatsReport | undefined> {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        'sovereigntyCoder.statistics',
        'Frame Statistics',
        vscode.ViewColumn.Beside,
        { enableScripts: true, localResourceRoots: [] },
      );
      this.panel.onDidDispose(() => {
        this.panel = undefined;
      });
      this.panel.webview.onDidReceiveMessage(
        (m: PageMessage) =>
          void this.handle(m).catch((e: unknown) =>
            this.services.log.error(`statistics view: ${e instanceof Error ? e.message : String(e)}`),
          ),
      );
    }
    const report = await this.render();
    this.panel.reveal(undefined, true);
    return report;
  }

  private async render(): Promise<StatsReport | undefined> {
    const index = await this.corpus.current();
    if (!index || !this.panel) return undefined;
    if (this.by !== '' && this.by !== 'text' && !this.corpus.attributes.columns.includes(this.by)) this.by = '';
    const segments = filterSegments(index.segments(), this.tree.filter, this.corpus.attributes);
    const report = statsReport(
      index.codebook,
      index.documents().map((d) => d.document),
      segments,
      { by: this.groupBy(), cooccurrence: this.mode, attributes: this.corpus.attributes },
    );
    const nonce = randomBytes(16).toString('base64');
    this.lastHtml = statsPage(report, {
      cspSource: this.panel.webview.cspSource,
      nonce,
      by: this.by,
      attributes: this.corpus.attributes.columns,
      title: vscode.workspace.name ?? 'workspace',
    });
    this.panel.webview.html = this.lastHtml;
    this.lastReport = report;
    return report;
  }

  /** A message from the page: new options, "list these segments", a chart to save, or an error to show. */
  async handle(m: PageMessage): Promise<unknown> {
    if (m.type === 'options') {
      const by = str(m.by);
      const mode = str(m.mode);
      if (by !== undefined) this.by = by;
      if (mode !== undefined && (COOCCURRENCE_MODES as readonly string[]).includes(mode))
        this.mode = mode as CooccurrenceMode;
      return this.render();
    }
    if (m.type === 'list') return this.listSegments(str(m.frame), str(m.other), str(m.group));
    if (m.type === 'save') return this.save(str(m.chart) ?? 'chart', str(m.format), str(m.data));
    if (m.type === 'error')
      void vscode.window.showErrorMessage(`Frame statistics: ${str(m.message) ?? 'unknown error'}`);
    return undefined;
  }

  /** Lists a bar's or a cell's segments in the explorer; resolves to how many. */
  private async listSegments(
    frame: string | undefined,
    other: string | undefined,
    group: string | undefined,
  ): Promise<number> {
    const index = await this.corpus.current();
    if (!index || frame === undefined) return 0;
    const all = filterSegments(index.segments(), this.tree.filter, this.corpus.attributes);
    const label = (id: string): string => index.codebook.frames.find((f) => f.id === id)?.label ?? id;
    let listed;
    let title;
    if (other !== undefined && other !== '') {
      listed = cooccurringSegments(
        index.documents().map((d) => d.document),
        all,
        frame,
        other,
        this.mode,
      );
      title = frame === other ? label(frame) : `${label(frame)} × ${label(other)} (${this.mode})`;
    } else {
      const by = this.groupBy();
      const inGroup = (document: string): boolean =>
        group === undefined ||
        group === '' ||
        by === undefined ||
        (by.kind === 'text'
          ? document === group
          : (this.corpus.attributes.valueOf(document, by.name) ?? NO_VALUE) === group);
      listed = all.filter((s) => s.annotation.frame === frame && inGroup(s.document));
      title = group ? `${label(frame)} in ${group}` : label(frame);
    }
    this.tree.list(`Listed: ${title}`, listed);
    await vscode.commands.executeCommand(`${SEGMENTS_VIEW}.focus`);
    return listed.length;
  }

  private async save(chart: string, format: string | undefined, data: string | undefined): Promise<boolean> {
    if ((format !== 'svg' && format !== 'png') || data === undefined) return false;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      title: `Save chart as ${format.toUpperCase()}`,
      filters: { [format.toUpperCase()]: [format] },
      defaultUri: folder ? vscode.Uri.joinPath(folder, `frame-statistics-${chart}.${format}`) : undefined,
    });
    if (!target) return false;
    await vscode.workspace.fs.writeFile(
      target,
      format === 'svg' ? new TextEncoder().encode(data) : Buffer.from(data, 'base64'),
    );
    this.services.log.info(`saved chart ${chart} to ${target.toString()}`);
    return true;
  }

  dispose(): void {
    this.subscription.dispose();
    this.panel?.dispose();
  }
}
