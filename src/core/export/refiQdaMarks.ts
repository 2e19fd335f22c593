/**
 * The marks Sovereignty Coder writes into REFI-QDA descriptions and notes, and reads back on import: with them,
 * a project exported here and imported again gives the same frames, paths and annotations (and so the same
 * bytes on the next export). Each is a line a person in another QDA tool can read, and each has one reader
 * here, beside its writer, so that the two cannot drift apart.
 */

/** The last block of a code's description: the frame's id in the codebook. */
export const frameMark = (id: string): string => `[Sovereignty Coder frame: ${id}]`;
const FRAME_MARK = /\n*\[Sovereignty Coder frame: ([^\]\n]+)\]$/;

/** The heading of the block that lists a frame's cue terms, one per line. */
export const CUE_TERMS = 'Cue terms:';

export const REVIEW_FLAG = '[Sovereignty Coder: needs review]';
export const conflictFlag = (other: string): string => `[Sovereignty Coder: merge conflict with annotation ${other}]`;
const CONFLICT_FLAG = /^\[Sovereignty Coder: merge conflict with annotation ([^\]\n]+)\]$/;
export const annotationMark = (id: string): string => `[annotation ${id}]`;
const ANNOTATION_MARK = /^\[annotation ([^\]\n]+)\]$/;

/** A source's description: its path in the workspace (the source's name holds the file name only). */
export const pathMark = (path: string): string => `Sovereignty Coder path: ${path}`;
const PATH_MARK = /^Sovereignty Coder path: (.+)$/m;

/** The last line of a note or of the project description: the data itself, as JSON, after this prefix. */
export const DATA_PREFIX = 'sovereignty-coder: ';

export interface FrameDescription {
  definition: string;
  include?: string;
  exclude?: string;
  terms: string[];
  id?: string;
}

/** The text after the last `\n\n<heading>` in `text`, and the text before it. */
function splitLast(text: string, heading: string): [string, string | undefined] {
  const at = text.lastIndexOf(`\n\n${heading}`);
  if (at < 0) return text.startsWith(heading) ? ['', text.slice(heading.length)] : [text, undefined];
  return [text.slice(0, at), text.slice(at + 2 + heading.length)];
}

export function frameDescriptionText(d: FrameDescription): string {
  return [
    d.definition,
    d.include && `Include: ${d.include}`,
    d.exclude && `Exclude: ${d.exclude}`,
    d.terms.length > 0 ? `${CUE_TERMS}\n${d.terms.join('\n')}` : undefined,
    d.id === undefined ? undefined : frameMark(d.id),
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** The reverse of frameDescriptionText; any other tool's description is a definition without the other parts. */
export function readFrameDescription(text: string): FrameDescription {
  const mark = FRAME_MARK.exec(text);
  if (!mark) return { definition: text, terms: [] };
  let rest = text.slice(0, mark.index);
  const [beforeTerms, terms] = splitLast(rest, `${CUE_TERMS}\n`);
  rest = beforeTerms;
  const [beforeExclude, exclude] = splitLast(rest, 'Exclude: ');
  rest = beforeExclude;
  const [definition, include] = splitLast(rest, 'Include: ');
  return { definition, include, exclude, terms: terms === undefined ? [] : terms.split('\n'), id: mark[1] };
}

export interface SelectionDescription {
  memo?: string;
  review: boolean;
  conflictWith?: string;
  id?: string;
}

export function selectionDescriptionText(d: SelectionDescription): string {
  const flag = d.review ? REVIEW_FLAG : d.conflictWith !== undefined ? conflictFlag(d.conflictWith) : undefined;
  return [d.memo, flag, d.id === undefined ? undefined : annotationMark(d.id)].filter(Boolean).join('\n');
}

/** The reverse of selectionDescriptionText; another tool's description is all memo. */
export function readSelectionDescription(text: string): SelectionDescription {
  const lines = text.split('\n');
  const id = ANNOTATION_MARK.exec(lines.at(-1) ?? '')?.[1];
  if (id === undefined) return { memo: text === '' ? undefined : text, review: false };
  lines.pop();
  const flag = lines.at(-1) ?? '';
  const conflictWith = CONFLICT_FLAG.exec(flag)?.[1];
  const review = flag === REVIEW_FLAG;
  if (review || conflictWith !== undefined) lines.pop();
  const memo = lines.join('\n');
  return { memo: lines.length === 0 ? undefined : memo, review, conflictWith, id };
}

export function readPathMark(description: string): string | undefined {
  return PATH_MARK.exec(description)?.[1];
}

/** The JSON after DATA_PREFIX on the last line of `text`, or undefined when there is none (another tool's note). */
export function readDataLine(text: string): unknown {
  const last = text.slice(text.lastIndexOf('\n') + 1);
  if (!last.startsWith(DATA_PREFIX)) return undefined;
  return JSON.parse(last.slice(DATA_PREFIX.length)) as unknown;
}
