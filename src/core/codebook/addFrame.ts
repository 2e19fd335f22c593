/**
 * Adding a frame to a codebook file as one reviewable change: the yaml library's Document API finds where the
 * frame goes (after its parent's last descendant, or at the end of `frames`) and the new block is spliced into
 * the text there, so every other byte (comments, order, quoting, blank lines) stays as the author wrote it and
 * `git diff` shows only the added lines. The result goes through the same parser and checks as every codebook
 * edit; a frame that would break the codebook is refused with the problems at their lines.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Problem } from '../input';
import { parseCodebook } from './parse';
import type { Codebook } from './types';

export interface NewFrame {
  id: string;
  label: string;
  /** `#rgb` or `#rrggbb`. */
  color: string;
  definition: string;
  parent?: string;
}

export type AddFrameResult = { text: string; codebook: Codebook; problems: Problem[] } | { problems: Problem[] };

/** A YAML double-quoted scalar: JSON's string escapes are YAML's, and a JSON string is always one line. */
function quoted(s: string): string {
  return JSON.stringify(s);
}

function frameBlock(frame: NewFrame, dash: string): string {
  const key = ' '.repeat(dash.length + 2);
  return [
    `${dash}- id: ${quoted(frame.id)}`,
    `${key}label: ${quoted(frame.label)}`,
    `${key}color: ${quoted(frame.color)}`,
    ...(frame.parent === undefined ? [] : [`${key}parent: ${quoted(frame.parent)}`]),
    `${key}definition: ${quoted(frame.definition)}`,
    `${key}terms: []`,
  ].join('\n');
}

function problem(file: string, line: number, message: string): Problem {
  return { file, line, column: 1, severity: 'error', message };
}

/** The frame ids under `parent` (itself included), for placing a child after its siblings. */
function familyOf(codebook: Codebook, parent: string): Set<string> {
  const family = new Set([parent]);
  for (let grown = true; grown; ) {
    grown = false;
    for (const f of codebook.frames)
      if (f.parent !== undefined && family.has(f.parent) && !family.has(f.id)) grown = family.add(f.id).size > 0;
  }
  return family;
}

/** The codebook text with `frame` added, or the problems that refuse it (the text is then unchanged). */
export function addFrameToCodebook(text: string, file: string, frame: NewFrame): AddFrameResult {
  const before = parseCodebook(text, file);
  if (!before.codebook)
    return { problems: [problem(file, 1, 'the codebook has errors; fix them before adding a frame'), ...before.problems] };
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const frames = isMap(doc.contents) ? doc.contents.get('frames', true) : undefined;
  if (!isSeq(frames) || frames.flow || frames.items.length === 0)
    return { problems: [problem(file, 1, "'frames' is not a block list of frames here; add the frame by hand")] };
  const family = frame.parent === undefined ? undefined : familyOf(before.codebook, frame.parent);
  let after = frames.items[frames.items.length - 1];
  if (family) {
    const inFamily = frames.items.filter((item) => {
      const id = isMap(item) ? item.get('id', true) : undefined;
      return isScalar(id) && family.has(String(id.value));
    });
    after = inFamily[inFamily.length - 1] ?? after;
  }
  const first = frames.items[0];
  if (!isMap(after) || !after.range || !isMap(first) || !first.range)
    return { problems: [problem(file, 1, "a frame in 'frames' is not a mapping; add the frame by hand")] };
  // the dash of a block list item stands two columns before its first key
  const dash = ' '.repeat(Math.max(0, lines.linePos(first.range[0]).col - 3));
  // after the last line of the item's own value: comments and blank lines before the next frame stay its own
  const lineEnd = text.indexOf('\n', Math.max(0, after.range[1] - 1));
  // frames the author set apart by a blank line get one before the new frame too
  const block = (text.startsWith('\n\n', lineEnd) ? '\n' : '') + frameBlock(frame, dash);
  const next = lineEnd < 0 ? `${text}\n${block}\n` : `${text.slice(0, lineEnd)}\n${block}${text.slice(lineEnd)}`;
  const result = parseCodebook(next, file);
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (!result.codebook || errors.length > 0) return { problems: errors.length > 0 ? errors : result.problems };
  return { text: next, codebook: result.codebook, problems: result.problems };
}
