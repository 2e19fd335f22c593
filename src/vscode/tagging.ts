/** Turning a tag request into annotations in the store (and so in the sidecar). */
import * as vscode from 'vscode';
import { addAnnotation, createAnnotation, type Annotation } from '../core/annotations';
import { CommandId } from './commandIds';
import { documentText, openDocument } from './convert';
import type { Services } from './services';

export interface ApplyTagRequest {
  /** The document's URI as a string (code action arguments must survive serialisation). */
  uri: string;
  /** Canonical offsets. */
  spans: { start: number; end: number }[];
  frameId: string;
  /** Bulk tagging: the coder still has to look at each one. */
  needsReview?: boolean;
}

export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Trims white space off a span: a selection that runs into the next line should not code the line break. */
function trimmed(text: string, span: { start: number; end: number }): { start: number; end: number } {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

function taggedForReview(added: number): string {
  return (
    `Tagged ${added} occurrence${added === 1 ? '' : 's'}, marked "needs review": walk them with ` +
    '"Next Annotation to Review" and accept or reject each from the lightbulb (Ctrl+.).'
  );
}

/** Adds one annotation per span (skipping spans already coded with this frame); returns how many were added. */
export async function applyTag(services: Services, request: ApplyTagRequest): Promise<number> {
  const doc = openDocument(request.uri) ?? (await vscode.workspace.openTextDocument(vscode.Uri.parse(request.uri)));
  const text = documentText(doc);
  const created: Annotation[] = [];
  let added = 0;
  const ok = await services.history.decide(doc, (list) => {
    let next = [...list];
    for (const raw of request.spans) {
      const span = trimmed(text, raw);
      if (span.start >= span.end) continue;
      if (next.some((a) => a.start === span.start && a.end === span.end && a.frame === request.frameId)) continue;
      const a = createAnnotation(text, span.start, span.end, request.frameId, services.coder.name, today());
      const annotation: Annotation = request.needsReview ? { ...a, status: 'needs-review' } : a;
      next = addAnnotation(next, annotation);
      created.push(annotation);
      added++;
    }
    return next;
  });
  if (!ok) return 0;
  if (added === 0) void vscode.window.setStatusBarMessage('Sovereignty Coder: already coded with this frame', 3000);
  else if (request.needsReview)
    services.history.offerUndo(doc, taggedForReview(added), [
      { label: 'Review Now', run: () => vscode.commands.executeCommand(CommandId.nextReview) },
    ]);
  return added;
}
