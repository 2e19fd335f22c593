/**
 * Renaming or merging a frame in the codebook file, as a text edit that keeps everything else byte for byte
 * (comments, order, quoting): the coder's codebook is hand-written and its diff must read as the one decision.
 * - rename `from` → `to`: the frame's `id` and every `parent: from` change; `to` must be a new, valid id.
 * - merge `from` into `to`: the frame `from` is removed, its children get `parent: to`, and its cue terms are
 *   appended to `to`'s terms, so that cues keep suggesting the merged frame. Its definition and examples leave
 *   the file (Git keeps them); the caller says so.
 * The edited text is parsed again and must give a codebook without errors, or nothing is returned.
 */
import { isMap, isScalar, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { CODEBOOK_MAX_BYTES, parseCodebook } from '../codebook';
import { ID_PATTERN } from '../codebook/shape';
import { formatProblem } from '../input';
import { parseSafeYaml } from '../input';

export class RenameError extends Error {}

interface Edit {
  from: number;
  to: number;
  text: string;
}

function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  // from the end, and at one offset a removal before an insertion, so that no edit shifts another
  for (const e of [...edits].sort((a, b) => b.from - a.from || b.to - a.to))
    out = out.slice(0, e.from) + e.text + out.slice(e.to);
  return out;
}

function scalarString(node: unknown): string | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

/** The id written in the style of the value it replaces (plain or double-quoted). */
function idLike(original: string, id: string): string {
  return original.startsWith('"') ||
    original.startsWith("'") ||
    /^[0-9.+-]|^(?:true|false|null|yes|no|on|off|~)$/i.test(id)
    ? `"${id}"`
    : id;
}

function replaceScalar(text: string, node: Node, id: string): Edit {
  const [start, end] = node.range ?? [0, 0];
  return { from: start, to: end, text: idLike(text.slice(start, end), id) };
}

const lineStart = (text: string, offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;
const nextLineStart = (text: string, offset: number): number => {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
};

/** The terms of `source` as block-list lines re-indented for `target`'s list, and where they go. */
function moveTerms(text: string, source: YAMLMap, target: YAMLMap, targetItem: Node): Edit | undefined {
  const from = source.get('terms', true);
  if (from === undefined || !isSeq(from) || from.items.length === 0) return undefined;
  const into = target.get('terms', true);
  if (from.flow || (into !== undefined && isSeq(into) && into.flow))
    throw new RenameError('terms written as a flow list [a, b] cannot be merged: write them one per line (- term)');
  const firstItem = from.items[0] as Node;
  const sourceIndent = (firstItem.range?.[0] ?? 0) - lineStart(text, firstItem.range?.[0] ?? 0) - 2;
  const block = text
    .slice(lineStart(text, from.range?.[0] ?? 0), nextLineStart(text, (from.items.at(-1) as Node).range?.[1] ?? 0))
    .split('\n')
    .filter((l) => l.trim() !== '');
  const reindent = (indent: number): string =>
    block.map((l) => ' '.repeat(indent) + l.slice(Math.min(sourceIndent, l.length - l.trimStart().length))).join('\n') +
    '\n';
  if (into !== undefined && isSeq(into) && into.items.length > 0) {
    const last = into.items.at(-1) as Node;
    const indent = (last.range?.[0] ?? 0) - lineStart(text, last.range?.[0] ?? 0) - 2;
    const at = nextLineStart(text, last.range?.[1] ?? 0);
    return { from: at, to: at, text: reindent(indent) };
  }
  if (into !== undefined) throw new RenameError(`the frame to merge into has a 'terms' value that is not a list`);
  const keyIndent = (targetItem.range?.[0] ?? 0) - lineStart(text, targetItem.range?.[0] ?? 0);
  const at = nextLineStart(
    text,
    (target.items.at(-1)?.value as Node | undefined)?.range?.[1] ?? targetItem.range?.[1] ?? 0,
  );
  return { from: at, to: at, text: `${' '.repeat(keyIndent)}terms:\n${reindent(keyIndent + 2)}` };
}

/** The codebook text with frame `from` renamed to `to`, or merged into `to` when `merge` is true. */
export function renameFrameInCodebook(text: string, file: string, from: string, to: string, merge: boolean): string {
  const yaml = parseSafeYaml(text, file, { maxBytes: CODEBOOK_MAX_BYTES });
  const root = yaml.doc?.contents;
  const frames = isMap(root) ? root.get('frames', true) : undefined;
  if (!yaml.doc || !isSeq(frames))
    throw new RenameError(
      `${file}: not a readable codebook${yaml.problems[0] ? `: ${formatProblem(yaml.problems[0])}` : ''}`,
    );
  const items = (frames as YAMLSeq).items.filter(isMap);
  const idOf = (m: YAMLMap): string | undefined => scalarString(m.get('id', true));
  const source = items.find((m) => idOf(m) === from);
  const target = items.find((m) => idOf(m) === to);
  if (!source) throw new RenameError(`${file}: no frame '${from}' in the codebook`);
  if (!ID_PATTERN.test(to))
    throw new RenameError(`'${to}' is not a valid frame id (lower-case letters, digits, '.', '_', '-')`);
  if (merge && !target) throw new RenameError(`${file}: no frame '${to}' to merge into`);
  if (!merge && target)
    throw new RenameError(`${file}: frame '${to}' already exists: use --into ${to} to merge '${from}' into it`);
  if (from === to) throw new RenameError(`'${from}' and '${to}' are the same frame`);
  const edits: Edit[] = [];
  for (const m of items) {
    const parent = m.get('parent', true);
    if (scalarString(parent) === from && m !== source) edits.push(replaceScalar(text, parent as Node, to));
  }
  if (merge && target) {
    const start = lineStart(text, source.range?.[0] ?? 0);
    const next = items[items.indexOf(source) + 1];
    const end = next ? lineStart(text, next.range?.[0] ?? 0) : nextLineStart(text, source.range?.[1] ?? 0);
    edits.push({ from: start, to: end, text: '' });
    const termsEdit = moveTerms(text, source, target, target);
    if (termsEdit) edits.push(termsEdit);
    if (scalarString(target.get('parent', true)) === from)
      throw new RenameError(`'${to}' is a child of '${from}': merge the other way, or move it first`);
  } else edits.push(replaceScalar(text, source.get('id', true) as Node, to));
  const result = applyEdits(text, edits);
  const check = parseCodebook(result, file);
  if (!check.codebook)
    throw new RenameError(
      `the renamed codebook would not be valid, so nothing was changed:\n${check.problems.map(formatProblem).join('\n')}`,
    );
  return result;
}
