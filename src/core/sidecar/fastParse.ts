/**
 * A fast reader for sidecars exactly in the form serializeSidecar writes. The yaml package reads about
 * 300 KB/s here (a second per thousand annotations), which would stall the editor on opening a heavily
 * coded text; files in our own canonical form are by far the common case, and their grammar is rigid and
 * line-based. This reader only ever accepts: at the first line it does not recognise, or the first value that
 * fails a check, it gives up and the full YAML reader (with positioned problems) takes over. So it can never
 * accept something the full reader would refuse, and it reports nothing itself.
 */
import type { Annotation } from '../annotations';
import { compareAnnotations } from '../annotations';
import { baseName, sourcePathFor } from './path';
import { HAS_RAW_ESCAPABLE, isBlockSafe, isPlainSafe, MEMO_INDENT } from './serialize';
import { OFFSETS_UNIT, SIDECAR_VERSION } from './types';
import type { Sidecar } from './types';
import { normalDone } from './done';
import { annotationFromValues, CHECKS, conflictProblem, REQUIRED, spanProblem } from './validateAnnotation';

/** The order serializeSidecar writes: what a reviewer reads first (frame, quote, who) next to `id`. */
const KEY_ORDER: readonly string[] = [
  'id',
  'frame',
  'quote',
  'coder',
  'created',
  'modified',
  'modifiedBy',
  'retaggedBy',
  'start',
  'end',
  'line',
  'column',
  'prefix',
  'suffix',
  'memo',
  'status',
  'conflictWith',
];
/** The order written before the reviewer's order: files from then read just as fast (and are rewritten on save). */
const LEGACY_KEY_ORDER: readonly string[] = [
  'id',
  'frame',
  'start',
  'end',
  'line',
  'column',
  'quote',
  'prefix',
  'suffix',
  'coder',
  'created',
  'memo',
  'status',
  'conflictWith',
];
const INTEGER_KEYS = new Set(['start', 'end', 'line', 'column']);
const QUOTED = /^"((?:[^"\\]|\\["\\ntr]|\\u[0-9A-Fa-f]{4})*)"$/;
const ESCAPE = /\\(["\\ntr]|u[0-9A-Fa-f]{4})/g;
const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', t: '\t', r: '\r' };

/** The string of a scalar as we write it (plain-safe or double-quoted with our escapes), else undefined. */
function readString(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (raw.charCodeAt(0) !== 0x22) return isPlainSafe(raw) ? raw : undefined;
  const m = QUOTED.exec(raw);
  if (!m) return undefined;
  const body = m[1];
  // Raw controls, invisible characters and lone surrogates are never written unescaped by us.
  if (HAS_RAW_ESCAPABLE.test(body)) return undefined;
  return body.includes('\\')
    ? body.replace(ESCAPE, (_all, e: string) => SIMPLE_ESCAPES[e] ?? String.fromCharCode(parseInt(e.slice(1), 16)))
    : body;
}

function readValue(key: string, raw: string, strings: OwnStrings): unknown {
  if (INTEGER_KEYS.has(key)) return /^(?:0|[1-9][0-9]{0,14})$/.test(raw) ? Number(raw) : undefined;
  const value = readString(raw);
  return value === undefined ? undefined : strings.own(key, value);
}

/** Keys whose values repeat from block to block (a few coders, frames and dates per file). */
const SHARED_KEYS = new Set(['frame', 'coder', 'created', 'modified', 'modifiedBy', 'retaggedBy', 'status']);

/**
 * The strings an annotation keeps, detached from the file's text. In V8 a slice of 13 or more characters is a
 * view into the string it was cut from, so an annotation holding its quote as a slice of the file's lines held
 * the whole sidecar text alive: 60 MB for the 1,000 files of `sovcode export`'s benchmark, which the export
 * holds all at once. Long values are copied; the short ones that repeat in every block are shared.
 */
class OwnStrings {
  private readonly shared = new Map<string, string>();

  own(key: string, value: string): string {
    if (SHARED_KEYS.has(key)) {
      const known = this.shared.get(value);
      if (known !== undefined) return known;
      const mine = detached(value);
      this.shared.set(mine, mine);
      return mine;
    }
    return detached(value);
  }
}

/** A copy of `s` that keeps no larger string alive (a concatenation is flattened into a new string when sliced). */
function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

type KeyRanks = ReadonlyMap<string, number>;
const KEY_RANKS: readonly KeyRanks[] = [KEY_ORDER, LEGACY_KEY_ORDER].map(
  (order) => new Map(order.map((k, i) => [k, i])),
);
const ID_LINE = '  - id: ';
const KEY_INDENT = '    ';

/**
 * The key of one `    key: value` line of a block (or `id` for the `  - id:` line), or undefined; the value
 * starts after the key and ': '. Read by hand rather than by RegExp: 130,000 lines for 10,000 annotations.
 */
function keyOf(line: string, first: boolean): string | undefined {
  if (first) return line.startsWith(ID_LINE) && line.length > ID_LINE.length ? 'id' : undefined;
  if (!line.startsWith(KEY_INDENT)) return undefined;
  const colon = line.indexOf(': ', KEY_INDENT.length);
  if (colon <= KEY_INDENT.length || colon + 2 >= line.length) return undefined;
  for (let i = KEY_INDENT.length; i < colon; i++) {
    const c = line.charCodeAt(i);
    if ((c < 0x61 || c > 0x7a) && (c < 0x41 || c > 0x5a)) return undefined; // camelCase keys (conflictWith)
  }
  return line.slice(KEY_INDENT.length, colon);
}

type Block = { annotation: Annotation; next: number };

/** The block at `from` in either key order we write or wrote, else undefined. */
function readBlock(lines: readonly string[], from: number, strings: OwnStrings): Block | undefined {
  for (const ranks of KEY_RANKS) {
    const block = readBlockInOrder(lines, from, ranks, strings);
    if (block !== undefined) return block;
  }
  return undefined;
}

function readBlockInOrder(
  lines: readonly string[],
  from: number,
  ranks: KeyRanks,
  strings: OwnStrings,
): Block | undefined {
  const values = new Map<string, unknown>();
  let order = -1;
  let i = from;
  for (; i < lines.length; i++) {
    const line = lines[i];
    const key = keyOf(line, i === from);
    if (key === undefined) {
      if (i === from || !line.startsWith('  - ')) return undefined;
      break;
    }
    const rank = ranks.get(key) ?? -1;
    if (rank <= order) return undefined;
    order = rank;
    const raw = line.slice(i === from ? ID_LINE.length : KEY_INDENT.length + key.length + 2);
    if (key === 'memo' && raw === '|-') {
      const memo = readMemoBlock(lines, i + 1);
      if (memo === undefined) return undefined;
      values.set(key, detached(memo.text));
      i = memo.last;
      continue;
    }
    // `.` in the line grammar never matched a line or paragraph separator: a raw one is not ours
    if (raw.includes('\u2028') || raw.includes('\u2029')) return undefined;
    const value = readValue(key, raw, strings);
    if (value === undefined || CHECKS[key](value) !== undefined) return undefined;
    values.set(key, value);
  }
  if (!REQUIRED.every((k) => values.has(k))) return undefined;
  const a = annotationFromValues(values);
  return spanProblem(a) === undefined && conflictProblem(a) === undefined ? { annotation: a, next: i } : undefined;
}

/**
 * A memo's literal block scalar from line `from`: its lines up to the next key, each indented by MEMO_INDENT or
 * empty. Only memos we would write this way are taken (isBlockSafe), else the full reader decides.
 */
function readMemoBlock(lines: readonly string[], from: number): { text: string; last: number } | undefined {
  let i = from;
  while (i < lines.length && (lines[i] === '' || lines[i].startsWith(MEMO_INDENT))) i++;
  const text = lines
    .slice(from, i)
    .map((line) => line.slice(MEMO_INDENT.length))
    .join('\n');
  return isBlockSafe(text) ? { text, last: i - 1 } : undefined;
}

/**
 * The text with CRLF line ends made LF, or undefined when a carriage return stands anywhere else. A Windows
 * checkout (Git's core.autocrlf) turns our LF into CRLF; YAML reads CRLF as one line break and we write every
 * \r inside a value escaped, so a CR before each LF changes nothing the full reader would see, and the fast
 * reader can take the file (10,000 annotations: 0.1 s instead of 2 s through the YAML package).
 */
function withLfLineEnds(text: string): string | undefined {
  if (!text.includes('\r')) return text;
  const lf = text.replaceAll('\r\n', '\n');
  return lf.includes('\r') ? undefined : lf;
}

/** The sidecar when `text` is a flawless file in canonical form (LF or CRLF line ends), else undefined (use the full reader). */
export function parseCanonicalSidecar(text: string, file: string): Sidecar | undefined {
  if (!text.endsWith('\n') || text.startsWith('\uFEFF')) return undefined;
  const lf = withLfLineEnds(text);
  if (lf === undefined) return undefined;
  const lines = lf.slice(0, -1).split('\n');
  let i = 0;
  while (i < lines.length && lines[i].startsWith('# ')) i++;
  const top = (key: string): string | undefined => {
    const line = lines[i++];
    return line?.startsWith(`${key}: `) ? line.slice(key.length + 2) : undefined;
  };
  if (top('version') !== String(SIDECAR_VERSION)) return undefined;
  const source = readString(top('source'));
  const sourceHash = readString(top('sourceHash'));
  const codebook = readString(top('codebook'));
  if (top('offsets') !== OFFSETS_UNIT) return undefined;
  const derivedPath = sourcePathFor(file);
  if (source === undefined || derivedPath === undefined || source !== baseName(derivedPath)) return undefined;
  if (
    sourceHash === undefined ||
    !/^sha256:[0-9a-f]{64}$/.test(sourceHash) ||
    codebook === undefined ||
    codebook === ''
  )
    return undefined;
  const done: string[] = [];
  if (lines[i] === 'done:') {
    for (i++; lines[i]?.startsWith('  - ') === true; i++) {
      const coder = readString(lines[i]?.slice(4));
      if (coder === undefined || coder === '' || CHECKS.coder(coder) !== undefined) return undefined;
      done.push(coder);
    }
    // only the canonical form: sorted, distinct, not empty
    if (done.length === 0 || normalDone(done)?.join('\n') !== done.join('\n')) return undefined;
  }
  const annotations: Annotation[] = [];
  const list = lines[i++];
  if (list === 'annotations: []') {
    if (i !== lines.length) return undefined;
  } else if (list === 'annotations:' && i < lines.length) {
    const ids = new Set<string>();
    const strings = new OwnStrings();
    while (i < lines.length) {
      const block = readBlock(lines, i, strings);
      if (block === undefined || ids.has(block.annotation.id)) return undefined;
      ids.add(block.annotation.id);
      annotations.push(block.annotation);
      i = block.next;
    }
  } else return undefined;
  const sorted = annotations.sort(compareAnnotations);
  const head = { version: SIDECAR_VERSION, source, sourceHash, codebook } as const;
  return done.length > 0 ? { ...head, done, annotations: sorted } : { ...head, annotations: sorted };
}
