/**
 * The adapter's small conversions between the core's data and VS Code's, in one home: offsets ↔ positions,
 * core edits from content changes, problems → diagnostics, and a URI → its open document.
 *
 * Offsets ↔ positions. Annotations use offsets over the canonical text (LF line endings), which equal the
 * document's own offsets in LF documents. In CRLF documents every line break is two units in the document and
 * one in the canonical text, so an offset differs by exactly the line number: O(1) per conversion of a
 * position, no copy of the text.
 */
import * as vscode from 'vscode';
import type { TextEdit } from '../core/annotations';
import type { Problem } from '../core/input';

function isCrlf(doc: vscode.TextDocument): boolean {
  return doc.eol === vscode.EndOfLine.CRLF;
}

/** The canonical text of a document (VS Code has already removed any BOM). */
export function documentText(doc: vscode.TextDocument): string {
  const text = doc.getText();
  return isCrlf(doc) ? text.replace(/\r\n/g, '\n') : text;
}

export function toCanonicalOffset(doc: vscode.TextDocument, pos: vscode.Position): number {
  const offset = doc.offsetAt(pos);
  return isCrlf(doc) ? offset - doc.validatePosition(pos).line : offset;
}

export function toPosition(doc: vscode.TextDocument, canonicalOffset: number): vscode.Position {
  if (!isCrlf(doc)) return doc.positionAt(canonicalOffset);
  // Search the line whose canonical start is <= offset: canonical start of line l = docOffset(l, 0) - l.
  let lo = 0;
  let hi = doc.lineCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.offsetAt(new vscode.Position(mid, 0)) - mid <= canonicalOffset) lo = mid;
    else hi = mid - 1;
  }
  const lineStart = doc.offsetAt(new vscode.Position(lo, 0)) - lo;
  return doc.validatePosition(new vscode.Position(lo, canonicalOffset - lineStart));
}

export function toRange(doc: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(toPosition(doc, start), toPosition(doc, end));
}

export function toCanonicalSpan(doc: vscode.TextDocument, range: vscode.Range): { start: number; end: number } {
  return { start: toCanonicalOffset(doc, range.start), end: toCanonicalOffset(doc, range.end) };
}

/**
 * Content changes as core edits, in the order VS Code gives them (each relative to the text after the
 * previous one). Positions in a change refer to the text before it, so the CRLF correction uses the line
 * numbers of the range itself.
 */
export function editsFromChanges(
  doc: vscode.TextDocument,
  changes: readonly vscode.TextDocumentContentChangeEvent[],
): TextEdit[] {
  const crlf = isCrlf(doc);
  return changes.map((c) => {
    const start = crlf ? c.rangeOffset - c.range.start.line : c.rangeOffset;
    const end = crlf ? c.rangeOffset + c.rangeLength - c.range.end.line : c.rangeOffset + c.rangeLength;
    return { start, end, text: crlf ? c.text.replace(/\r\n/g, '\n') : c.text };
  });
}

/** A core problem (1-based line and column) as a one-character diagnostic for the Problems panel. */
export function toDiagnostic(p: Problem): vscode.Diagnostic {
  const pos = new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.column - 1));
  const d = new vscode.Diagnostic(
    new vscode.Range(pos, pos.translate(0, 1)),
    p.message,
    p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
  );
  d.source = 'Sovereignty Coder';
  return d;
}

/** The open document of a URI (or of its string form, as code action arguments carry it), if it is open. */
export function openDocument(uri: vscode.Uri | string): vscode.TextDocument | undefined {
  const key = typeof uri === 'string' ? uri : uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}
