/**
 * *Compare Coders…* and the resolve actions of the Disagreements tree: picks two coders (QuickPick of the
 * coders present, or the arguments of a script or test), shows their disagreements, opens one with both
 * coders' spans painted, offers the decisions at the cursor (adjudicationActions.ts), and writes Accept A / Accept B / Keep Both / Neither and "accept all agreements" as
 * the consensus coder (docs/adjudication.md).
 */
import * as vscode from 'vscode';
import type { Decision } from '../../core/adjudication';
import { AdjudicationCommandId } from '../commandIds';
import { toRange } from '../convert';
import { frameLabel } from '../frames';
import type { Services } from '../services';
import { registerAdjudicationActions } from './adjudicationActions';
import { AdjudicationSession } from './adjudicationSession';
import { CoderSpans, type PaintedSpan } from './coderSpans';
import { DISAGREEMENTS_SHOWN, DISAGREEMENTS_VIEW, DisagreementsTree, type DisagreementNode } from './disagreementsTree';

export interface AdjudicationApi {
  /** The lines of the Disagreements tree (for tests). */
  lines(): string[];
  /** The coders' spans painted on a document (for tests). */
  paintedOn(uri: vscode.Uri): PaintedSpan[];
  /** The disagreements listed now: text path, id and how each stands. */
  listed(): { path: string; id: string; kind: string; resolution: string | undefined }[];
}

async function pickCoder(coders: readonly string[], title: string): Promise<string | undefined> {
  return vscode.window.showQuickPick([...coders], { title, placeHolder: 'Pick a coder' });
}

export function registerAdjudication(
  services: Services,
  state: vscode.Memento,
  started: () => Promise<void>,
): { api: AdjudicationApi; disposables: vscode.Disposable[] } {
  const session = new AdjudicationSession(services, state);
  const tree = new DisagreementsTree(session);
  const view = vscode.window.createTreeView(DISAGREEMENTS_VIEW, { treeDataProvider: tree, showCollapseAll: true });
  const spans = new CoderSpans();
  let selected: DisagreementNode | undefined;

  const describe = (): void => {
    const pair = session.pair;
    view.description = pair ? `A: ${pair.a} · B: ${pair.b} → ${pair.consensus}` : undefined;
    const open = session.texts.texts.reduce((n, t) => n + t.disagreements.filter((d) => !d.resolution).length, 0);
    const total = session.texts.texts.reduce((n, t) => n + t.disagreements.length, 0);
    view.message =
      pair && total === 0
        ? `${pair.a} and ${pair.b} do not disagree on any text they both coded.`
        : pair
          ? `${open} of ${total} disagreement(s) open. Select one to see both coders' spans.`
          : undefined;
  };

  const nodeOf = (path: string, id: string | undefined): DisagreementNode | undefined => {
    const text = session.texts.texts.find((t) => t.path === path);
    const disagreement = text?.disagreements.find((d) => d.id === id);
    return text && disagreement && { kind: 'disagreement', text, disagreement };
  };

  /** Paints the selected disagreement again once the list was recomputed (offsets may have moved). */
  const repaint = (): void => {
    if (!selected || selected.kind !== 'disagreement' || !session.pair) return;
    const text = session.texts.texts.find((t) => t.path === selected?.text.path);
    const uri = session.uriOf(selected.text.path);
    const editor = uri && vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    if (text && editor)
      spans.paint(editor, text, selected.disagreement.id, session.pair, (id) =>
        frameLabel(services.codebooks.active?.codebook, id),
      );
  };

  /** Opens a disagreement: the tree's node, or (scripts, tests) the text's path and the disagreement's id. */
  const open = async (given: DisagreementNode | string, id?: string): Promise<void> => {
    const node = typeof given === 'string' ? nodeOf(given, id) : given;
    if (node?.kind !== 'disagreement' || !session.pair) return;
    selected = node;
    const uri = session.uriOf(node.text.path);
    if (!uri) return;
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc, { preview: false, preserveFocus: true });
    // the caret and the reveal at the start: revealing the whole range scrolls sideways to its end, past the
    // labels, and hides the beginning of the line
    const start = toRange(doc, node.disagreement.start, node.disagreement.end).start;
    editor.selection = new vscode.Selection(start, start);
    editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    repaint();
  };

  const compare = async (a?: string, b?: string): Promise<boolean> => {
    await started(); // the codebook and the open documents' annotations are loaded behind the start gate
    let first = a;
    let second = b;
    if (first === undefined || second === undefined) {
      const coders = await session.codersPresent();
      if (!coders) return false;
      if (coders.length < 2) {
        void vscode.window.showWarningMessage(
          `Compare Coders: the annotation files have ${coders.length === 0 ? 'no coder' : `only ${coders[0]}`}; merge the coders' branches first.`,
        );
        return false;
      }
      first = await pickCoder(coders, 'Compare Coders: coder A');
      if (!first) return false;
      const chosen = first;
      second = await pickCoder(
        coders.filter((c) => c !== chosen),
        `Compare Coders: ${first} against coder B`,
      );
      if (!second) return false;
    }
    if (first === second) {
      void vscode.window.showWarningMessage(`Compare Coders: '${first}' is named twice; pick two different coders.`);
      return false;
    }
    if (!(await session.start({ a: first, b: second }))) return false;
    await vscode.commands.executeCommand('setContext', DISAGREEMENTS_SHOWN, true);
    await vscode.commands.executeCommand(`${DISAGREEMENTS_VIEW}.focus`);
    return true;
  };

  /** A resolve action from the tree (its node) or a script (path and id). */
  const resolveWith =
    (decision: Decision) =>
    async (node?: DisagreementNode | string, id?: string): Promise<boolean> => {
      const target =
        typeof node === 'string'
          ? { path: node, id }
          : node?.kind === 'disagreement'
            ? { path: node.text.path, id: node.disagreement.id }
            : undefined;
      const chosen =
        target ??
        (selected?.kind === 'disagreement' ? { path: selected.text.path, id: selected.disagreement.id } : undefined);
      if (!chosen?.id) {
        void vscode.window.showInformationMessage('Select a disagreement in the Disagreements view first.');
        return false;
      }
      return session.resolve(chosen.path, chosen.id, decision);
    };

  return {
    api: {
      lines: () => tree.lines(),
      paintedOn: (uri) => spans.paintedOn(uri),
      listed: () =>
        session.texts.texts.flatMap((t) =>
          t.disagreements.map((d) => ({ path: t.path, id: d.id, kind: d.kind, resolution: d.resolution })),
        ),
    },
    disposables: [
      session,
      view,
      spans,
      registerAdjudicationActions(session, (id) => frameLabel(services.codebooks.active?.codebook, id)),
      session.onDidChange(() => {
        tree.refresh();
        describe();
        repaint();
      }),
      view.onDidChangeSelection((e) => {
        const node = e.selection[0];
        if (node) void open(node);
      }),
      vscode.commands.registerCommand(AdjudicationCommandId.compareCoders, compare),
      vscode.commands.registerCommand(AdjudicationCommandId.openDisagreement, open),
      vscode.commands.registerCommand(AdjudicationCommandId.acceptA, resolveWith('accept-a')),
      vscode.commands.registerCommand(AdjudicationCommandId.acceptB, resolveWith('accept-b')),
      vscode.commands.registerCommand(AdjudicationCommandId.keepBoth, resolveWith('both')),
      vscode.commands.registerCommand(AdjudicationCommandId.neither, resolveWith('neither')),
      vscode.commands.registerCommand(AdjudicationCommandId.acceptAgreements, async () => {
        const added = await session.acceptAllAgreements();
        void vscode.window.setStatusBarMessage(
          `Sovereignty Coder: ${added} agreement(s) copied into the consensus`,
          5000,
        );
        return added;
      }),
      vscode.commands.registerCommand(AdjudicationCommandId.refresh, () => session.refresh()),
    ],
  };
}
