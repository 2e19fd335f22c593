/**
 * The lightbulb (Ctrl+.): tag a selection or a cue with a frame, tag all occurrences of a cue for review,
 * accept or reject one that needs review, and remove, retag or annotate (memo) an existing annotation. Each action runs a command with its arguments
 * prepared here, so the choice is one step.
 */
import * as vscode from 'vscode';
import { annotationsInRange, type Annotation } from '../core/annotations';
import { reviewPosition } from '../core/coding/reviewWalk';
import { shortQuote } from '../core/coding/wording';
import { findFrame } from '../core/codebook';
import type { TermMatch } from '../core/matcher';
import { CommandId } from './commandIds';
import { conflictActions } from './conflictActions';
import { toCanonicalSpan } from './convert';
import { frameLabel } from './frames';
import type { Services } from './services';
import { isCodedDocument } from './settings';
import type { ApplyTagRequest } from './tagging';

/**
 * Our own kind, outside `quickfix` (a coding decision fixes no problem) and outside `source` (which the
 * lightbulb and Ctrl+. leave out): the menu shows it under its catch-all header, not "Quick Fix" (docs/coding-flow.md),
 * and `editor.action.codeAction` with `{"kind": "sovereigntyCoder"}` opens the coding actions alone.
 */
export const CODING_ACTION_KIND = vscode.CodeActionKind.Empty.append('sovereigntyCoder');
/** The children: tag a span, act on an annotation, decide a needs-review one. */
export const TAG_KIND = CODING_ACTION_KIND.append('tag');
export const ANNOTATION_KIND = CODING_ACTION_KIND.append('annotation');
export const REVIEW_KIND = CODING_ACTION_KIND.append('review');

function action(
  title: string,
  command: string,
  args: unknown[],
  kind: vscode.CodeActionKind = TAG_KIND,
): vscode.CodeAction {
  const a = new vscode.CodeAction(title, kind);
  a.command = { title, command, arguments: args };
  return a;
}

function occurrences(all: readonly TermMatch[], term: TermMatch): TermMatch[] {
  return all.filter((m) => m.frameId === term.frameId && m.term === term.term);
}

export function provideCodingActions(
  services: Services,
  doc: vscode.TextDocument,
  range: vscode.Range,
): vscode.CodeAction[] {
  const active = services.codebooks.active;
  if (!active) return [];
  const { codebook } = active;
  const uri = doc.uri.toString();
  const actions: vscode.CodeAction[] = [];
  const from = doc.offsetAt(range.start);
  const to = doc.offsetAt(range.end);
  const cues = services.cues
    .matchesIn(doc, from, Math.max(to, from + 1))
    .filter((m) => (range.isEmpty ? m.start <= from && from <= m.end : true));

  if (!range.isEmpty) {
    const span = toCanonicalSpan(doc, range);
    const coded = (frameId: string) =>
      (services.store.get(doc.uri)?.annotations ?? []).some(
        (a) => a.start === span.start && a.end === span.end && a.frame === frameId,
      );
    // a frame that already codes exactly this span is not offered again (tagging it would do nothing)
    const frames = [...new Set(cues.map((m) => m.frameId))].filter((id) => findFrame(codebook, id) && !coded(id));
    for (const frameId of frames) {
      const request: ApplyTagRequest = { uri, spans: [span], frameId };
      actions.push(action(`Tag as ${frameLabel(codebook, frameId)}`, CommandId.applyTag, [request]));
    }
    actions.push(action('Tag with frame…', CommandId.tagSelection, [uri, span, frames]));
  } else {
    for (const cue of cues) {
      const label = frameLabel(codebook, cue.frameId);
      const term = doc.getText(new vscode.Range(doc.positionAt(cue.start), doc.positionAt(cue.end)));
      const one: ApplyTagRequest = {
        uri,
        spans: [toCanonicalSpan(doc, new vscode.Range(doc.positionAt(cue.start), doc.positionAt(cue.end)))],
        frameId: cue.frameId,
      };
      actions.push(action(`Tag '${term}' as ${label}`, CommandId.applyTag, [one]));
      const all = occurrences(services.cues.matches(doc), cue);
      // with one occurrence, "tag all" would only repeat the action above (and read "Tag all 1 occurrences")
      if (all.length > 1) {
        const every: ApplyTagRequest = {
          uri,
          frameId: cue.frameId,
          needsReview: true,
          spans: all.map((m) => toCanonicalSpan(doc, new vscode.Range(doc.positionAt(m.start), doc.positionAt(m.end)))),
        };
        actions.push(
          action(`Tag all ${all.length} occurrences of '${cue.term}' in this file as ${label}`, CommandId.applyTag, [
            every,
          ]),
        );
      }
    }
  }

  const entry = services.store.get(doc.uri);
  const span = toCanonicalSpan(doc, range);
  const here = entry
    ? annotationsInRange(entry.annotations, span.start, span.end).filter((a) => a.status !== 'orphaned')
    : [];
  const list = entry?.annotations ?? [];
  const review: vscode.CodeAction[] = [];
  for (const a of here) {
    actions.push(...conflictActions(ANNOTATION_KIND, codebook, uri, list, a));
    const label = frameLabel(codebook, a.frame);
    // first in the menu: walking a bulk tag, accept or reject is the one decision asked for here
    if (a.status === 'needs-review') review.push(...reviewActions(uri, list, a, label));
    const which = here.length > 1 ? ` (${label}: '${shortQuote(a.quote, 24)}')` : '';
    actions.push(action(`Remove annotation (${label})`, CommandId.removeAnnotation, [uri, a.id], ANNOTATION_KIND));
    actions.push(action(`Change frame…${which}`, CommandId.changeFrame, [uri, a.id], ANNOTATION_KIND));
    actions.push(action(`Edit memo…${which}`, CommandId.editMemo, [uri, a.id], ANNOTATION_KIND));
  }
  return [...review, ...actions];
}

/** Accept or reject a needs-review annotation (from a bulk tag), saying where it stands in the walk. */
function reviewActions(uri: string, list: readonly Annotation[], a: Annotation, label: string): vscode.CodeAction[] {
  const { index, total } = reviewPosition(list, a.id);
  const where = index === undefined ? '' : ` (review ${index} of ${total})`;
  const quote = shortQuote(a.quote, 24);
  return [
    action(`Accept '${quote}' as ${label}${where}`, CommandId.acceptReview, [uri, a.id], REVIEW_KIND),
    action(`Reject '${quote}' (remove this ${label} annotation)`, CommandId.rejectReview, [uri, a.id], REVIEW_KIND),
  ];
}

export function registerCodeActions(services: Services, selector: vscode.DocumentSelector): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    selector,
    {
      provideCodeActions: (doc, range) => (isCodedDocument(doc) ? provideCodingActions(services, doc, range) : []),
    },
    { providedCodeActionKinds: [CODING_ACTION_KIND] },
  );
}
