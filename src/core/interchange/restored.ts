/**
 * An annotation that the export kept as a note (an orphan, or one whose text was missing: export/refiQdaNotes.ts)
 * back from the data line the note ends with. Its values pass the same checks as a sidecar's (CHECKS,
 * REQUIRED, the conflict and span rules); a note without that line is another tool's memo, and undefined is
 * returned for the caller to report.
 */
import type { Annotation } from '../annotations';
import { annotationFromValues, CHECKS, conflictProblem, REQUIRED, spanProblem } from '../sidecar/validateAnnotation';
import { readDataLine } from '../export/refiQdaMarks';
import { childNamed, XmlError, type XmlElement } from './xmlReader';

function checkedAnnotation(value: unknown): Annotation | string {
  if (typeof value !== 'object' || value === null) return 'no annotation';
  const values = new Map<string, unknown>();
  for (const [key, v] of Object.entries(value)) {
    const check = Object.hasOwn(CHECKS, key) ? CHECKS[key] : undefined;
    if (check === undefined) return `unknown key '${key}'`;
    const problem = check(v);
    if (problem !== undefined) return `'${key}' ${problem}`;
    values.set(key, v);
  }
  const missing = REQUIRED.filter((k) => !values.has(k));
  if (missing.length > 0) return `missing ${missing.join(', ')}`;
  const a = annotationFromValues(values);
  return conflictProblem(a) ?? spanProblem(a) ?? a;
}

export function restoredAnnotation(
  note: XmlElement,
  file: string,
  contentFile?: Uint8Array,
): { document: string; annotation: Annotation } | undefined {
  const name = note.attributes.get('name') ?? '';
  const content =
    childNamed(note, 'PlainTextContent')?.text ?? (contentFile ? new TextDecoder().decode(contentFile) : '');
  let data: unknown;
  try {
    data = readDataLine(content);
  } catch (e) {
    if (e instanceof SyntaxError)
      throw new XmlError(file, note.line, `the data line of note '${name}' is not JSON: ${e.message}`);
    throw e;
  }
  if (typeof data !== 'object' || data === null || !('document' in data) || !('annotation' in data)) return undefined;
  const { document, annotation } = data;
  const checked = checkedAnnotation(annotation);
  if (typeof document !== 'string')
    throw new XmlError(file, note.line, `note '${name}' names no document for its annotation`);
  if (typeof checked === 'string')
    throw new XmlError(file, note.line, `note '${name}' holds an annotation that is not valid: ${checked}`);
  return { document, annotation: checked };
}
