/**
 * Sovereignty Coder: builds the services, wires VS Code events to the core, and returns a small API for the
 * integration tests (so they wait for facts, never for a fixed time).
 */
import * as vscode from 'vscode';
import type { Annotation } from './core/annotations';
import { errorMessage } from './core/input';
import { OffThread } from './core/offThread';
import { TextMirrors } from './vscode/textMirrors';
import { AnnotationStore } from './vscode/annotationStore';
import { registerAddTexts } from './vscode/addTexts';
import { registerImportRefiQda } from './vscode/importRefiQda';
import { registerCodeActions } from './vscode/codeActions';
import { CodebookService } from './vscode/codebookService';
import { CodingHistory } from './vscode/codingHistory';
import { frameLabel } from './vscode/frames';
import { ACTIVE_EDITOR_CODED } from './vscode/commandIds';
import { openDocument } from './vscode/convert';
import { registerCommands } from './vscode/commands';
import { CoderIdentity, type Coder, type CoderPrompt } from './vscode/coderIdentity';
import { CueIndex } from './vscode/cueIndex';
import { DecorationController, type PaintedDecoration } from './vscode/decorations';
import { registerHover } from './vscode/hover';
import { answerPromptsWith, chooseSaveTargetsWith, type Prompt } from './vscode/prompts';
import { registerMemoEditor } from './vscode/memoEditor';
import { ReviewWalk } from './vscode/reviewWalk';
import type { Services } from './vscode/services';
import { affectsSettings, isCodedDocument, watchSettings } from './vscode/settings';
import { SidecarFiles, type SidecarQuestion } from './vscode/sidecarFiles';
import { registerSidecarSync } from './vscode/sidecarSync';
import { StartGate } from './vscode/startGate';
import { showWelcomeOnFirstRun } from './vscode/welcome';
import { workspaceHasCoding } from './vscode/workspaceDocuments';
import { SidecarProblems } from './vscode/sidecarProblems';
import { CodingStatusBar } from './vscode/statusBar';
import { registerGitCommands } from './vscode/gitCommands';
import { CompareView } from './vscode/views/compareView';
import { ProvenanceView } from './vscode/provenanceView';
import { registerViews, type RetrievalViews } from './vscode/views/registerViews';
import { registerAssist, type AssistApi } from './vscode/assist/registerAssist';
import { registerAdjudication, type AdjudicationApi } from './vscode/adjudication/registerAdjudication';
import { documentLength, followDocumentLengths } from './vscode/documentExcerpts';

export interface SovereigntyCoderApi {
  /** Resolves when the codebook is loaded and open documents are painted. */
  ready: Promise<void>;
  decorationsFor(uri: vscode.Uri): PaintedDecoration[];
  annotationsFor(uri: vscode.Uri): readonly Annotation[];
  /** Fires after an editor of the document was painted. */
  onDidPaint: vscode.Event<vscode.Uri>;
  /** Fires when a document's annotations changed in the store (an edit moved them, a decision, a reload). */
  onDidChangeAnnotations: vscode.Event<vscode.Uri>;
  /**
   * Tests: `answer` answers the extension's button prompts (prompts.ts) instead of the user, and `saveTo` (if
   * given) is what the export's save dialog picks, until disposed.
   */
  answerPrompts(answer: (prompt: Prompt) => string | undefined, saveTo?: vscode.Uri): vscode.Disposable;
  codebookId(): string | undefined;
  /** The sidecar's state as the store sees it (unsaved moves, problems, deleted on disk), for tests. */
  sidecarState(uri: vscode.Uri): { unsaved: boolean; readOnly: boolean; deletedOnDisk: boolean } | undefined;
  /** The lines of the Annotation Changes tree (compare with revision), for tests. */
  compareLines(): string[];
  /** The explorer tooltip of an added text's origin (its provenance record), if it has one. */
  originOf(uri: vscode.Uri): Promise<string | undefined>;
  /** How long activate() took, and the start behind the gate once it has run (ms). */
  activationTimes(): { activateMs: number; startMs: number | undefined };
  /**
   * performance.now() when the last text change reached the extension, before any handler of ours ran (the
   * editor benchmark splits a keystroke's latency there: VS Code's part before, ours after).
   */
  lastChangeEventAt(): number;
  /** The length the extension keeps for a document, followed through its edits (tests hold it to getText()). */
  documentLength(doc: vscode.TextDocument): number;
  /** Coding undo/redo of a document: next steps' labels and whether Ctrl+Z / Ctrl+Shift+Z reach them now. */
  codingHistory(doc: vscode.TextDocument): { undo?: string; redo?: string; undoable: boolean; redoable: boolean };
  /** The review walk's status-bar text for the active editor ('' when hidden). */
  reviewStatus(): string;
  /** The corpus index, the explorer, the Codebook view and the statistics view, for tests. */
  retrieval: RetrievalViews;
  /** Answers the confirmation of the coder's name instead of the input box (undefined: the input box again). */
  useCoderPrompt(prompt: CoderPrompt | undefined): void;
  /** The coder's name and its source, as the extension has it now. */
  coderIdentity(): Coder;
  /** Answers the questions about a changed annotation file instead of a notification (undefined: notifications). */
  answerSidecarQuestions(ask: SidecarQuestion | undefined): void;
  /** The frame suggester and the language-model coder, for tests. */
  assist: AssistApi;
  /** Compare Coders: the Disagreements tree and the painted spans, for tests. */
  adjudication: AdjudicationApi;
}

export function activate(context: vscode.ExtensionContext): SovereigntyCoderApi {
  const activatedAt = performance.now();
  context.subscriptions.push(watchSettings()); // first, so that every read below may use the cache
  // before every change handler of ours (VS Code calls them in the order they were registered)
  let lastChangeEventAt = 0;
  context.subscriptions.push(vscode.workspace.onDidChangeTextDocument(() => (lastChangeEventAt = performance.now())));
  context.subscriptions.push(followDocumentLengths()); // next: every handler below may ask a document's length
  const log = vscode.window.createOutputChannel('Sovereignty Coder', { log: true });
  const codebooks = new CodebookService(
    vscode.Uri.joinPath(context.extensionUri, 'codebook', 'sovereignty.yaml'),
    log,
    vscode.Uri.joinPath(context.extensionUri, 'dist', 'codebookWorker.js').fsPath,
  );
  const sidecarProblems = new SidecarProblems(log);
  const store = new AnnotationStore();
  const jobs = new OffThread(vscode.Uri.joinPath(context.extensionUri, 'dist', 'jobsWorker.js').fsPath, (reason) =>
    log.warn(`${reason}; running it on the extension host instead`),
  );
  const mirrors = new TextMirrors(jobs);
  const sidecars = new SidecarFiles(
    store,
    sidecarProblems,
    log,
    () => codebooks.active?.codebook.id ?? 'unknown',
    jobs,
    mirrors,
  );
  const cues = new CueIndex(() => codebooks.active?.matcher);
  const decorations = new DecorationController(codebooks, cues, store);
  const coder = new CoderIdentity();
  const history = new CodingHistory(sidecars, (id) => frameLabel(codebooks.active?.codebook, id));
  const { version: packageVersion } = context.extension.packageJSON as { version?: unknown };
  const version = typeof packageVersion === 'string' ? packageVersion : 'dev';
  const services: Services = {
    codebooks,
    store,
    sidecars,
    history,
    cues,
    log,
    version,
    extensionId: context.extension.id,
    coder,
    jobs,
    mirrors,
  };
  const provenance = new ProvenanceView(log, () => statusBar.update());
  const statusBar: CodingStatusBar = new CodingStatusBar(services, (uri) => provenance.summaryOf(uri));
  const compare = new CompareView();
  const review = new ReviewWalk(services);
  const selector: vscode.DocumentSelector = '*';
  const retrieval = registerViews(services);
  const assist = registerAssist(services, context.workspaceState);
  // the gate is built below; the commands open it when run, as every other command does
  const adjudication = registerAdjudication(services, context.workspaceState, () => gate.opened());

  const refreshActive = (): void => {
    const doc = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', ACTIVE_EDITOR_CODED, doc ? isCodedDocument(doc) : false);
    statusBar.update();
  };
  // The costly start (codebook, sidecars, painting) waits behind the gate; see startGate.ts for why.
  let startMs: number | undefined;
  const gate = new StartGate(async () => {
    const startedAt = performance.now();
    // behind the gate, as before onStartupFinished: not in every window after install, only where coding starts
    showWelcomeOnFirstRun(context, log);
    const identity = await coder.refresh();
    log.info(
      `coder: ${identity.name} (from ${identity.source}); workspace ${vscode.workspace.isTrusted ? 'trusted' : 'in Restricted Mode: read-only'}`,
    );
    await codebooks.reload();
    await Promise.all(
      vscode.workspace.textDocuments
        .filter((d) => isCodedDocument(d) && !store.get(d.uri))
        .map((d) => sidecars.load(d)),
    );
    decorations.paintAllNow();
    refreshActive();
    startMs = performance.now() - startedAt;
    log.info(`started in ${startMs.toFixed(0)} ms`);
  });
  gate.ready.catch((e: unknown) => {
    const message = `Sovereignty Coder failed to start: ${errorMessage(e)}`;
    log.error(message);
    void vscode.window.showErrorMessage(message, 'Show Log').then((c) => c && log.show());
  });
  context.subscriptions.push(
    log,
    jobs,
    mirrors,
    codebooks,
    coder,
    sidecarProblems,
    store,
    history,
    decorations,
    statusBar,
    review,
    gate,
    provenance,
    registerHover(services, selector),
    registerMemoEditor(services),
    registerCodeActions(services, selector),
    ...registerCommands(services, () => gate.opened(), review),
    registerAddTexts(services, context.extensionUri),
    registerImportRefiQda(services),
    compare,
    ...registerGitCommands(services, context.extensionPath, compare),
    ...registerSidecarSync(store, sidecars, log),
    // a new codebook means a new matcher: cached cues go before the styles are rebuilt and painted
    codebooks.onDidChange(() => {
      cues.invalidate();
      decorations.resetStyles();
    }),
    coder.onDidChange(() => statusBar.update()),
    ...retrieval.disposables,
    ...assist.disposables,
    ...adjudication.disposables,
    store.onDidChange((uri) => {
      const doc = openDocument(uri);
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
      if (affectsSettings(e, 'languages')) cues.invalidate(); // the set of coded documents changed
      if (affectsSettings(e, 'frameColors') || affectsSettings(e, 'showCues') || affectsSettings(e, 'languages'))
        decorations.resetStyles();
      if (affectsSettings(e, 'coder'))
        coder.refresh().catch((err: unknown) => log.error(`reading the coder's name: ${errorMessage(err)}`));
    }),
  );

  if (vscode.workspace.textDocuments.some(isCodedDocument)) void gate.open();
  else {
    gate.openWhen(vscode.workspace.onDidOpenTextDocument, isCodedDocument);
    workspaceHasCoding().then(
      (found) => {
        if (found) void gate.open();
      },
      (e: unknown) => log.error(`looking for a codebook or annotation files: ${errorMessage(e)}`),
    );
  }
  const activateMs = performance.now() - activatedAt;
  log.info(
    `activated in ${activateMs.toFixed(1)} ms; ${gate.isOpen ? 'starting' : 'waiting for a coded document, a codebook or a command to start'}`,
  );

  return {
    ready: gate.ready,
    activationTimes: () => ({ activateMs, startMs }),
    lastChangeEventAt: () => lastChangeEventAt,
    documentLength: (doc) => documentLength(doc),
    decorationsFor: (uri) => decorations.paintedFor(uri),
    annotationsFor: (uri) => store.get(uri)?.annotations ?? [],
    onDidPaint: decorations.onDidPaint,
    onDidChangeAnnotations: store.onDidChange,
    answerPrompts: (answer, saveTo) =>
      vscode.Disposable.from(
        answerPromptsWith((prompt) => Promise.resolve(answer(prompt))),
        ...(saveTo ? [chooseSaveTargetsWith(() => Promise.resolve(saveTo))] : []),
      ),
    codebookId: () => codebooks.active?.codebook.id,
    originOf: async (uri) => (await provenance.provideFileDecoration(uri))?.tooltip,
    sidecarState: (uri) => {
      const entry = store.get(uri);
      return entry && { unsaved: entry.unsaved, readOnly: entry.readOnly, deletedOnDisk: entry.deletedOnDisk };
    },
    compareLines: () => compare.lines(),
    codingHistory: (doc) => history.state(doc),
    reviewStatus: () => review.statusText(),
    retrieval,
    useCoderPrompt: (prompt) => coder.usePrompt(prompt),
    coderIdentity: () => coder.identity,
    answerSidecarQuestions: (ask) => sidecars.useQuestions(ask),
    assist: assist.api,
    adjudication: adjudication.api,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
