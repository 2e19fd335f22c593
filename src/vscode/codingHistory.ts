/**
 * Undo and redo of coding in the editor's own flow (docs/coding-flow.md says why this design). Every coding command
 * decides through `decide()`, which records the change in the document's undo stack (src/core/coding/undoStack.ts)
 * with the text version it was made at. Two context keys say whether the active editor's next coding undo
 * (redo) was made at the text's current version; package.json binds Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y to our
 * commands only while they are true, so Ctrl+Z undoes a tag right after tagging and the text's own undo keeps
 * every keystroke typed since. A key press that arrives before a context key caught up with typing is handed
 * to the text's undo, never applied to the coding.
 */
import * as vscode from 'vscode';
import type { Annotation } from '../core/annotations';
import { errorMessage } from '../core/input';
import {
  applyCodingChange,
  codingChangeBetween,
  describeChange,
  inverseOf,
  UndoStack,
  type CodingChange,
  type CodingStep,
} from '../core/coding/undoStack';
import { CODING_REDOABLE, CODING_UNDOABLE } from './commandIds';
import { openDocument } from './convert';
import type { SidecarFiles } from './sidecarFiles';

/** What a keybinding passes, so that a press racing a context key falls through to the text's undo. */
export interface ViaKeybinding {
  viaKeybinding?: boolean;
}

const UNDO_BUTTON = 'Undo';

export class CodingHistory implements vscode.Disposable {
  private readonly stacks = new Map<string, UndoStack>();
  /** The context keys' values as last sent (undefined: never sent). */
  private sentUndoable: boolean | undefined;
  private sentRedoable: boolean | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly sidecars: SidecarFiles,
    private readonly frameName: (id: string) => string,
  ) {
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.refreshContext()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.refreshContext();
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.stacks.delete(doc.uri.toString());
        this.refreshContext();
      }),
    ];
  }

  /**
   * A coding decision: applied and written as `SidecarFiles.applyDecision` does, and recorded for undo when it
   * changed any annotation. Resolves to false when nothing could be written.
   */
  async decide(doc: vscode.TextDocument, change: (list: readonly Annotation[]) => Annotation[]): Promise<boolean> {
    return this.decideAsked(
      doc,
      () => Promise.resolve(true),
      (list) => change(list),
    );
  }

  /** `decide` for a change that needs an answer first (who is coding), asked only once the file may be written. */
  async decideAsked<T>(
    doc: vscode.TextDocument,
    ask: () => Promise<T | undefined>,
    change: (list: readonly Annotation[], answer: T) => Annotation[],
  ): Promise<boolean> {
    let made: CodingChange | undefined;
    const ok = await this.sidecars.applyAskedDecision(doc, ask, (list, answer) => {
      const next = change(list, answer);
      made = codingChangeBetween(list, next);
      return next;
    });
    if (made) {
      this.stackOf(doc).record({ change: made, label: describeChange(made, this.frameName), textVersion: doc.version });
      this.refreshContext();
    }
    return ok;
  }

  /** The step an undo of `doc` would revert now (to offer "Undo" for exactly that step). */
  lastStep(doc: vscode.TextDocument): CodingStep | undefined {
    return this.stacks.get(doc.uri.toString())?.nextUndo();
  }

  /**
   * Shows `message` with an *Undo* button that undoes exactly the step just recorded for `doc` (a removal, a
   * bulk tag), and any further buttons. A step with later steps above it is not undone out of order.
   */
  offerUndo(doc: vscode.TextDocument, message: string, more: { label: string; run: () => unknown }[] = []): void {
    const step = this.lastStep(doc);
    const buttons = [...(step ? [UNDO_BUTTON] : []), ...more.map((m) => m.label)];
    void vscode.window.showInformationMessage(message, ...buttons).then(
      async (choice) => {
        if (choice === UNDO_BUTTON && this.lastStep(doc) === step) await this.undo(undefined, doc.uri.toString());
        else if (choice === UNDO_BUTTON)
          void vscode.window.showWarningMessage(
            'Other coding changes came after this one: undo those first (Ctrl+Z, or "Undo Coding Change").',
          );
        else await more.find((m) => m.label === choice)?.run();
      },
      (e: unknown) => void vscode.window.showErrorMessage(`Sovereignty Coder: ${errorMessage(e)}`),
    );
  }

  /** Undoes the last coding change of the document `uri` (default: the active editor's). */
  async undo(options?: ViaKeybinding, uri?: string): Promise<boolean> {
    const doc = this.documentOf(uri);
    const stack = doc && this.stacks.get(doc.uri.toString());
    if (options?.viaKeybinding && !(doc && stack?.canUndoAt(doc.version))) {
      await vscode.commands.executeCommand('undo'); // the text changed since: Ctrl+Z is the text's
      return false;
    }
    const step = stack?.nextUndo();
    if (!doc || !stack || !step) {
      void vscode.window.setStatusBarMessage('Sovereignty Coder: no coding change to undo', 3000);
      return false;
    }
    return this.replay(doc, inverseOf(step.change), `undo ${step.label}`, {
      applied: () => stack.undone(doc.version),
      stale: () => stack.dropUndo(),
    });
  }

  /** Applies again the last undone coding change of the document `uri` (default: the active editor's). */
  async redo(options?: ViaKeybinding, uri?: string): Promise<boolean> {
    const doc = this.documentOf(uri);
    const stack = doc && this.stacks.get(doc.uri.toString());
    if (options?.viaKeybinding && !(doc && stack?.canRedoAt(doc.version))) {
      await vscode.commands.executeCommand('redo');
      return false;
    }
    const step = stack?.nextRedo();
    if (!doc || !stack || !step) {
      void vscode.window.setStatusBarMessage('Sovereignty Coder: no coding change to redo', 3000);
      return false;
    }
    return this.replay(doc, step.change, `redo ${step.label}`, {
      applied: () => stack.redone(doc.version),
      stale: () => stack.dropRedo(),
    });
  }

  /** Whether the active editor's next undo and redo reach a coding step (what the context keys hold), for tests. */
  state(doc: vscode.TextDocument): { undo?: string; redo?: string; undoable: boolean; redoable: boolean } {
    const stack = this.stacks.get(doc.uri.toString());
    return {
      undo: stack?.nextUndo()?.label,
      redo: stack?.nextRedo()?.label,
      undoable: stack?.canUndoAt(doc.version) ?? false,
      redoable: stack?.canRedoAt(doc.version) ?? false,
    };
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }

  /** Applies a recorded change (or its inverse); a step whose annotations changed since is dropped, with why. */
  private async replay(
    doc: vscode.TextDocument,
    change: CodingChange,
    what: string,
    then: { applied: () => void; stale: () => void },
  ): Promise<boolean> {
    let refusal: string | undefined;
    let applied = false;
    const ok = await this.sidecars.applyDecision(doc, (list) => {
      const result = applyCodingChange(list, change);
      if (!result.ok) {
        refusal = result.reason;
        return [...list];
      }
      applied = true;
      return result.list;
    });
    if (refusal !== undefined) {
      then.stale();
      void vscode.window.showWarningMessage(
        `Cannot ${what}: ${refusal}. Nothing was changed, and that step is dropped.`,
      );
    } else if (applied) {
      then.applied();
      void vscode.window.setStatusBarMessage(`Sovereignty Coder: ${what}`, 4000);
    }
    this.refreshContext();
    return ok && applied;
  }

  private stackOf(doc: vscode.TextDocument): UndoStack {
    const key = doc.uri.toString();
    let stack = this.stacks.get(key);
    if (!stack) {
      stack = new UndoStack();
      this.stacks.set(key, stack);
    }
    return stack;
  }

  private documentOf(uri: string | undefined): vscode.TextDocument | undefined {
    return uri ? openDocument(uri) : vscode.window.activeTextEditor?.document;
  }

  private refreshContext(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const { undoable, redoable } = doc ? this.state(doc) : { undoable: false, redoable: false };
    // sent only when a value changes: this runs on every keystroke, and each setContext is a round trip to
    // the workbench (about a millisecond of the extension host's time in a 10 MB document)
    if (undoable !== this.sentUndoable) {
      this.sentUndoable = undoable;
      void vscode.commands.executeCommand('setContext', CODING_UNDOABLE, undoable);
    }
    if (redoable !== this.sentRedoable) {
      this.sentRedoable = redoable;
      void vscode.commands.executeCommand('setContext', CODING_REDOABLE, redoable);
    }
  }
}
