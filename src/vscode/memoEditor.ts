/**
 * The memo editor: a memo opens as a Markdown document of its own in a real editor tab (several lines, undo,
 * spell-checkers, the coder's keybindings), served by a small file system under the `sovereignty-memo` scheme.
 * The document shows, above a line of dashes, the frame, the quote and who coded it; below it, the memo. Saving
 * (Ctrl+S, or "Save" when the tab is closed) hands the memo to the sidecar files as one coding decision, so it
 * is written, validated and undone like any other. A save that cannot be stored fails with a reason and the
 * text stays in the editor: nothing typed is lost.
 */
import * as vscode from 'vscode';
import { setMemo, type Annotation } from '../core/annotations';
import { findFrame, framePath } from '../core/codebook';
import { shortQuote } from '../core/coding/wording';
import { openDocument, toRange } from './convert';
import { MEMO_SCHEME } from './memoScheme';
import type { Services } from './services';

/** The line between the header and the memo; header lines are single-spaced text and never equal it. */
export const MEMO_SEPARATOR = '-----';
const QUOTE_IN_TITLE = 40;

/** The memo document's address: the annotation id in the path, the text's URI in the query. */
export function memoUri(doc: vscode.Uri, a: Annotation): vscode.Uri {
  return vscode.Uri.from({
    scheme: MEMO_SCHEME,
    path: `/${a.id}/Memo on ‘${shortQuote(a.quote, QUOTE_IN_TITLE).replace(/[/\\]/g, ' ')}’.md`,
    query: doc.toString(),
  });
}

/** The memo below the separator, with the editor's line ends made LF and blank lines at either end dropped. */
export function memoFromDocument(text: string): string | undefined {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const at = lines.indexOf(MEMO_SEPARATOR);
  if (at < 0) return undefined;
  return lines
    .slice(at + 1)
    .join('\n')
    .replace(/^(?:[ \t]*\n)+/, '')
    .trimEnd();
}

export class MemoFileSystem implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  /** Modification times we report, bumped on every save, so VS Code never sees a stale document as newer. */
  private readonly mtimes = new Map<string, number>();

  constructor(private readonly services: Services) {}

  private target(uri: vscode.Uri): { doc: vscode.TextDocument; annotation: Annotation } {
    const doc = openDocument(uri.query);
    const id = uri.path.split('/')[1] ?? '';
    const annotation = doc && this.services.store.get(doc.uri)?.annotations.find((a) => a.id === id);
    if (!doc || !annotation)
      throw vscode.FileSystemError.FileNotFound(
        `the annotation ${id} is no longer in an open text (${uri.query}); copy the memo and open it again from the text`,
      );
    return { doc, annotation };
  }

  private header(doc: vscode.TextDocument, a: Annotation): string {
    const codebook = this.services.codebooks.active?.codebook;
    const frame = codebook ? findFrame(codebook, a.frame) : undefined;
    const frameName = frame && codebook ? framePath(codebook, a.frame).join(' › ') : `${a.frame} (not in the codebook)`;
    const line = a.status === 'orphaned' ? 'orphaned' : `line ${toRange(doc, a.start, a.end).start.line + 1}`;
    return [
      `Memo · frame: ${frameName} (${a.frame}) · coded by ${a.coder}, ${a.created}`,
      `Quote (${vscode.workspace.asRelativePath(doc.uri)}, ${line}): “${a.quote.replace(/\s+/g, ' ')}”`,
      `Write the memo below the line. Ctrl+S saves it into the annotation file; an empty memo removes it.`,
      MEMO_SEPARATOR,
    ].join('\n');
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const { doc, annotation } = this.target(uri);
    const size = new TextEncoder().encode(this.content(doc, annotation)).length;
    return { type: vscode.FileType.File, ctime: 0, mtime: this.mtimes.get(uri.path) ?? 0, size };
  }

  private content(doc: vscode.TextDocument, a: Annotation): string {
    return `${this.header(doc, a)}\n${a.memo ?? ''}\n`;
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const { doc, annotation } = this.target(uri);
    return new TextEncoder().encode(this.content(doc, annotation));
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const { doc, annotation } = this.target(uri);
    const memo = memoFromDocument(new TextDecoder().decode(content));
    if (memo === undefined)
      throw vscode.FileSystemError.NoPermissions(
        `the line '${MEMO_SEPARATOR}' above the memo was removed; put it back (the memo is what follows it)`,
      );
    // signed like every change to a decision (who and when: docs/sidecar-format.md, "Who decided what")
    const stored = await this.services.history.decideAsked(
      doc,
      () => this.services.coder.edit(),
      (list, edit) => setMemo(list, annotation.id, memo, edit),
    );
    if (!stored)
      throw vscode.FileSystemError.Unavailable(
        `the memo could not be stored in ${vscode.workspace.asRelativePath(doc.uri)}'s annotation file (see the message shown)`,
      );
    this.mtimes.set(uri.path, Date.now());
    this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  readDirectory(): never {
    throw vscode.FileSystemError.NoPermissions('memos are opened one by one from their annotation');
  }

  createDirectory(): never {
    throw vscode.FileSystemError.NoPermissions('memos are opened one by one from their annotation');
  }

  delete(): never {
    throw vscode.FileSystemError.NoPermissions('to remove a memo, empty it and save');
  }

  rename(): never {
    throw vscode.FileSystemError.NoPermissions('a memo belongs to its annotation and cannot be moved');
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function registerMemoEditor(services: Services): vscode.Disposable {
  const memos = new MemoFileSystem(services);
  return vscode.Disposable.from(
    memos,
    vscode.workspace.registerFileSystemProvider(MEMO_SCHEME, memos, { isCaseSensitive: true }),
  );
}

/** Opens the memo of an annotation of `doc` beside the text. */
export async function openMemoEditor(doc: vscode.TextDocument, a: Annotation): Promise<vscode.TextEditor> {
  const memoDoc = await vscode.workspace.openTextDocument(memoUri(doc.uri, a));
  const editor = await vscode.window.showTextDocument(memoDoc, {
    viewColumn: vscode.ViewColumn.Beside,
    preview: false,
  });
  const end = memoDoc.lineAt(memoDoc.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
  return editor;
}
