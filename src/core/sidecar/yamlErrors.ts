/**
 * A sidecar the YAML parser cannot read, explained in a coder's words. One mis-indented line makes the parser
 * report a cascade (fifteen errors for one line, in its own vocabulary); a coder needs the first cause and
 * where it is. The sidecar's layout is fixed (top-level keys at 0, `  - id:` at 2, an annotation's keys at 4,
 * spaces only), so a line off that layout before the first parser error is almost always the cause; it is
 * reported alone, the rest as "and N more after it". Without such a line the parser's first error stands, with
 * the same count.
 */
import type { Problem } from '../input';

const ITEM_INDENT = 2;
const KEY_INDENT = 4;

/** What is wrong with the layout of one line, or undefined when it is laid out as the sidecar's lines are. */
function layoutFault(
  line: string,
  inAnnotations: boolean,
): { column: number; message: (n: number) => string } | undefined {
  if (line.trim() === '' || line.trimStart().startsWith('#')) return undefined;
  const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
  if (indent.includes('\t'))
    return {
      column: indent.indexOf('\t') + 1,
      message: (n) =>
        `line ${n} is indented with a tab; YAML takes spaces only (an annotation's keys take ${KEY_INDENT})`,
    };
  const width = indent.length;
  const item = line.slice(width).startsWith('- ');
  if (!inAnnotations || width === 0) return undefined;
  if (item && width !== ITEM_INDENT)
    return {
      column: width + 1,
      message: (n) =>
        `line ${n} starts an annotation ("- ") indented ${width} spaces; each annotation starts at ${ITEM_INDENT}`,
    };
  if (!item && width !== KEY_INDENT)
    return {
      column: width + 1,
      message: (n) =>
        `line ${n} is indented ${width} space${width === 1 ? '' : 's'}; the keys of an annotation take ${KEY_INDENT}`,
    };
  return undefined;
}

const isSyntaxError = (p: Problem): boolean => p.severity === 'error' && p.message.startsWith('YAML syntax error');

/**
 * The parser's problems of a sidecar, with a cascade of syntax errors turned into its first cause and a count:
 * what the parser says after the cause (its other syntax errors, the odd keys it then sees) is the cascade.
 */
export function explainYamlErrors(text: string, problems: readonly Problem[]): Problem[] {
  const first = problems.find(isSyntaxError);
  if (first === undefined) return [...problems];
  const lines = text.split(/\r\n|\n|\r/);
  let cause: Problem = first;
  let inAnnotations = false;
  for (let i = 0; i < first.line && i < lines.length; i++) {
    if (/^annotations:/.test(lines[i])) inAnnotations = true;
    const fault = layoutFault(lines[i], inAnnotations);
    if (fault === undefined) continue;
    cause = { ...first, line: i + 1, column: fault.column, message: fault.message(i + 1) };
    break;
  }
  const before = problems.filter((p) => p.line < cause.line && p !== first);
  const more = problems.length - 1 - before.length;
  const count = more === 0 ? '' : ` (and ${more} more after it, most likely caused by this one)`;
  return [...before, { ...cause, message: cause.message + count }];
}
