/**
 * Validation of one annotation block of a sidecar. Every fault is reported at the node that holds it (the
 * value, the unknown key, or the block itself for a missing key), and the block is skipped; the caller keeps
 * loading the others and marks the file read-only.
 */
import { isMap } from 'yaml';
import type { Pair } from 'yaml';
import type { Annotation, AnnotationStatus } from '../annotations';
import { isIsoDate } from '../annotations';
import { pairsByKey, scalarValue, showValue } from './report';
import type { Reporter } from './report';

export const REQUIRED = ['id', 'frame', 'start', 'end', 'quote', 'prefix', 'suffix', 'coder', 'created'] as const;
/** `line` and `column` are informational (recomputed on save); the others appear only when set. */
export const OPTIONAL = [
  'line',
  'column',
  'modified',
  'modifiedBy',
  'retaggedBy',
  'memo',
  'status',
  'conflictWith',
] as const;
const KNOWN = new Set<string>([...REQUIRED, ...OPTIONAL]);
const STATUSES = new Set<string>(['needs-review', 'orphaned', 'conflict']);
/** Our ids are 'a' + 10 base32 characters; other tools' ids are accepted when they are short and plain. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const idCheck: Check = (v) =>
  typeof v === 'string' && ID_PATTERN.test(v) ? undefined : 'must be letters, digits, _ . - (at most 64)';

/**
 * True when a string holds half of a surrogate pair. A quote is a slice of a text decoded from UTF-8, which has
 * none, so such a quote comes from offsets that split a character and would be exported as a broken one.
 */
export function hasLoneSurrogate(s: string): boolean {
  return /\p{Cs}/u.test(s);
}

/** A message when the value is not valid for its key, else undefined. */
export type Check = (value: unknown) => string | undefined;

const nonEmptyString: Check = (v) => (typeof v === 'string' && v !== '' ? undefined : 'must be a non-empty string');
const anyString: Check = (v) => (typeof v === 'string' ? undefined : 'must be a string (write "" for none)');
const offset: Check = (v) =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? undefined : 'must be a whole number ≥ 0';
const positive: Check = (v) =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 1 ? undefined : 'must be a whole number ≥ 1';

const isoDate: Check = (v) => (typeof v === 'string' && isIsoDate(v) ? undefined : 'must be a date written YYYY-MM-DD');

/** The check of each known key (the same rules for the full reader and the fast path). */
export const CHECKS: Record<string, Check> = {
  id: idCheck,
  frame: nonEmptyString,
  start: offset,
  end: offset,
  line: positive,
  column: positive,
  quote: (v) =>
    nonEmptyString(v) ??
    (typeof v === 'string' && hasLoneSurrogate(v)
      ? 'holds half of a character (a lone surrogate): its offsets were cut inside a character'
      : undefined),
  prefix: anyString,
  suffix: anyString,
  coder: nonEmptyString,
  created: isoDate,
  modified: isoDate,
  modifiedBy: nonEmptyString,
  retaggedBy: nonEmptyString,
  memo: (v) => (typeof v === 'string' ? undefined : 'must be a string'),
  status: (v) => (typeof v === 'string' && STATUSES.has(v) ? undefined : `must be one of ${[...STATUSES].join(', ')}`),
  conflictWith: idCheck,
};

function describe(value: unknown): string {
  if (value === undefined) return 'not a plain value';
  return typeof value === 'string' ? `"${showValue(value)}"` : showValue(value);
}

/**
 * How to fix a value of the wrong type, so that a message never reads as a contradiction ("must be a whole
 * number (found "12")" for a quoted 12, or "must be a string (found 12)" for an unquoted one).
 */
function fixHint(value: unknown, message: string): string {
  if (typeof value === 'string' && /^\s*-?[0-9]+\s*$/.test(value) && message.includes('whole number'))
    return `: it is a string, where a number is expected; write it without quotes`;
  if ((typeof value === 'number' || typeof value === 'boolean') && message.includes('string'))
    return `: it is a ${typeof value}, where text is expected; write it in double quotes ("${String(value)}")`;
  return '';
}

/** The annotation of one list item, or undefined (with problems reported) when the item is not valid. */
export function readAnnotation(item: unknown, index: number, report: Reporter): Annotation | undefined {
  if (!isMap(item)) {
    report.error(item, `annotation ${index + 1}: must be a mapping of id, frame, start, end, quote, …`);
    return undefined;
  }
  const pairs = pairsByKey(item);
  const rawId = scalarValue(pairs.get('id')?.value);
  const label = `annotation ${typeof rawId === 'string' && ID_PATTERN.test(rawId) ? rawId : index + 1}`;
  const values = new Map<string, unknown>();
  let ok = true;
  const fail = (node: unknown, message: string): void => {
    report.error(node, `${label}: ${message}`);
    ok = false;
  };
  for (const [key, pair] of pairs) {
    if (!KNOWN.has(key)) {
      fail(pair.key, `unknown key '${showValue(key)}'`);
      continue;
    }
    const value = scalarValue(pair.value);
    const message = CHECKS[key](value);
    if (message !== undefined)
      fail(pair.value ?? pair, `'${key}' ${message} (found ${describe(value)})${fixHint(value, message)}`);
    else values.set(key, value);
  }
  const missing = REQUIRED.filter((k) => !pairs.has(k));
  if (missing.length > 0) fail(item, `missing ${missing.map((k) => `'${k}'`).join(', ')}`);
  if (!ok) return undefined;

  const a = annotationFromValues(values);
  const conflict = conflictProblem(a);
  if (conflict !== undefined) {
    report.error(pairs.get('conflictWith')?.value ?? pairs.get('status')?.value ?? item, `${label}: ${conflict}`);
    return undefined;
  }
  return checkSpan(a, pairs, item, label, report) ? a : undefined;
}

/** The annotation of a block whose values have passed CHECKS and hold every REQUIRED key (both readers build it here). */
export function annotationFromValues(values: ReadonlyMap<string, unknown>): Annotation {
  const a: Annotation = {
    id: values.get('id') as string,
    frame: values.get('frame') as string,
    start: values.get('start') as number,
    end: values.get('end') as number,
    quote: values.get('quote') as string,
    prefix: values.get('prefix') as string,
    suffix: values.get('suffix') as string,
    coder: values.get('coder') as string,
    created: values.get('created') as string,
  };
  for (const key of ['modified', 'modifiedBy', 'retaggedBy'] as const)
    if (values.has(key)) a[key] = values.get(key) as string;
  if (values.has('memo')) a.memo = values.get('memo') as string;
  if (values.has('status')) a.status = values.get('status') as AnnotationStatus;
  if (values.has('conflictWith')) a.conflictWith = values.get('conflictWith') as string;
  return a;
}

/** `status: conflict` and `conflictWith` come together (a merge writes both), and never name the block itself. */
export function conflictProblem(a: Annotation): string | undefined {
  if ((a.status === 'conflict') !== (a.conflictWith !== undefined)) {
    return a.status === 'conflict'
      ? "'status: conflict' needs 'conflictWith' (the id of the other version)"
      : "'conflictWith' is only for 'status: conflict'";
  }
  return a.conflictWith === a.id ? "'conflictWith' names the annotation itself" : undefined;
}

/** start < end, or start === end for an orphan (a span whose text was deleted keeps its place at zero width). */
export function spanProblem(a: Annotation): string | undefined {
  if (a.start < a.end || (a.start === a.end && a.status === 'orphaned')) return undefined;
  return a.start === a.end ? 'an empty span is allowed only for an orphaned annotation' : 'start is after end';
}

function checkSpan(a: Annotation, pairs: Map<string, Pair>, item: unknown, label: string, report: Reporter): boolean {
  const why = spanProblem(a);
  if (why === undefined) return true;
  report.error(pairs.get('start')?.value ?? item, `${label}: start ${a.start}, end ${a.end}: ${why}`);
  return false;
}
