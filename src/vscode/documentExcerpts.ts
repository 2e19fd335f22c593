/**
 * A document read by excerpts, in its own offsets or in canonical (LF) offsets. getText() of a whole 10 MB
 * document costs 35–70 ms (VS Code joins its lines on every call), too much for each keystroke; the matcher and
 * the annotation shifter only need the text around an edit, which getText(range) gives for the cost of that range.
 */
import * as vscode from 'vscode';
import type { TextSource } from '../core/matcher';
import { toPosition } from './convert';

/**
 * Each open document's length at a version, kept by followDocumentLengths from the change events: the offset
 * of a document's end after an edit makes VS Code re-add the lengths of every line below the edit (0.7 ms per
 * keystroke in the middle of a 10 MB text), and every keystroke asks for it.
 */
const lengths = new WeakMap<vscode.TextDocument, { version: number; length: number; eol: vscode.EndOfLine }>();

/**
 * Keeps the lengths current: a change event adds what its changes insert and takes what they replace. A version
 * that does not follow the one known (an event missed), or a change of line ends, forgets the length, which is
 * then counted again.
 * Registered before every other change handler of the extension, so that they all see the new length.
 */
export function followDocumentLengths(): vscode.Disposable {
  return vscode.workspace.onDidChangeTextDocument((e) => {
    const known = lengths.get(e.document);
    if (!known) return;
    // a change of line ends (CRLF to LF) changes every line's length, and an event without content changes
    // says nothing of the length: neither is trusted to the sum, the length is counted again
    if (e.document.version !== known.version + 1 || e.document.eol !== known.eol || e.contentChanges.length === 0) {
      lengths.delete(e.document);
      return;
    }
    let length = known.length;
    for (const c of e.contentChanges) length += c.text.length - c.rangeLength;
    lengths.set(e.document, { version: e.document.version, length, eol: known.eol });
  });
}

/** The document's length in UTF-16 units (its own offsets). */
export function documentLength(doc: vscode.TextDocument): number {
  const known = lengths.get(doc);
  if (known?.version === doc.version) return known.length;
  const length = doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
  lengths.set(doc, { version: doc.version, length, eol: doc.eol });
  return length;
}

/**
 * The document in its own offsets. positionAt of an offset between \r and \n answers the position before the
 * \r, so the range read is widened by one unit at the end and the excerpt cut to the exact offsets asked for.
 */
export function documentSource(doc: vscode.TextDocument): TextSource {
  const length = documentLength(doc);
  return {
    length,
    slice(from: number, to: number): string {
      const lo = Math.max(0, Math.min(from, length));
      const hi = Math.max(lo, Math.min(to, length));
      const start = doc.positionAt(lo);
      const startOffset = doc.offsetAt(start);
      const text = doc.getText(new vscode.Range(start, doc.positionAt(Math.min(length, hi + 1))));
      return text.slice(lo - startOffset, hi - startOffset);
    },
  };
}

/** The document in canonical offsets (LF line ends), as annotations count them. */
export function canonicalSource(doc: vscode.TextDocument): TextSource {
  if (doc.eol !== vscode.EndOfLine.CRLF) return documentSource(doc);
  // every line but the last ends in \r\n, which counts one unit in canonical offsets
  const length = documentLength(doc) - (doc.lineCount - 1);
  return {
    length,
    slice(from: number, to: number): string {
      const lo = Math.max(0, Math.min(from, length));
      const hi = Math.max(lo, Math.min(to, length));
      // canonical offsets never fall between \r and \n: a position per end is exact
      return doc.getText(new vscode.Range(toPosition(doc, lo), toPosition(doc, hi))).replace(/\r\n/g, '\n');
    },
  };
}
