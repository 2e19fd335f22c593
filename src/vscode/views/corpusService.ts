/**
 * The workspace's corpus index in VS Code: every sidecar of the workspace (not only those of open documents),
 * read in chunks so that the extension host is never held for long, then kept current. A file watcher marks
 * changed sidecars stale and they are re-read lazily (together, shortly after the last change); a coding
 * decision in an open editor updates that one document from memory shortly after (and at once for current()),
 * so the views follow the coder live while typing costs no whole-document read per keystroke. documents.csv is
 * read and validated beside it; its problems go to the Problems panel.
 */
import * as vscode from 'vscode';
import { ATTRIBUTES_FILE, DocumentAttributes, parseDocumentAttributes } from '../../core/attributes';
import { CorpusIndex, indexInChunks, type ChunkOptions, type ChunkReport, type RawDocument } from '../../core/index';
import { segmentsFromPlaces, type CodedDocument, type CodedSegment } from '../../core/documents';
import type { Annotation } from '../../core/annotations';
import { sourcePathFor } from '../../core/sidecar';
import { documentText } from '../convert';
import { readStrictText, workspaceFilePort } from '../filePort';
import { decodeUtf8Lenient } from '../../core/input';
import type { Services } from '../services';
import { framesOnly, MirrorMissing } from '../../core/offThread';
import { LARGE_CHARS, TextMirrors } from '../textMirrors';

const SIDECARS = '**/*.annotations.yaml';
const EXCLUDED = '{**/node_modules/**,**/.git/**}';
/** Changes on disk come in bursts (a checkout rewrites many sidecars): wait for the burst to end. */
const REFRESH_DELAY_MS = 150;
/**
 * Every keystroke in a coded document changes the store (its annotations shift), and an update from memory
 * reads the whole text (200 ms per keystroke at 10 MB with 10,000 annotations): updates wait for a pause.
 */
const MEMORY_DELAY_MS = 150;
/**
 * A document this large (sidecar or text, in UTF-16 units) is indexed in the jobs worker: at 10 MB with 10,000
 * annotations its entry takes a third of a second, which in one piece would hold the extension host. Smaller
 * ones cost less than the crossing (the codebook goes along with each) and stay here, between pauses. An open
 * document's text goes as the worker's copy of it (textMirrors.ts).
 */
const OFF_THREAD_CHARS = LARGE_CHARS;

export class CorpusService implements vscode.Disposable {
  private index: CorpusIndex | undefined;
  private readonly uris = new Map<string, vscode.Uri>();
  /** Large open documents of the current indexing, by path: their text is not read here but named (a copy). */
  private readonly openLarge = new Map<string, vscode.TextDocument>();
  private readonly stale = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly attributeProblems = vscode.languages.createDiagnosticCollection('sovereigntyCoder.attributes');
  private pending: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Open documents whose in-memory coding is not in the index yet. */
  private readonly memoryDue = new Map<string, vscode.Uri>();
  private memoryTimer: ReturnType<typeof setTimeout> | undefined;
  attributes = DocumentAttributes.empty();
  /** The last full indexing, for the log and the tests. */
  lastReport: ChunkReport | undefined;
  readonly onDidChange = this.changed.event;

  constructor(private readonly services: Services) {
    const watcher = vscode.workspace.createFileSystemWatcher(SIDECARS);
    const attributesWatcher = vscode.workspace.createFileSystemWatcher(`**/${ATTRIBUTES_FILE}`);
    const markStale = (uri: vscode.Uri): void => {
      this.stale.add(uri.toString());
      this.scheduleRefresh();
    };
    this.disposables.push(
      watcher,
      attributesWatcher,
      this.changed,
      this.attributeProblems,
      watcher.onDidCreate(markStale),
      watcher.onDidChange(markStale),
      watcher.onDidDelete(markStale),
      attributesWatcher.onDidCreate(() => this.queue(() => this.readAttributes())),
      attributesWatcher.onDidChange(() => this.queue(() => this.readAttributes())),
      attributesWatcher.onDidDelete(() => this.queue(() => this.readAttributes())),
      services.store.onDidChange((uri) => this.memoryChanged(uri)),
      // rebuild queues itself: a new codebook can add frames and change every label
      services.codebooks.onDidChange(() => void this.rebuild()),
    );
  }

  /** Runs `job` after every job before it, so that reads and updates never interleave. */
  private queue(job: () => Promise<void>): Promise<void> {
    this.pending = this.pending
      .then(job)
      .catch((e: unknown) => this.services.log.error(`corpus index: ${e instanceof Error ? e.message : String(e)}`));
    return this.pending;
  }

  private scheduleRefresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.queue(() => this.refreshStale()), REFRESH_DELAY_MS);
  }

  /** The index with every pending change applied; undefined while no codebook is loaded. */
  async current(): Promise<CorpusIndex | undefined> {
    if (this.stale.size > 0) await this.queue(() => this.refreshStale());
    if (this.memoryDue.size > 0) await this.queue(() => this.fromMemory());
    await this.pending;
    return this.index;
  }

  /** The codebook of the index as it is now (without waiting for pending changes). */
  peekCodebook(): CorpusIndex['codebook'] | undefined {
    return this.index?.codebook;
  }

  /** The source URI of a document path of the index. */
  uriOf(path: string): vscode.Uri | undefined {
    return this.uris.get(path);
  }

  /** Reads the whole workspace again (first start, a new codebook). */
  rebuild(): Promise<void> {
    return this.queue(async () => {
      const codebook = this.services.codebooks.active?.codebook;
      if (!codebook) return;
      this.index = new CorpusIndex(codebook);
      this.uris.clear();
      this.stale.clear();
      await this.readAttributes();
      const sidecars = await vscode.workspace.findFiles(SIDECARS, EXCLUDED);
      this.lastReport = await indexInChunks(
        this.index,
        sidecars,
        (uri) => this.load(uri),
        (raw, read) => this.refused(raw, read.problems.length),
        this.chunkOptions(),
      );
      this.services.log.info(
        `indexed ${this.lastReport.documents} text(s) with ${this.lastReport.annotations} annotation(s) in ${this.lastReport.totalMs.toFixed(0)} ms (longest run ${this.lastReport.longestRunMs.toFixed(1)} ms)`,
      );
      this.changed.fire();
    });
  }

  /** Large documents are built in the jobs worker, under the index's codebook. */
  private chunkOptions(): ChunkOptions {
    return {
      offThread: {
        isLarge: (raw) =>
          this.openLarge.has(raw.path) ||
          raw.sidecarText.length + (raw.sourceText?.length ?? raw.sourceBytes?.length ?? 0) > OFF_THREAD_CHARS,
        build: async (raw) => {
          const full = this.index?.codebook;
          if (!full) throw new Error('the corpus index has no codebook');
          const codebook = framesOnly(full);
          const open = this.openLarge.get(raw.path);
          for (;;) {
            const sourceText = open
              ? await this.services.mirrors.textOf(open)
              : raw.sourceBytes
                ? { utf8: raw.sourceBytes }
                : raw.sourceText;
            try {
              const built = await this.services.jobs.run('indexEntry', {
                path: raw.path,
                sidecarFile: raw.sidecarFile,
                sidecarText: raw.sidecarText,
                sourceText,
                codebook,
                keepText: !open,
              });
              const document = built.read.document;
              if (open && document) {
                // the text stayed in the worker (keepText false): the document reads it from the editor when asked
                const lazy = lazyDocument(open, document.path, document.annotations);
                if (document.done) lazy.done = document.done;
                if (document.origin) lazy.origin = document.origin;
                built.read.document = lazy;
              }
              return built;
            } catch (e) {
              if (!(e instanceof MirrorMissing)) throw e; // the copy moved on (an edit): name it again
            }
          }
        },
      },
    };
  }

  private refused(raw: RawDocument, problems: number): void {
    this.services.log.warn(
      `corpus index: ${raw.sidecarFile} was refused (${problems} problem(s), see Problems); its annotations are not listed until it is fixed`,
    );
  }

  private pathOf(source: vscode.Uri): string {
    return vscode.workspace.asRelativePath(source, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  }

  /** One document's files: from the editor and the store when it is open (what the coder sees), else from disk. */
  private async load(sidecar: vscode.Uri): Promise<RawDocument | undefined> {
    const sourcePath = sourcePathFor(sidecar.path);
    if (sourcePath === undefined) return undefined;
    const source = sidecar.with({ path: sourcePath });
    const path = this.pathOf(source);
    this.uris.set(path, source);
    const port = workspaceFilePort(sidecar);
    const sidecarText = await readStrictText(port, sidecar.path, sidecar.fsPath, 'annotation file');
    if (sidecarText === undefined) {
      this.index?.remove(path);
      return undefined;
    }
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === source.toString());
    if (open && TextMirrors.isLarge(open)) this.openLarge.set(path, open);
    else this.openLarge.delete(path);
    const files = { path, sidecarFile: vscode.workspace.asRelativePath(sidecar), sidecarText };
    if (open) return { ...files, sourceText: this.openLarge.has(path) ? undefined : open.getText() };
    // a large closed text goes to the worker as its bytes, decoded there (EncodedText in offThread/jobs.ts)
    const bytes = await port.readBytes(source.path);
    if (bytes !== undefined && bytes.length > OFF_THREAD_CHARS)
      return { ...files, sourceText: undefined, sourceBytes: bytes };
    return { ...files, sourceText: bytes === undefined ? undefined : decodeUtf8Lenient(bytes) };
  }

  private async refreshStale(): Promise<void> {
    if (!this.index || this.stale.size === 0) return;
    const uris = [...this.stale].map((s) => vscode.Uri.parse(s));
    this.stale.clear();
    await indexInChunks(
      this.index,
      uris,
      (uri) => this.load(uri),
      (raw, read) => {
        this.index?.remove(raw.path);
        this.refused(raw, read.problems.length);
      },
      this.chunkOptions(),
    );
    for (const uri of uris) await this.fromMemoryNow(uri.with({ path: sourcePathFor(uri.path) ?? uri.path }));
    this.changed.fire();
  }

  private memoryChanged(uri: vscode.Uri): void {
    this.memoryDue.set(uri.toString(), uri);
    if (this.memoryTimer) clearTimeout(this.memoryTimer);
    this.memoryTimer = setTimeout(() => void this.queue(() => this.fromMemory()), MEMORY_DELAY_MS);
  }

  /** Every open document changed in memory since the last update goes into the index. */
  private async fromMemory(): Promise<void> {
    if (this.memoryTimer) clearTimeout(this.memoryTimer);
    this.memoryTimer = undefined;
    const uris = [...this.memoryDue.values()];
    this.memoryDue.clear();
    let changed = false;
    for (const uri of uris) changed = (await this.fromMemoryNow(uri)) || changed;
    if (changed) this.changed.fire();
  }

  /**
   * An open document's in-memory coding replaces what the disk says; true when the index changed. A large
   * document's segments are computed in the jobs worker; the document as it was when read goes in (a later
   * edit changes the store again, and that change comes here in turn).
   */
  private async fromMemoryNow(uri: vscode.Uri): Promise<boolean> {
    const entry = this.services.store.get(uri);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!this.index || !entry || !doc || entry.onDisk === undefined) return false;
    const path = this.pathOf(uri);
    if (entry.annotations.length === 0 && entry.onDisk === null) return this.index.remove(path);
    this.uris.set(path, uri);
    const { readOnly, annotations } = entry;
    const index = this.index;
    if (!TextMirrors.isLarge(doc)) {
      index.put({ path, text: documentText(doc), annotations }, index.get(path)?.problems ?? [], readOnly);
      return true;
    }
    let done: { segments: CodedSegment[]; annotations: readonly Annotation[] } | undefined;
    while (!done) {
      const text = await this.services.mirrors.textOf(doc);
      // the annotations as they are now, with the text as it is now (edits while the copy filled moved them)
      const now = this.services.store.get(uri)?.annotations ?? annotations;
      try {
        const places = await this.services.jobs.run('segmentPlaces', {
          document: { path, text, annotations: now },
          codebook: framesOnly(index.codebook),
        });
        done = { segments: segmentsFromPlaces(index.codebook, { path, annotations: now }, places), annotations: now };
      } catch (e) {
        if (!(e instanceof MirrorMissing)) throw e; // the copy moved on (an edit): name it again
      }
    }
    if (this.index !== index) return false; // rebuilt meanwhile (a new codebook): the rebuild has read it
    index.put(lazyDocument(doc, path, done.annotations), index.get(path)?.problems ?? [], readOnly, done.segments);
    return true;
  }

  private async readAttributes(): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    this.attributeProblems.clear();
    this.attributes = DocumentAttributes.empty();
    if (!folder) return;
    const file = vscode.Uri.joinPath(folder, ATTRIBUTES_FILE);
    const text = await readStrictText(workspaceFilePort(file), file.path, file.fsPath, 'document attributes file');
    if (text === undefined) return;
    const texts = new Set(
      (await vscode.workspace.findFiles('**/*', EXCLUDED)).map((u) => vscode.workspace.asRelativePath(u, false)),
    );
    const parsed = parseDocumentAttributes(text, vscode.workspace.asRelativePath(file), (p) => texts.has(p));
    this.attributeProblems.set(
      file,
      parsed.problems.map((p) => {
        const range = new vscode.Range(p.line - 1, p.column - 1, p.line - 1, Number.MAX_SAFE_INTEGER);
        return new vscode.Diagnostic(
          range,
          p.message,
          p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
        );
      }),
    );
    if (parsed.attributes) this.attributes = parsed.attributes;
    else
      this.services.log.warn(
        `${ATTRIBUTES_FILE} has ${parsed.problems.length} problem(s) (see Problems): attributes are not used until it is fixed`,
      );
    this.changed.fire();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.memoryTimer) clearTimeout(this.memoryTimer);
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * A large open document for the index, its text read when something asks for it (statistics, an export):
 * reading it on every index update while the coder types (25 ms at 10 MB) would hold the extension host for
 * nothing. The index is brought up to date after each pause in typing, so a read finds the text the segments
 * were computed on, unless the coder typed since (then the text as it is now; the update that follows is due).
 */
function lazyDocument(doc: vscode.TextDocument, path: string, annotations: readonly Annotation[]): CodedDocument {
  let cached: { version: number; text: string } | undefined;
  return {
    path,
    annotations,
    get text(): string {
      if (cached?.version !== doc.version) cached = { version: doc.version, text: documentText(doc) };
      return cached.text;
    },
  };
}
