/**
 * Choosing among the places of a flagged annotation (issues 12 and 18: "needs-review with both candidates
 * shown"). The hover of a needs-review or orphaned annotation lists where it is placed and every other
 * candidate re-anchoring found — line, an excerpt of the text, the score — each with a "Move here" link; the
 * command behind it moves the annotation there as the coder's decision (anchored, written to the sidecar,
 * logged). The candidates come from the store (re-anchoring on load) or, after an edit, are found again from
 * the text (core/anchoring/reviewCandidates.ts); a move to a place that no longer fits is refused.
 */
import * as vscode from 'vscode';
import { candidateFits, describeCandidates, findAlternatives, moveToCandidate, scoreHere } from '../core/anchoring';
import type { Annotation } from '../core/annotations';
import { LineIndex } from '../core/text';
import type { CommandContext, CommandHandler } from './commandContext';
import { CommandId } from './commandIds';
import { documentText } from './convert';
import { escapeMarkdown } from './markdownText';
import type { Services } from './services';

function moveLink(uri: vscode.Uri, id: string, start: number, end: number): string {
  const args = encodeURIComponent(JSON.stringify([uri.toString(), id, start, end]));
  return `[Move here](command:${CommandId.moveAnnotationHere}?${args} "Move the annotation to this text")`;
}

/**
 * The hover section of a flagged annotation's candidates, or undefined when it is not flagged or has none.
 * Trusted for the move command only; every piece of text in it is escaped.
 */
export function reviewSection(
  services: Services,
  doc: vscode.TextDocument,
  a: Annotation,
): vscode.MarkdownString | undefined {
  if (a.status !== 'needs-review' && a.status !== 'orphaned') return undefined;
  const text = documentText(doc);
  const lines = new LineIndex(text);
  const known = services.store.get(doc.uri)?.alternatives.get(a.id);
  const others = describeCandidates(text, known ?? findAlternatives(a, text), lines);
  if (others.length === 0) return undefined;
  const md = new vscode.MarkdownString('', false);
  md.isTrusted = { enabledCommands: [CommandId.moveAnnotationHere] };
  md.supportHtml = false;
  md.appendMarkdown(`**Where \`${a.id}\` could be** (score: the quote half, each side of context a quarter)\n\n`);
  const here = a.status === 'needs-review' ? scoreHere(a, text) : undefined;
  if (a.status === 'needs-review') {
    const [placed] = describeCandidates(text, [{ start: a.start, end: a.end, score: here ?? 0 }], lines);
    if (placed)
      md.appendMarkdown(
        `- line ${placed.line}: “${escapeMarkdown(placed.excerpt)}” — ${here === undefined ? 'no longer a candidate' : `score ${here}`} — *placed here*\n`,
      );
  }
  for (const c of others)
    md.appendMarkdown(
      `- line ${c.line}: “${escapeMarkdown(c.excerpt)}” — score ${c.score} — ${moveLink(doc.uri, a.id, c.start, c.end)}\n`,
    );
  return md;
}

/** The "Move here" command: [uri, annotation id, start, end] (canonical offsets), as the hover's link passes. */
async function moveHere(services: Services, uri: unknown, id: unknown, start: unknown, end: unknown): Promise<boolean> {
  if (typeof uri !== 'string' || typeof id !== 'string' || typeof start !== 'number' || typeof end !== 'number')
    throw new TypeError('moveAnnotationHere takes a document URI, an annotation id and two offsets');
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const a = services.store.get(doc.uri)?.annotations.find((x) => x.id === id);
  const text = documentText(doc);
  if (!a || !candidateFits(a, text, start, end)) {
    const why = a ? 'the text there no longer fits it' : 'it is no longer in this document';
    void vscode.window.showWarningMessage(
      `Annotation ${id} was not moved: ${why}. Hover it again to see where it could be.`,
    );
    return false;
  }
  const moved = await services.history.decideAsked(
    doc,
    () => services.coder.edit(),
    (list, edit) => moveToCandidate(list, a, text, start, end, edit) ?? [...list],
  );
  if (moved)
    services.log.info(
      `${id} moved by the coder from ${a.start}–${a.end} (${a.status ?? 'anchored'}) to ${start}–${end}: anchored`,
    );
  return moved;
}

/** The command table's entry (commands.ts): the hover's links call it with their arguments. */
export const reviewCommands = {
  moveAnnotationHere: (context: CommandContext, uri?: unknown, id?: unknown, start?: unknown, end?: unknown) =>
    moveHere(context, uri, id, start, end),
} satisfies Record<string, CommandHandler>;
