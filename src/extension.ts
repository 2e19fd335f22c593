/**
 * Sovereignty Coder: builds the services, wires VS Code events to the core, and returns a small API for the
 * integration tests (so they wait for facts, never for a fixed time).
 */
import * as vscode from 'vscode';
import type { Annotation } from './core/annotations';
import { AnnotationStore } from './vscode/annotationStore';
import { registerCodeActions } from './vscode/codeActions';
import { CodebookService } from './vscode/codebookService';
import { ACTIVE_EDITOR_CODED } from './vscode/commandIds';
import { registerCommands } from './vscode/commands';
import { resolveCoder } from './vscode/coderIdentity';
import { CueIndex } from './vscode/cueIndex';
import { DecorationController, type PaintedDecoration } from './vscode/decorations';
import { registerHover } from './vscode/hover';
import type { Services } from './vscode/services';
import { affectsSettings, isCodedDocument } from './vscode/settings';
import { registerSidecarSync } from './vscode/sidecarSync';
import { registerWelcome } from './vscode/welcome';
import { SidecarProblems } from './vscode/sidecarProblems';
import { CodingStatusBar } from './vscode/statusBar';
import { registerViews, type RetrievalViews } from './vscode/views/registerViews';

export interface SovereigntyCoderApi {
  /** Resolves when the codebook is loaded and open documents are painted. */
  ready: Promise<void>;
  decorationsFor(uri: vscode.Uri): PaintedDecoration[];
  annotationsFor(uri: vscode.Uri): readonly Annotation[];
  /** Fires after an editor of the document was painted. */
  onDidPaint: vscode.Event<vscode.Uri>;
  codebookId(): string | undefined;
  /** The sidecar's state as the store sees it (unsaved moves, problems, deleted on disk), for tests. */
  sidecarState(uri: vscode.Uri): { unsaved: boolean; readOnly: boolean; deletedOnDisk: boolean } | undefined;
  /** The corpus index, the explorer, the Codebook view and the statistics view, for tests. */
  retrieval: RetrievalViews;
}

export function activate(context: vscode.ExtensionContext): SovereigntyCoderApi {
  const log = vscode.window.createOutputChannel('Sovereignty Coder', { log: true });
  const codebooks = new CodebookService(vscode.Uri.joinPath(context.extensionUri, 'codebook', 'sovereignty.yaml'), log);
  const sidecarProblems = new SidecarProblems(log);
  const store = new AnnotationStore(sidecarProblems, log, () => codebooks.active?.codebook.id ?? 'unknown');
  const cues = new CueIndex(() => codebooks.active?.matcher);
  const decorations = new DecorationController(codebooks, cues, store);
  let coderName = 'unknown';
  const { version: packageVersion } = context.extension.packageJSON as { version?: unknown };
  const version = typeof packageVersion === 'string' ? packageVersion : 'dev';
  const services: Services = { codebooks, store, cues, decorations, log, version, coder: () => coderName };
  const statusBar = new CodingStatusBar(services);
  const selector: vscode.DocumentSelector = '*';
  const retrieval = registerViews(services);

  const refreshActive = (): void => {
    const doc = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', ACTIVE_EDITOR_CODED, doc ? isCodedDocument(doc) : false);
    statusBar.update();
  };
  context.subscriptions.push(
    log, codebooks, sidecarProblems, store, decorations, statusBar,
    registerHover(services, selector),
    registerCodeActions(services, selector),
    ...registerCommands(services),
    ...registerSidecarSync(store, log),
    ...retrieval.disposables,
    registerWelcome(context, log),
    codebooks.onDidChange(() => decorations.resetStyles()),
    store.onDidChange((uri) => {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (doc) decorations.schedule(doc);
      statusBar.update();
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (!isCodedDocument(e.document)) return;
      cues.update(e);
      decorations.schedule(e.document);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => cues.invalidate(doc)),
    vscode.window.onDidChangeVisibleTextEditors(() => decorations.paintAllNow()),
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => decorations.schedule(e.textEditor.document)),
    vscode.window.onDidChangeActiveTextEditor(refreshActive),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsSettings(e, 'frameColors') || affectsSettings(e, 'showCues') || affectsSettings(e, 'languages')) decorations.resetStyles();
      if (affectsSettings(e, 'coder')) void resolveCoder().then((c) => { coderName = c.name; statusBar.update(); });
    }),
  );

  const ready = (async () => {
    const coder = await resolveCoder();
    coderName = coder.name;
    log.info(`coder: ${coder.name} (from ${coder.source}); workspace ${vscode.workspace.isTrusted ? 'trusted' : 'in Restricted Mode: read-only'}`);
    await codebooks.reload();
    await Promise.all(vscode.workspace.textDocuments.filter((d) => isCodedDocument(d) && !store.get(d.uri)).map((d) => store.load(d)));
    decorations.paintAllNow();
    refreshActive();
  })();
  ready.catch((e: unknown) => {
    const message = `Sovereignty Coder failed to start: ${e instanceof Error ? e.message : String(e)}`;
    log.error(message);
    void vscode.window.showErrorMessage(message, 'Show Log').then((c) => c && log.show());
  });

  return {
    ready,
    decorationsFor: (uri) => decorations.paintedFor(uri),
    annotationsFor: (uri) => store.get(uri)?.annotations ?? [],
    onDidPaint: decorations.onDidPaint,
    codebookId: () => codebooks.active?.codebook.id,
    sidecarState: (uri) => {
      const entry = store.get(uri);
      return entry && { unsaved: entry.unsaved, readOnly: entry.readOnly, deletedOnDisk: entry.deletedOnDisk };
    },
    retrieval,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
