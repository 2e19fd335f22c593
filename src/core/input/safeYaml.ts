/**
 * Hardened YAML reading for user files (codebooks, sidecars). YAML is a rich language and these files are
 * plain data, so everything beyond maps, sequences and scalars is refused with a positioned message:
 * aliases and anchors (alias bombs), explicit tags (`!!js/function`, `!foo`), several documents,
 * duplicate keys, keys that could reach an object prototype, and Git conflict markers (the yaml package
 * turns a conflicted file into partial data without an error, so the raw text is checked first).
 * Nothing here executes or constructs anything but plain values.
 */
import { Document, isNode, isPair, isScalar, LineCounter, parseDocument, visit } from 'yaml';
import type { Node } from 'yaml';
import { excerpt, EXCERPT_MAX } from './excerpt';
import type { Problem } from './problems';

export interface SafeYamlOptions {
  /** Refuse larger files before parsing, so parse time stays bounded. */
  maxBytes: number;
}

export interface SafeYaml {
  /** Present only when there were no problems. */
  doc: Document.Parsed | undefined;
  problems: Problem[];
  /** 1-based line and column of a source offset. */
  positionAt(offset: number): { line: number; column: number };
}

const CONFLICT_MARKER = /^(<{7}|={7}|>{7}|\|{7})(?: |$)/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Lines (1-based) that begin with a Git conflict marker. */
export function findConflictMarkers(text: string): number[] {
  const lines: number[] = [];
  text.split(/\r\n|\n|\r/).forEach((l, i) => {
    if (CONFLICT_MARKER.test(l)) lines.push(i + 1);
  });
  return lines;
}

export function parseSafeYaml(text: string, file: string, options: SafeYamlOptions): SafeYaml {
  const lineCounter = new LineCounter();
  const positionAt = (offset: number): { line: number; column: number } => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const problem = (line: number, column: number, message: string): Problem => ({
    file,
    line,
    column,
    message,
    severity: 'error',
  });

  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > options.maxBytes) {
    return {
      doc: undefined,
      positionAt,
      problems: [problem(1, 1, `file is ${bytes} bytes, over the limit of ${options.maxBytes} bytes`)],
    };
  }
  const markers = findConflictMarkers(text);
  if (markers.length > 0) {
    const problems = markers.map((l) =>
      problem(l, 1, 'Git conflict marker: resolve the merge conflict before this file can be read'),
    );
    return { doc: undefined, positionAt, problems };
  }

  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, merge: false, prettyErrors: true, strict: true });
  const problems: Problem[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    const pos = e.linePos?.[0] ?? positionAt(e.pos[0]);
    const line = 'line' in pos ? pos.line : 1;
    const column = 'col' in pos ? pos.col : 1;
    problems.push(problem(line, column, yamlMessage(e.code, e.message)));
  }
  const at = (node: Node): { line: number; column: number } => positionAt(node.range?.[0] ?? 0);
  visit(doc, {
    Alias(_key, node) {
      const p = at(node);
      problems.push(problem(p.line, p.column, 'YAML aliases (*name) are not allowed in this file'));
    },
    Node(_key, node) {
      const p = at(node);
      if (node.anchor)
        problems.push(
          problem(p.line, p.column, `YAML anchors (&${excerpt(node.anchor)}) are not allowed in this file`),
        );
      if (node.tag)
        problems.push(problem(p.line, p.column, `YAML tags (${excerpt(node.tag)}) are not allowed in this file`));
    },
    Pair(_key, pair) {
      if (isScalar(pair.key) && typeof pair.key.value === 'string' && FORBIDDEN_KEYS.has(pair.key.value)) {
        const p = at(pair.key);
        problems.push(problem(p.line, p.column, `the key '${pair.key.value}' is not allowed`));
      } else if (isNode(pair.key) && !isScalar(pair.key)) {
        const p = at(pair.key);
        problems.push(problem(p.line, p.column, 'keys must be plain text'));
      }
    },
  });
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { doc: problems.length === 0 ? doc : undefined, positionAt, problems };
}

function yamlMessage(code: string, message: string): string {
  // The yaml package's pretty messages repeat the source excerpt on extra lines; keep the first line. Some first
  // lines end with a piece of the source (an alias or tag name): it is shown only as a short, sanitised excerpt.
  const first = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'DUPLICATE_KEY') return 'duplicate key: each key may appear once (no "last one wins")';
  if (code === 'MULTIPLE_DOCS') return 'several YAML documents in one file: only one is allowed';
  if (code === 'TAG_RESOLVE_FAILED') return `unknown YAML tag: ${excerpt(first.replace(/^Unresolved tag:\s*/, ''))}`;
  return `YAML syntax error: ${excerpt(first, 2 * EXCERPT_MAX)}`;
}

/** The 1-based position of a node, for validators that walk the parsed document. */
export function nodePosition(yaml: SafeYaml, node: unknown): { line: number; column: number } {
  if (isNode(node) && node.range) return yaml.positionAt(node.range[0]);
  if (isPair(node) && isNode(node.key) && node.key.range) return yaml.positionAt(node.key.range[0]);
  return { line: 1, column: 1 };
}
