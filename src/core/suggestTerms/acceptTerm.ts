/**
 * Accepting a suggested cue term into the codebook file in one step. The yaml Document API finds the frame's
 * `terms:` list and where it ends; the new item is then spliced into the text right after the last term, in the
 * same indentation, so every other byte of the hand-written file (comments, folded blocks, quoting, line
 * width) stays exactly as it was. The result is parsed again before it is returned: a term the codebook would
 * refuse (bad syntax, already under another frame) is an error that names the file, never a broken codebook.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, stringify, type Node } from 'yaml';
import { parseCodebook } from '../codebook';

export class AcceptTermError extends Error {}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl;
}

/** The codebook text with `term` added at the end of frame `frameId`'s terms. */
export function withAcceptedTerm(text: string, file: string, frameId: string, term: string): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new AcceptTermError(`${file}: cannot add a term to a codebook with YAML errors`);
  const frames = isMap(doc.contents) ? doc.contents.get('frames', true) : undefined;
  if (!isSeq(frames)) throw new AcceptTermError(`${file}: no 'frames' list`);
  const frame = frames.items.find((f) => isMap(f) && f.get('id') === frameId);
  if (!isMap(frame) || frame.range === undefined || frame.range === null)
    throw new AcceptTermError(`${file}: no frame '${frameId}'`);
  const item = stringify(term).trimEnd();
  const terms = frame.get('terms', true) as Node | undefined;
  let updated: string;
  if (terms === undefined) {
    const first = frame.items.find(isPair)?.key;
    const keyAt = isScalar(first) && first.range ? first.range[0] : frame.range[0];
    const indent = ' '.repeat(keyAt - lineStart(text, keyAt));
    const at = lineEnd(text, frame.range[1] - 1);
    updated = `${text.slice(0, at)}\n${indent}terms:\n${indent}  - ${item}${text.slice(at)}`;
  } else if (isSeq(terms) && !terms.flow && terms.items.length > 0) {
    const last = terms.items[terms.items.length - 1] as Node;
    if (!last.range) throw new AcceptTermError(`${file}: cannot place a term in frame '${frameId}'`);
    const start = lineStart(text, last.range[0]);
    const prefix = text.slice(start, last.range[0]);
    const at = lineEnd(text, last.range[1] - 1);
    updated = `${text.slice(0, at)}\n${/^\s*- $/.test(prefix) ? prefix : '      - '}${item}${text.slice(at)}`;
  } else throw new AcceptTermError(`${file}: the 'terms' of frame '${frameId}' are not a block list to add to`);
  const errors = parseCodebook(updated, file).problems.filter((p) => p.severity === 'error');
  if (errors.length > 0)
    throw new AcceptTermError(`${file}: '${term}' cannot be a cue of '${frameId}': ${errors[0].message}`);
  return updated;
}
