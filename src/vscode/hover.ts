/** Hovers on cues and annotations: the frame's label, definition and guidance; who coded what, when, and why. */
import * as vscode from 'vscode';
import { annotationsAt, type Annotation } from '../core/annotations';
import { findFrame, framePath, type Codebook, type Frame } from '../core/codebook';
import { toCanonicalOffset, toRange } from './convert';
import { escapeMarkdown } from './markdownText';
import { reviewSection } from './reviewChoices';
import type { Services } from './services';
import { isCodedDocument } from './settings';

/** Codebook and memo text is the user's own: rendered as untrusted Markdown (no commands, no HTML). */
function untrusted(): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

function frameSection(md: vscode.MarkdownString, codebook: Codebook, frame: Frame): void {
  md.appendMarkdown(`**${escapeMarkdown(framePath(codebook, frame.id).join(' › '))}** \`${frame.id}\`\n\n`);
  md.appendMarkdown(`${frame.definition}\n\n`);
  if (frame.include) md.appendMarkdown(`*Include:* ${frame.include}\n\n`);
  if (frame.exclude) md.appendMarkdown(`*Exclude:* ${frame.exclude}\n\n`);
}

function annotationSection(md: vscode.MarkdownString, codebook: Codebook | undefined, a: Annotation): void {
  const frame = codebook ? findFrame(codebook, a.frame) : undefined;
  if (frame && codebook) frameSection(md, codebook, frame);
  else
    md.appendMarkdown(
      `**Unknown frame** \`${escapeMarkdown(a.frame)}\`: not in the current codebook (the annotation is kept).\n\n`,
    );
  md.appendMarkdown(`*Annotation* \`${a.id}\` by **${escapeMarkdown(a.coder)}**, ${a.created}`);
  if (a.retaggedBy !== undefined) md.appendMarkdown(`; frame chosen by **${escapeMarkdown(a.retaggedBy)}**`);
  if (a.modifiedBy !== undefined)
    md.appendMarkdown(`; last changed by ${escapeMarkdown(a.modifiedBy)}, ${a.modified ?? ''}`);
  const statusText =
    a.status === 'needs-review'
      ? 'needs review'
      : a.status === 'conflict'
        ? `merge conflict with ${a.conflictWith ?? '?'}: keep one version or both (lightbulb)`
        : a.status;
  if (statusText !== undefined) md.appendMarkdown(` — **${escapeMarkdown(statusText)}**`);
  md.appendMarkdown('\n\n');
  // each line of the memo a paragraph of its own: Markdown would join lines split by one line break
  if (a.memo) md.appendMarkdown(`*Memo:* ${a.memo.split('\n').map(escapeMarkdown).join('\n\n')}\n\n`);
}

export function registerHover(services: Services, selector: vscode.DocumentSelector): vscode.Disposable {
  return vscode.languages.registerHoverProvider(selector, {
    provideHover(doc, position) {
      if (!isCodedDocument(doc)) return undefined;
      const codebook = services.codebooks.active?.codebook;
      const md = untrusted();
      let range: vscode.Range | undefined;
      const entry = services.store.get(doc.uri);
      const at = entry ? annotationsAt(entry.annotations, toCanonicalOffset(doc, position)) : [];
      // an orphan is shown only with places it could go (its offsets hold other text now)
      const choices = new Map(at.map((a) => [a.id, reviewSection(services, doc, a)]));
      const here = at.filter((a) => a.status !== 'orphaned' || choices.get(a.id) !== undefined);
      for (const a of here) {
        annotationSection(md, codebook, a);
        range ??= toRange(doc, a.start, a.end);
      }
      const candidates = here.flatMap((a) => choices.get(a.id) ?? []);
      const offset = doc.offsetAt(position);
      const cue = services.cues.matchesIn(doc, offset, offset + 1).find((m) => m.start <= offset && offset < m.end);
      if (cue && codebook && !here.some((a) => a.frame === cue.frameId)) {
        const frame = findFrame(codebook, cue.frameId);
        if (frame) {
          if (here.length) md.appendMarkdown('---\n\n');
          md.appendMarkdown(`*Cue term* \`${escapeMarkdown(cue.term)}\` — not coded yet. Ctrl+. to tag it.\n\n`);
          frameSection(md, codebook, frame);
          range ??= new vscode.Range(doc.positionAt(cue.start), doc.positionAt(cue.end));
        }
      }
      return range ? new vscode.Hover([md, ...candidates], range) : undefined;
    },
  });
}
