/**
 * Shows where an added text came from: a badge and tooltip on the text in the explorer (a file decoration)
 * and a line in the hover of the status-bar item, both read from the text's provenance record
 * (`<text>.provenance.yaml`, core/import/provenance.ts). Records are read once and cached; a watcher
 * refreshes them when a text is added again or a record is edited.
 */
import * as vscode from 'vscode';
import { parseProvenance, PROVENANCE_SUFFIX, provenanceSummary } from '../core/import/provenance';

export class ProvenanceView implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly summaries = new Map<string, string | undefined>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri[]>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly onSummary: () => void,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/*${PROVENANCE_SUFFIX}`);
    const refresh = (record: vscode.Uri): void => {
      const text = record.with({ path: record.path.slice(0, -PROVENANCE_SUFFIX.length) });
      this.summaries.delete(text.toString());
      this.changed.fire([text]);
      this.onSummary();
    };
    this.disposables.push(
      watcher,
      watcher.onDidCreate(refresh),
      watcher.onDidChange(refresh),
      watcher.onDidDelete(refresh),
      vscode.window.registerFileDecorationProvider(this),
      this.changed,
    );
  }

  private async load(text: vscode.Uri): Promise<string | undefined> {
    const key = text.toString();
    if (this.summaries.has(key)) return this.summaries.get(key);
    const record = text.with({ path: text.path + PROVENANCE_SUFFIX });
    let summary: string | undefined;
    try {
      const yaml = new TextDecoder().decode(await vscode.workspace.fs.readFile(record));
      const parsed = parseProvenance(yaml, record.fsPath);
      if (parsed instanceof Error) this.log.warn(parsed.message);
      else summary = provenanceSummary(parsed);
    } catch (e) {
      if (!(e instanceof vscode.FileSystemError && e.code === 'FileNotFound'))
        this.log.warn(`${record.fsPath}: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.summaries.set(key, summary);
    return summary;
  }

  async provideFileDecoration(uri: vscode.Uri): Promise<vscode.FileDecoration | undefined> {
    if (!uri.path.endsWith('.txt')) return undefined;
    const summary = await this.load(uri);
    return summary ? new vscode.FileDecoration('⤓', summary) : undefined;
  }

  /** The cached summary of a text (loading it in the background when not cached yet). */
  summaryOf(text: vscode.Uri): string | undefined {
    const key = text.toString();
    if (!this.summaries.has(key)) {
      void this.load(text).then((s) => s && this.onSummary());
      return undefined;
    }
    return this.summaries.get(key);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
