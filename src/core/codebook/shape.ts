/**
 * First pass over a codebook's YAML tree: the shape. Walks the yaml package's nodes (not `toJS()`), so every
 * problem has the exact line and column of the node it is about, and nothing but the fields named here is ever
 * copied out of the file (no prototype can be reached, nothing is constructed from tags).
 * Checks that need the whole codebook (duplicates, parents, terms) are in codebookChecks.ts.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Pair } from 'yaml';
import type { Problem, SafeYaml } from '../input';
import { excerpt, nodePosition } from '../input';
import { closestName } from './suggest';

/** The keys of the codebook's top level, in the order the documentation gives them. */
export const ROOT_KEYS: readonly string[] = ['codebook', 'title', 'version', 'languages', 'description', 'frames'];
/** The keys of one frame. */
export const FRAME_KEYS: readonly string[] = ['id', 'label', 'color', 'parent', 'definition', 'include', 'exclude', 'examples', 'terms'];
/** Codebook and frame ids: stable, file-name-safe, written into every annotation. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
/** `#rgb` or `#rrggbb`, the forms every renderer (VS Code decorations, CSS, QDA tools) accepts. */
export const COLOR_PATTERN = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
/** A BCP 47 language tag in its common forms: en, zh, zh-Hans, ru-RU. */
export const LANGUAGE_PATTERN = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/** A value read from the file, with the 1-based position of its first character. */
export interface Located<T> {
  value: T;
  line: number;
  column: number;
  /** Source offset where the value's text starts, when it appears verbatim there (plain or simple quoted). */
  start?: number;
}

/** One frame as written, before the checks that need the other frames. */
export interface FrameDraft {
  line: number;
  column: number;
  /** 1-based position in the `frames` list, to name frames that have no valid id. */
  index: number;
  id?: Located<string>;
  label?: Located<string>;
  color?: Located<string>;
  parent?: Located<string>;
  definition?: Located<string>;
  include?: Located<string>;
  exclude?: Located<string>;
  examples: Located<string>[];
  terms: Located<string>[];
}

export interface CodebookDraft {
  id?: Located<string>;
  title?: Located<string>;
  version?: Located<string>;
  languages: Located<string>[];
  description?: Located<string>;
  frames: FrameDraft[];
}

/** What the readers share: the parsed file and the list that collects problems. */
export interface ShapeContext {
  yaml: SafeYaml;
  text: string;
  file: string;
  problems: Problem[];
}

type Position = { line: number; column: number };
type Fields = Map<string, Pair>;
type Check = (value: string) => string | undefined;

export function report(ctx: ShapeContext, at: Position, message: string, severity: Problem['severity'] = 'error'): void {
  ctx.problems.push({ file: ctx.file, line: at.line, column: at.column, message, severity });
}

function describe(node: unknown): string {
  if (node === null || node === undefined || (isScalar(node) && node.value === null)) return 'nothing';
  if (isSeq(node)) return 'a list';
  if (isMap(node)) return 'a mapping';
  if (isScalar(node)) {
    if (typeof node.value === 'number') return `the number ${String(node.value)}`;
    if (typeof node.value === 'boolean') return `the value ${String(node.value)}`;
    if (typeof node.value === 'string') return 'text';
  }
  return 'an unsupported value';
}

/** Keys of a mapping, with unknown keys reported (naming the allowed ones and the likely intended one). */
function readFields(ctx: ShapeContext, node: unknown, allowed: readonly string[], where: string): Fields | undefined {
  if (!isMap(node)) {
    report(ctx, nodePosition(ctx.yaml, node), `${where} must be a mapping of keys (key: value), not ${describe(node)}`);
    return undefined;
  }
  const fields: Fields = new Map();
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (allowed.includes(key)) {
      fields.set(key, pair);
      continue;
    }
    const guess = closestName(key, allowed);
    const hint = guess !== undefined ? ` Did you mean '${guess}'?` : '';
    const misplaced = allowed === ROOT_KEYS && FRAME_KEYS.includes(key) ? ` ('${key}' belongs inside a frame, under 'frames')` : '';
    report(ctx, nodePosition(ctx.yaml, pair.key), `unknown key '${excerpt(key)}' in ${where}${misplaced}: allowed keys are ${allowed.join(', ')}.${hint}`);
  }
  return fields;
}

/** Where a string value's text starts in the source, when the source holds it verbatim. */
function verbatimStart(ctx: ShapeContext, node: { range?: [number, number, number] | null }, value: string): number | undefined {
  if (!node.range) return undefined;
  const at = ctx.text.slice(node.range[0], node.range[1]).indexOf(value);
  return at === -1 ? undefined : node.range[0] + at;
}

function readTextNode(ctx: ShapeContext, node: unknown, what: string, check?: Check): Located<string> | undefined {
  if (!isScalar(node) || typeof node.value !== 'string') {
    const quote = isScalar(node) && (typeof node.value === 'number' || typeof node.value === 'boolean') ? ` (put it in quotes: "${excerpt(String(node.source ?? node.value))}")` : '';
    report(ctx, nodePosition(ctx.yaml, node), `${what} must be text, not ${describe(node)}${quote}`);
    return undefined;
  }
  const value = node.value;
  const start = verbatimStart(ctx, node, value);
  const at = start !== undefined ? ctx.yaml.positionAt(start) : nodePosition(ctx.yaml, node);
  if (value.trim() === '') {
    report(ctx, at, `${what} is empty`);
    return undefined;
  }
  const bad = check?.(value);
  if (bad !== undefined) {
    report(ctx, at, `${what}: ${bad}`);
    return undefined;
  }
  return { value, line: at.line, column: at.column, ...(start !== undefined ? { start } : {}) };
}

/**
 * How to write the colour on `line` (1-based) that YAML read as a comment: the user's own `#…` in quotes, never
 * another colour; without one on the line, what a colour looks like.
 */
function colorHint(text: string, line: number): string {
  const written = /\bcolou?r\s*:\s*(#[^\s,}\]]*)/.exec(text.split(/\r\n|\n|\r/)[line - 1] ?? '')?.[1];
  return written === undefined || written === '#'
    ? ': write a colour in quotes, #rgb or #rrggbb (e.g. color: "#2e7d32")'
    : `: write it in quotes, color: "${excerpt(written)}" (an unquoted # starts a YAML comment)`;
}

/** The value of `key` when it has one; reports a missing required key at the mapping itself. */
function presentValue(ctx: ShapeContext, fields: Fields, key: string, where: string, mapAt: Position, required: boolean): unknown {
  const pair = fields.get(key);
  if (pair === undefined) {
    if (required) report(ctx, mapAt, `${where} is missing the required key '${key}'`);
    return undefined;
  }
  if (pair.value === null || (isScalar(pair.value) && pair.value.value === null)) {
    // `color: #2e7d32` unquoted is a YAML comment, so the value silently disappears: say so, quoting what they wrote.
    const at = nodePosition(ctx.yaml, pair.key);
    const hint = key === 'color' ? colorHint(ctx.text, at.line) : ': write a value or remove the key';
    report(ctx, at, `'${key}' in ${where} has no value${hint}`);
    return undefined;
  }
  return pair.value;
}

function readText(ctx: ShapeContext, fields: Fields, key: string, where: string, mapAt: Position, required: boolean, check?: Check): Located<string> | undefined {
  const node = presentValue(ctx, fields, key, where, mapAt, required);
  return node === undefined ? undefined : readTextNode(ctx, node, `'${key}' in ${where}`, check);
}

function readTextList(ctx: ShapeContext, fields: Fields, key: string, where: string, mapAt: Position, check?: Check): Located<string>[] {
  const node = presentValue(ctx, fields, key, where, mapAt, false);
  if (node === undefined) return [];
  if (!isSeq(node)) {
    report(ctx, nodePosition(ctx.yaml, node), `'${key}' in ${where} must be a list (one "- item" per line, or [a, b]), not ${describe(node)}`);
    return [];
  }
  const out: Located<string>[] = [];
  node.items.forEach((item, i) => {
    const read = readTextNode(ctx, item, `item ${i + 1} of '${key}' in ${where}`, check);
    if (read) out.push(read);
  });
  return out;
}

/** A valid id close to what was written, for the message. */
export function idSuggestion(s: string): string {
  return s.toLowerCase().trim().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '').replace(/-+$/, '') || 'frame-1';
}

const checkId: Check = (s) =>
  ID_PATTERN.test(s) ? undefined : `'${excerpt(s)}' is not a valid id: use lower-case letters, digits, '.', '_' and '-', starting with a letter or digit (e.g. '${excerpt(idSuggestion(s))}')`;
const checkColor: Check = (s) => (COLOR_PATTERN.test(s) ? undefined : `'${excerpt(s)}' is not a colour: write #rgb or #rrggbb, e.g. "#2e7d32"`);
const checkLanguage: Check = (s) => (LANGUAGE_PATTERN.test(s) ? undefined : `'${excerpt(s)}' is not a language tag such as en, zh, ru or zh-Hans`);

function readFrame(ctx: ShapeContext, node: unknown, index: number): FrameDraft | undefined {
  // Messages name the frame by its id when it has a valid one, else by its place in the list.
  const peek: unknown = isMap(node) ? node.get('id') : undefined;
  const where = typeof peek === 'string' && ID_PATTERN.test(peek) ? `frame '${excerpt(peek)}'` : `frame ${index}`;
  const fields = readFields(ctx, node, FRAME_KEYS, where);
  if (!fields) return undefined;
  const at = nodePosition(ctx.yaml, node);
  const idNode = presentValue(ctx, fields, 'id', where, at, true);
  const id = idNode === undefined ? undefined : readTextNode(ctx, idNode, `the id of ${where}`, checkId);
  const text = (key: string, required: boolean, check?: Check): Located<string> | undefined => readText(ctx, fields, key, where, at, required, check);
  const frame: FrameDraft = { line: at.line, column: at.column, index, examples: [], terms: [] };
  if (id) frame.id = id;
  const label = text('label', true);
  const color = text('color', true, checkColor);
  const parent = text('parent', false);
  const definition = text('definition', true);
  const include = text('include', false);
  const exclude = text('exclude', false);
  if (label) frame.label = label;
  if (color) frame.color = color;
  if (parent) frame.parent = parent;
  if (definition) frame.definition = definition;
  if (include) frame.include = include;
  if (exclude) frame.exclude = exclude;
  frame.examples = readTextList(ctx, fields, 'examples', where, at);
  frame.terms = readTextList(ctx, fields, 'terms', where, at);
  return frame;
}

/** Reads the top level and every frame, reporting unknown keys, wrong types, missing keys and bad values. */
export function readCodebookShape(ctx: ShapeContext, root: unknown): CodebookDraft {
  const draft: CodebookDraft = { languages: [], frames: [] };
  if (isMap(root) && !root.items.some((p) => isScalar(p.key) && (p.key.value === 'codebook' || p.key.value === 'frames'))) {
    // not recognisably a codebook (another YAML file, or a link to one): report it without quoting its keys
    report(ctx, nodePosition(ctx.yaml, root), "not a codebook: its top level has neither 'codebook:' nor 'frames:' (nothing of the file is quoted, as it may be another kind of file)");
    return draft;
  }
  const fields = readFields(ctx, root, ROOT_KEYS, 'the codebook');
  if (!fields) return draft;
  const at = nodePosition(ctx.yaml, root);
  const where = 'the codebook';
  const id = readText(ctx, fields, 'codebook', where, at, true, checkId);
  const title = readText(ctx, fields, 'title', where, at, true);
  const version = readText(ctx, fields, 'version', where, at, false);
  const description = readText(ctx, fields, 'description', where, at, false);
  if (id) draft.id = id;
  if (title) draft.title = title;
  if (version) draft.version = version;
  if (description) draft.description = description;
  draft.languages = readTextList(ctx, fields, 'languages', where, at, checkLanguage);

  const frames = presentValue(ctx, fields, 'frames', where, at, true);
  if (frames === undefined) return draft;
  if (!isSeq(frames)) {
    report(ctx, nodePosition(ctx.yaml, frames), `'frames' must be a list of frames (each starting with "- id: …"), not ${describe(frames)}`);
    return draft;
  }
  if (frames.items.length === 0) report(ctx, nodePosition(ctx.yaml, frames), "'frames' is empty: a codebook needs at least one frame");
  frames.items.forEach((item, i) => {
    const frame = readFrame(ctx, item, i + 1);
    if (frame) draft.frames.push(frame);
  });
  return draft;
}
