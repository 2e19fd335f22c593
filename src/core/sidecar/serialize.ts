/**
 * Writing a sidecar as deterministic, Git-friendly YAML. The emitter is hand-written rather than delegated
 * to a YAML library's stringifier so that every byte is under our control: fixed key order, one block per
 * annotation in the order of compareAnnotations, free text always double-quoted on one line with escapes
 * (no folding at any width), no aliases, LF line endings and a final newline. The same data always gives the
 * same bytes, so load + save is byte-identical and adding an annotation adds only its own block.
 */
import { compareAnnotations } from '../annotations';
import type { Annotation } from '../annotations';
import { canonicalText, LineIndex, textHash } from '../text';
import { OFFSETS_UNIT, SIDECAR_HEADER, SIDECAR_VERSION } from './types';
import type { Sidecar } from './types';

/** Invisible or direction-changing characters a reviewer could not see in a diff: NBSP, soft hyphen,
 *  zero-width, bidi controls and isolates, line/paragraph separators, word joiners, BOM. */
const INVISIBLE: ReadonlyArray<readonly [number, number]> = [
  [0x00a0, 0x00a0], [0x00ad, 0x00ad], [0x200b, 0x200f], [0x2028, 0x202e], [0x2060, 0x2064], [0x2066, 0x2069], [0xfeff, 0xfeff],
];

/** Code units written as \uXXXX inside double quotes: C0 and C1 controls, DEL, and the invisible ones. */
export function mustEscape(code: number): boolean {
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  return INVISIBLE.some(([lo, hi]) => code >= lo && code <= hi);
}

function hex4(code: number): string {
  return '\\u' + code.toString(16).toUpperCase().padStart(4, '0');
}

/** A YAML double-quoted scalar on one line; the yaml parser (and any YAML 1.2 reader) returns `s` exactly. */
export function quoteYaml(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const code = s.charCodeAt(i);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      out += ch + (s[i + 1]);
      i++;
    } else if ((code >= 0xd800 && code <= 0xdfff) || mustEscape(code)) out += hex4(code);
    else out += ch;
  }
  return out + '"';
}

/** Words that some YAML readers (1.1 or 1.2) turn into booleans or null when written plain. */
const RESERVED = /^(?:null|true|false|yes|no|on|off|y|n|~)$/i;
const NUMBER_LIKE = /^[-+]?(?:\d[\d_]*(?:\.\d*)?(?:e[-+]?\d+)?|0x[0-9a-f_]+|0o[0-7_]+|0b[01_]+|\d+(?::\d+)+)$/i;

/** True when `s` written as a plain YAML scalar reads back as the same string in any YAML reader. */
export function isPlainSafe(s: string): boolean {
  return /^[A-Za-z0-9_][A-Za-z0-9_./:-]*$/.test(s) && !s.endsWith(':') && !RESERVED.test(s) && !NUMBER_LIKE.test(s);
}

/** A short identifier-like value written plain when that reads back as the same string, else double-quoted. */
export function scalarYaml(s: string): string {
  return isPlainSafe(s) ? s : quoteYaml(s);
}

/** A date is written plain (YAML 1.2 core schema reads it as a string) when it has the expected shape. */
function dateYaml(s: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : quoteYaml(s);
}

function annotationBlock(a: Annotation, index: LineIndex | undefined): string[] {
  const lines = [
    `  - id: ${scalarYaml(a.id)}`,
    `    frame: ${scalarYaml(a.frame)}`,
    `    start: ${a.start}`,
    `    end: ${a.end}`,
  ];
  if (index) {
    const p = index.positionAt(a.start);
    lines.push(`    line: ${p.line + 1}`, `    column: ${p.character + 1}`);
  }
  lines.push(
    `    quote: ${quoteYaml(a.quote)}`,
    `    prefix: ${quoteYaml(a.prefix)}`,
    `    suffix: ${quoteYaml(a.suffix)}`,
    `    coder: ${scalarYaml(a.coder)}`,
    `    created: ${dateYaml(a.created)}`,
  );
  if (a.memo !== undefined) lines.push(`    memo: ${quoteYaml(a.memo)}`);
  if (a.status !== undefined) lines.push(`    status: ${scalarYaml(a.status)}`);
  if (a.conflictWith !== undefined) lines.push(`    conflictWith: ${scalarYaml(a.conflictWith)}`);
  return lines;
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
  if (s.annotations.length === 0) lines.push('annotations: []');
  else {
    lines.push('annotations:');
    for (const a of [...s.annotations].sort(compareAnnotations)) lines.push(...annotationBlock(a, index));
  }
  return lines.join('\n') + '\n';
}
