/**
 * Which codebook is in force, and its compiled matcher. Sources, in order: the `codebookPath` setting, a
 * `codebook.yaml` at the workspace root, the shipped codebook. Problems go to the Problems panel at the
 * codebook file; a codebook with errors never replaces the last good one (the coder keeps working).
 */
import * as vscode from 'vscode';
import { CODEBOOK_MAX_BYTES, parseCodebookBytes, matcherTerms, type Codebook } from '../core/codebook';
import { exampleProblems } from '../core/codebookTests';
import { Matcher } from '../core/matcher';
import { errorMessage, type Problem } from '../core/input';
import { readSettings, affectsSettings } from './settings';
import { toDiagnostic } from './convert';
import { ask } from './prompts';
import { assertReadable } from './workspaceReads';

export interface ActiveCodebook {
  codebook: Codebook;
  matcher: Matcher;
  uri: vscode.Uri;
}

export class CodebookService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ActiveCodebook>();
  /** Fires when a new codebook comes into force (not when a broken edit is refused). */
  readonly onDidChange = this.changed.event;
  private current: ActiveCodebook | undefined;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('sovereignty-codebook');
  private readonly disposables: vscode.Disposable[] = [this.changed, this.diagnostics];
  private watcher: vscode.FileSystemWatcher | undefined;
  private loading: Promise<void> = Promise.resolve();

  constructor(
    private readonly shippedUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsSettings(e, 'codebookPath')) void this.reload();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.reload()),
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (this.current && doc.uri.toString() === this.current.uri.toString()) void this.reload();
      }),
    );
  }

  /** True for the codebook that ships with the extension, which commands never write. */
  isShipped(uri: vscode.Uri): boolean {
    return uri.toString() === this.shippedUri.toString();
  }

  get active(): ActiveCodebook | undefined {
    return this.current;
  }

  /** Loads (again) from the configured source; resolves when done. Serialised so reloads never interleave. */
  reload(): Promise<void> {
    this.loading = this.loading.then(() => this.load());
    return this.loading;
  }

  private async load(): Promise<void> {
    const uri = await this.configuredUri();
    this.watch(uri);
    let bytes: Uint8Array;
    try {
      await assertReadable(uri, CODEBOOK_MAX_BYTES); // a workspace codebook linked to a file elsewhere is never read
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (e) {
      const message = `Sovereignty Coder: cannot read the codebook ${uri.fsPath}: ${errorMessage(e)}`;
      this.log.error(message);
      void ask({ severity: 'error', message, modal: false, items: [] });
      return;
    }
    const { codebook, problems } = parseCodebookBytes(bytes, uri.fsPath);
    this.showProblems(uri, problems);
    if (!codebook) {
      const kept = this.current ? ` The codebook '${this.current.codebook.id}' loaded before stays in force.` : '';
      const message = `Sovereignty Coder: the codebook ${vscode.workspace.asRelativePath(uri)} has ${problems.length} problem(s) (see Problems).${kept}`;
      this.log.warn(message);
      void vscode.window.showWarningMessage(message);
      return;
    }
    const started = Date.now();
    this.current = { codebook, matcher: Matcher.compile(matcherTerms(codebook)), uri };
    this.showProblems(uri, [...problems, ...exampleProblems(codebook, this.current.matcher)]); // the examples are its tests
    this.log.info(
      `codebook '${codebook.id}' from ${uri.toString()}: ${codebook.frames.length} frames, ${this.current.matcher.termCount} terms, compiled in ${Date.now() - started} ms`,
    );
    this.changed.fire(this.current);
  }

  private async configuredUri(): Promise<vscode.Uri> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    // Restricted Mode: a workspace codebook is content the user has not trusted yet; use the shipped one.
    if (!vscode.workspace.isTrusted || !folder) return this.shippedUri;
    const setting = readSettings(folder).codebookPath;
    if (setting) {
      return setting.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(setting)
        ? vscode.Uri.file(setting)
        : vscode.Uri.joinPath(folder, setting);
    }
    const atRoot = vscode.Uri.joinPath(folder, 'codebook.yaml');
    try {
      await vscode.workspace.fs.stat(atRoot);
      return atRoot;
    } catch {
      return this.shippedUri; // no workspace codebook: the shipped one is the default, nothing to report
    }
  }

  private showProblems(uri: vscode.Uri, problems: readonly Problem[]): void {
    this.diagnostics.set(uri, problems.map(toDiagnostic));
  }

  private watch(uri: vscode.Uri): void {
    if (this.watcher && this.current?.uri.toString() === uri.toString()) return;
    this.watcher?.dispose();
    if (uri.toString() === this.shippedUri.toString()) return;
    const dir = vscode.Uri.joinPath(uri, '..');
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    this.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dir, name));
    const onDisk = (): void => void this.reload();
    this.watcher.onDidChange(onDisk);
    this.watcher.onDidCreate(onDisk);
    this.watcher.onDidDelete(onDisk);
  }

  dispose(): void {
    this.watcher?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
