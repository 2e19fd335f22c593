/**
 * The adjudication in progress: which two coders are compared, as which consensus coder the decisions are
 * written, and the disagreements of the workspace's texts as the core judges them (src/core/adjudication).
 * Decisions go through the coding history (undoable like every coding change, written to the sidecar by the
 * normal path), computed afresh from the document's annotations at that moment, so a decision never applies to
 * a stale cluster. "Neither" leaves no annotation to read it back from: the rejected ids are kept in the
 * workspace state, and once a text has nothing open the consensus coder's done mark records it in the sidecar.
 */
import * as vscode from 'vscode';
import {
  acceptAgreements,
  adjudicateCorpus,
  adjudicationOf,
  applyDecision,
  effectiveDecision,
  type Adjudicator,
  type CoderPair,
  type CorpusAdjudication,
  type Decision,
  type JudgedDisagreement,
} from '../../core/adjudication';
import type { CodedDocument } from '../../core/documents';
import { today } from '../coderIdentity';
import { documentText } from '../convert';
import type { Services } from '../services';
import { readSettings } from '../settings';
import { activeCodebook, collectDocuments } from '../workspaceDocuments';

const NEITHER_KEY = 'sovereigntyCoder.adjudication.neither';

export interface Compared extends CoderPair {
  consensus: string;
}

export class AdjudicationSession implements vscode.Disposable {
  private compared: Compared | undefined;
  private corpus: CorpusAdjudication = { texts: [], codedByOneOnly: [] };
  private documents: CodedDocument[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private timer: NodeJS.Timeout | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly services: Services,
    private readonly state: vscode.Memento,
  ) {
    // a decision, an undo or a reload changes the annotations: the tree follows, a moment later
    this.subscription = services.store.onDidChange(() => this.schedule());
  }

  get pair(): Compared | undefined {
    return this.compared;
  }

  get texts(): CorpusAdjudication {
    return this.corpus;
  }

  /** Starts (or restarts) comparing `pair`; resolves once the disagreements are computed. */
  async start(pair: CoderPair): Promise<boolean> {
    const consensus = readSettings().consensusCoder;
    if (consensus === pair.a || consensus === pair.b) {
      void vscode.window.showWarningMessage(
        `Compare Coders: the consensus coder '${consensus}' is one of the coders compared; choose another in the setting sovereigntyCoder.consensusCoder.`,
      );
      return false;
    }
    this.compared = { ...pair, consensus };
    return this.refresh();
  }

  /** Computes the disagreements again from the workspace's annotation files and open documents. */
  async refresh(): Promise<boolean> {
    const compared = this.compared;
    const codebook = compared && activeCodebook(this.services);
    const documents = codebook && (await collectDocuments(this.services, codebook, false));
    if (!compared || !documents) return false;
    this.documents = documents;
    this.corpus = adjudicateCorpus(documents, compared, compared.consensus, this.neither());
    this.changed.fire();
    return true;
  }

  /** Codings of the workspace's coders, for the pick (the consensus coder left out). */
  static codersIn(documents: readonly CodedDocument[], consensus: string): string[] {
    const names = new Set<string>();
    for (const d of documents) for (const a of d.annotations) names.add(a.retaggedBy ?? a.coder);
    names.delete(consensus);
    return [...names].sort();
  }

  async codersPresent(): Promise<string[] | undefined> {
    const codebook = activeCodebook(this.services);
    const documents = codebook && (await collectDocuments(this.services, codebook, true));
    return documents && AdjudicationSession.codersIn(documents, readSettings().consensusCoder);
  }

  /** The text a path of the listing names (relative to its workspace folder, as collectDocuments gives it). */
  uriOf(path: string): vscode.Uri | undefined {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 1) return vscode.Uri.joinPath(folders[0].uri, path);
    const [name, ...rest] = path.split('/');
    const folder = folders.find((f) => f.name === name);
    return folder && vscode.Uri.joinPath(folder.uri, ...rest);
  }

  /** The listing's path of a text (relative to its workspace folder, with the folder's name in a multi-root one). */
  pathOf(uri: vscode.Uri): string {
    return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  }

  /** Takes `decision` on disagreement `id` of the text `path`; resolves to false when nothing was written. */
  async resolve(path: string, id: string, decision: Decision): Promise<boolean> {
    const compared = this.compared;
    const uri = this.uriOf(path);
    if (!compared || !uri) return false;
    const doc = await vscode.workspace.openTextDocument(uri);
    const who = this.adjudicator(compared);
    let found: JudgedDisagreement | undefined;
    const ok = await this.services.history.decide(doc, (list) => {
      found = adjudicationOf(list, compared, compared.consensus).disagreements.find((d) => d.id === id);
      return found ? applyDecision(documentText(doc), list, found, decision, compared, who) : [...list];
    });
    if (!found) {
      void vscode.window.showWarningMessage(
        'Compare Coders: that disagreement has changed since it was listed (a coder changed their coding); the list is refreshed.',
      );
      await this.refresh();
      return false;
    }
    await this.rememberNeither(id, effectiveDecision(found, decision) === 'neither');
    if (ok) await this.finishIfDone(doc, path);
    await this.refresh();
    return ok;
  }

  /** Copies every agreement of the compared coders into the consensus, text by text (one undo step per text). */
  async acceptAllAgreements(): Promise<number> {
    const compared = this.compared;
    if (!compared) return 0;
    let added = 0;
    for (const t of this.corpus.texts.filter((x) => x.agreementsPending.length > 0)) {
      const uri = this.uriOf(t.path);
      if (!uri) continue;
      const doc = await vscode.workspace.openTextDocument(uri);
      const who = this.adjudicator(compared);
      await this.services.history.decide(doc, (list) => {
        const copied = acceptAgreements(documentText(doc), list, compared, who);
        added += copied.added;
        return copied.list;
      });
      await this.finishIfDone(doc, t.path);
    }
    await this.refresh();
    return added;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscription.dispose();
    this.changed.dispose();
  }

  private adjudicator(compared: Compared): Adjudicator {
    return { by: this.services.coder.name, consensus: compared.consensus, today: today() };
  }

  /** Nothing open and every agreement copied: the consensus coder's done mark (adjudication of the text finished). */
  private async finishIfDone(doc: vscode.TextDocument, path: string): Promise<void> {
    const compared = this.compared;
    const entry = this.services.store.get(doc.uri);
    if (!compared || !entry || (entry.done ?? []).includes(compared.consensus)) return;
    const now = adjudicationOf(entry.annotations, compared, compared.consensus, { neither: this.neither() });
    if (now.agreementsPending.length > 0 || now.disagreements.some((d) => d.resolution === undefined)) return;
    if (await this.services.sidecars.applyDone(doc, compared.consensus, true))
      void vscode.window.setStatusBarMessage(
        `Sovereignty Coder: ${path} adjudicated (done mark of ${compared.consensus})`,
        5000,
      );
  }

  private neither(): Set<string> {
    return new Set(this.state.get<string[]>(NEITHER_KEY, []));
  }

  private async rememberNeither(id: string, rejected: boolean): Promise<void> {
    const ids = this.neither();
    if (rejected === ids.has(id)) return;
    if (rejected) ids.add(id);
    else ids.delete(id);
    await this.state.update(NEITHER_KEY, [...ids].sort());
  }

  private schedule(): void {
    if (!this.compared) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.refresh().catch((e: unknown) => this.services.log.error(`Compare Coders: ${String(e)}`));
    }, 300);
  }

  /** The text of a listed document (for the decorations), as it was read. */
  textOf(path: string): string | undefined {
    return this.documents.find((d) => d.path === path)?.text;
  }
}
