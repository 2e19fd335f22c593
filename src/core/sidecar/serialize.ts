/**
 * Writing a sidecar as deterministic, Git-friendly YAML. The emitter is hand-written rather than delegated
 * to a YAML library's stringifier so that every byte is under our control: fixed key order, one block per
 * annotation in the order of compareAnnotations, free text double-quoted on one line with escapes (no folding
 * at any width) except a memo of several lines, which is a literal block scalar (memoYaml), no aliases, LF line endings and a final newline. The same data always gives the
 * same bytes, so load + save is byte-identical and adding an annotation adds only its own block.
 */
import { compareAnnotations } from '../annotations';
import type { Annotation } from '../annotations';
import { canonicalText, LineIndex, textHash } from '../text';
import { OFFSETS_UNIT, SIDECAR_HEADER, SIDECAR_VERSION } from './types';
import type { Sidecar } from './types';
import { normalDone } from './done';

/** Invisible or direction-changing characters a reviewer could not see in a diff: NBSP, soft hyphen,
 *  zero-width, bidi controls and isolates, line/paragraph separators, word joiners, BOM. */
const INVISIBLE: ReadonlyArray<readonly [number, number]> = [
  [0x00a0, 0x00a0],
  [0x00ad, 0x00ad],
  [0x200b, 0x200f],
  [0x2028, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x2069],
  [0xfeff, 0xfeff],
];

/** Code units written as \uXXXX inside double quotes: C0 and C1 controls, DEL, and the invisible ones. */
export function mustEscape(code: number): boolean {
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  return INVISIBLE.some(([lo, hi]) => code >= lo && code <= hi);
}

function hex4(code: number): string {
  return '\\u' + code.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * The same units as mustEscape and INVISIBLE, as a RegExp class, plus lone surrogates: what is never written
 * raw inside our quotes. Tests compare it with mustEscape unit by unit. Most strings hold none of them, and one
 * RegExp test (or one replace) is much cheaper than building the string unit by unit for 10,000 annotations.
 */
const ESCAPED_UNITS =
  '\\u0000-\\u001f\\u007f-\\u00a0\\u00ad\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff';
const LONE_SURROGATE = '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
/** True when a string holds a unit that must have been escaped: the fast reader refuses such raw text. */
export const HAS_RAW_ESCAPABLE = new RegExp(`[${ESCAPED_UNITS}]|${LONE_SURROGATE}`);
const TO_ESCAPE = new RegExp(`["\\\\${ESCAPED_UNITS}]|${LONE_SURROGATE}`, 'g');
const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\t': '\\t',
  '\r': '\\r',
};

/** A YAML double-quoted scalar on one line; the yaml parser (and any YAML 1.2 reader) returns `s` exactly. */
export function quoteYaml(s: string): string {
  return `"${s.replace(TO_ESCAPE, (ch) => SHORT_ESCAPES[ch] ?? hex4(ch.charCodeAt(0)))}"`;
}

/** Words that some YAML readers (1.1 or 1.2) turn into booleans or null when written plain. */
const RESERVED = /^(?:null|true|false|yes|no|on|off|y|n|~)$/i;
const NUMBER_LIKE = /^[-+]?(?:\d[\d_]*(?:\.\d*)?(?:e[-+]?\d+)?|0x[0-9a-f_]+|0o[0-7_]+|0b[01_]+|\d+(?::\d+)+)$/i;

/** True when `s` written as a plain YAML scalar reads back as the same string in any YAML reader. */
export function isPlainSafe(s: string): boolean {
  return /^[A-Za-z0-9_][A-Za-z0-9_./:-]*$/.test(s) && !s.endsWith(':') && !RESERVED.test(s) && !NUMBER_LIKE.test(s);
}

/** Where a memo's block scalar lines stand: two more than the annotation's keys. */
export const MEMO_INDENT = '      ';

/**
 * True when a memo reads back exactly from a literal block scalar (`|-`) as we write it: several lines, none
 * holding a character we escape (tabs, controls, invisible ones) or ending in a space a reviewer could not see,
 * the first not starting with a space (YAML would take its spaces as the indentation) and no line break at the
 * very end (`|-` strips it).
 */
export function isBlockSafe(memo: string): boolean {
  return (
    memo.includes('\n') &&
    !HAS_RAW_ESCAPABLE.test(memo.replaceAll('\n', '')) &&
    !memo.startsWith(' ') &&
    !/ (?:\n|$)/.test(memo) &&
    !memo.startsWith('\n') &&
    !memo.endsWith('\n')
  );
}

/**
 * A memo: a paragraph of several lines is written as a literal block scalar, line for line as the coder wrote
 * it, so a reviewer reads it in the diff as prose; anything else double-quoted like every free text.
 */
export function memoYaml(memo: string): string {
  if (!isBlockSafe(memo)) return quoteYaml(memo);
  return `|-\n${memo
    .split('\n')
    .map((line) => (line === '' ? '' : MEMO_INDENT + line))
    .join('\n')}`;
}

/** A short identifier-like value written plain when that reads back as the same string, else double-quoted. */
export function scalarYaml(s: string): string {
  return isPlainSafe(s) ? s : quoteYaml(s);
}

/** A date is written plain (YAML 1.2 core schema reads it as a string) when it has the expected shape. */
function dateYaml(s: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : quoteYaml(s);
}

/**
 * One annotation's block, each line ending in LF, as one string (no per-line arrays: 10,000 blocks per save).
 * What a reviewer needs to read a change comes first: `frame`, `quote`, who coded it and who changed it sit
 * next to `id`, so that Git's three lines of context around a retag name the quote; offsets and context follow.
 */
function annotationBlock(a: Annotation, index: LineIndex | undefined): string {
  let block =
    `  - id: ${scalarYaml(a.id)}\n    frame: ${scalarYaml(a.frame)}\n    quote: ${quoteYaml(a.quote)}\n` +
    `    coder: ${scalarYaml(a.coder)}\n    created: ${dateYaml(a.created)}\n`;
  if (a.modified !== undefined) block += `    modified: ${dateYaml(a.modified)}\n`;
  if (a.modifiedBy !== undefined) block += `    modifiedBy: ${scalarYaml(a.modifiedBy)}\n`;
  if (a.retaggedBy !== undefined) block += `    retaggedBy: ${scalarYaml(a.retaggedBy)}\n`;
  block += `    start: ${a.start}\n    end: ${a.end}\n`;
  if (index) {
    const p = index.positionAt(a.start);
    block += `    line: ${p.line + 1}\n    column: ${p.character + 1}\n`;
  }
  block += `    prefix: ${quoteYaml(a.prefix)}\n    suffix: ${quoteYaml(a.suffix)}\n`;
  if (a.memo !== undefined) block += `    memo: ${memoYaml(a.memo)}\n`;
  if (a.status !== undefined) block += `    status: ${scalarYaml(a.status)}\n`;
  if (a.conflictWith !== undefined) block += `    conflictWith: ${scalarYaml(a.conflictWith)}\n`;
  return block;
}

/**
 * The sidecar file text. With the source `text`, the sourceHash is recomputed and each block gets the
 * 1-based `line` and `column` of its start, for people reading the file or its diff; always pass it when
 * saving. Without it, `line` and `column` are left out and the sourceHash is written as given.
 */
export function serializeSidecar(s: Sidecar, text?: string): string {
  const canonical = text === undefined ? undefined : canonicalText(text);
  const index = canonical === undefined ? undefined : new LineIndex(canonical);
  const hash = canonical === undefined ? s.sourceHash : textHash(canonical);
  const lines = [
    SIDECAR_HEADER,
    `version: ${SIDECAR_VERSION}`,
    `source: ${scalarYaml(s.source)}`,
    `sourceHash: ${scalarYaml(hash)}`,
    `codebook: ${scalarYaml(s.codebook)}`,
    `offsets: ${OFFSETS_UNIT}`,
  ];
  // the done marks come before the list, so that the line-based readers meet the annotations last
  const done = normalDone(s.done);
  if (done) lines.push('done:', ...done.map((c) => `  - ${scalarYaml(c)}`));
  if (s.annotations.length === 0) return `${lines.join('\n')}\nannotations: []\n`;
  lines.push('annotations:');
  const head = lines.join('\n') + '\n';
  // one join of the blocks: a flat string at once, not a rope of 10,000 concatenations
  return (
    head +
    [...s.annotations]
      .sort(compareAnnotations)
      .map((a) => annotationBlock(a, index))
      .join('')
  );
}
