/**
 * Which codebook is in force, and its compiled matcher. Sources, in order: the `codebookPath` setting, a
 * `codebook.yaml` at the workspace root, the shipped codebook. Problems go to the Problems panel at the
 * codebook file; a codebook with errors never replaces the last good one (the coder keeps working).
 *
 * The parse, checks and compile run in a worker thread (core/codebookLoad), never on the extension host's
 * event loop. Loads are serialised; reloads asked for while one waits join it (a write of the codebook brings
 * a save, a create and a change event), and bytes equal to those of the codebook in force are not loaded again.
 */
import * as vscode from 'vscode';
import { CODEBOOK_MAX_BYTES, type Codebook } from '../core/codebook';
import { CodebookLoader, type FrameFills } from '../core/codebookLoad';
import { warmUp, warmUpText, type Matcher } from '../core/matcher';
import { errorMessage, type Problem } from '../core/input';
import { readSettings, affectsSettings } from './settings';
import { toDiagnostic } from './convert';
import { ask } from './prompts';
import { assertReadable } from './workspaceReads';

export interface ActiveCodebook {
  codebook: Codebook;
  matcher: Matcher;
  uri: vscode.Uri;
  /** The frames' highlight fills, chosen with the load (off the extension host's thread). */
  fills: FrameFills;
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
  /** A reload that has not started yet: later reloads join it. */
  private queued: Promise<void> | undefined;
  /** The file and bytes the codebook in force was loaded from (cleared by a failed load). */
  private loadedFrom: { uri: string; bytes: Uint8Array } | undefined;
  private readonly loader: CodebookLoader;

  constructor(
    private readonly shippedUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    workerScript: string,
  ) {
    this.loader = new CodebookLoader(workerScript, (reason) =>
      this.log.warn(`${reason}; loading the codebook on the extension host instead`),
    );
    this.disposables.push(
      { dispose: () => this.loader.dispose() },
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
    if (this.queued) return this.queued;
    const run = this.loading.then(
      () => this.startLoad(),
      () => this.startLoad(), // a failed load was reported to its caller; the next one runs all the same
    );
    this.queued = run;
    this.loading = run;
    return run;
  }

  private startLoad(): Promise<void> {
    this.queued = undefined;
    return this.load();
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
    if (this.current && this.loadedFrom?.uri === uri.toString() && sameBytes(this.loadedFrom.bytes, bytes)) {
      this.log.info(`codebook '${this.current.codebook.id}' unchanged on disk: not loaded again`);
      return;
    }
    this.loadedFrom = undefined;
    const { codebook, problems, matcher, fills, compileMs } = await this.loader.load(bytes, uri.fsPath);
    if (!codebook || !matcher) {
      this.showProblems(uri, problems);
      const kept = this.current ? ` The codebook '${this.current.codebook.id}' loaded before stays in force.` : '';
      const message = `Sovereignty Coder: the codebook ${vscode.workspace.asRelativePath(uri)} has ${problems.length} problem(s) (see Problems).${kept}`;
      this.log.warn(message);
      void vscode.window.showWarningMessage(message);
      return;
    }
    const current = { codebook, matcher, uri, fills };
    this.current = current;
    this.loadedFrom = { uri: uri.toString(), bytes };
    // the scanner compiled before the first paint needs it (core/matcher/warmUp.ts), in three small tasks
    const terms = codebook.frames.flatMap((f) => f.terms.map((t) => t.pattern.raw));
    warmUp(matcher, warmUpText(terms), () => this.current === current);
    this.showProblems(uri, problems); // the parse's, then the examples' (its tests)
    this.log.info(
      `codebook '${codebook.id}' from ${uri.toString()}: ${codebook.frames.length} frames, ${matcher.termCount} terms, compiled in ${compileMs.toFixed(0)} ms`,
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

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}
