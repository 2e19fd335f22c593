/**
 * A document read by excerpts, in its own offsets or in canonical (LF) offsets. getText() of a whole 10 MB
 * document costs 35–70 ms (VS Code joins its lines on every call), too much for each keystroke; the matcher and
 * the annotation shifter only need the text around an edit, which getText(range) gives for the cost of that range.
 */
import * as vscode from 'vscode';
import type { TextSource } from '../core/matcher';
import { toPosition } from './convert';

/**
 * The document in its own offsets. positionAt of an offset between \r and \n answers the position before the
 * \r, so the range read is widened by one unit at the end and the excerpt cut to the exact offsets asked for.
 */
export function documentSource(doc: vscode.TextDocument): TextSource {
  const length = doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
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
  const end = doc.lineAt(doc.lineCount - 1).range.end;
  const length = doc.offsetAt(end) - end.line;
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
