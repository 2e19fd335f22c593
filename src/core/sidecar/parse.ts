/**
 * Reading and validating a sidecar. Whole-file faults (conflict markers, aliases, tags, duplicate keys,
 * `__proto__`, several documents, an unknown version or offset unit) refuse the file: no sidecar is returned.
 * A fault in one annotation is reported at that annotation's position while the others load, and the result
 * is `readOnly`, so that the caller never writes the file back before the user fixes it: saving would drop
 * the bad entry, and with it a coding decision.
 */
import { isMap, isSeq } from 'yaml';
import type { Pair, YAMLMap } from 'yaml';
import type { Annotation } from '../annotations';
import { compareAnnotations } from '../annotations';
import type { Problem } from '../input';
import { hasErrors } from '../input';
import { decodeUtf8File, decodeUtf8Lenient, parseSafeYaml } from '../input';
import { baseName, sourcePathFor, unsafeSourceReason } from './path';
import { OFFSETS_UNIT, SIDECAR_MAX_BYTES, SIDECAR_VERSION, SIDECAR_YAML_MAX_BYTES } from './types';
import type { Sidecar } from './types';
import { pairsByKey, Reporter, scalarValue, showValue } from './report';
import { parseCanonicalSidecar } from './fastParse';
import { CHECKS, readAnnotation } from './validateAnnotation';
import { explainYamlErrors } from './yamlErrors';
import { normalDone } from './done';

export interface ParsedSidecar {
  /** Undefined when the whole file was refused. */
  sidecar: Sidecar | undefined;
  problems: Problem[];
  /** True when any error was found: the file must not be written back until the user fixes it. */
  readOnly: boolean;
}

const TOP_KEYS = new Set(['version', 'source', 'sourceHash', 'codebook', 'offsets', 'done', 'annotations']);

function refused(problems: Problem[]): ParsedSidecar {
  return { sidecar: undefined, problems, readOnly: true };
}

/** The informational `source:` field: checked, never used to open anything. */
function readSource(pair: Pair | undefined, file: string, report: Reporter, root: YAMLMap): string {
  const derivedPath = sourcePathFor(file);
  const derived = derivedPath === undefined ? undefined : baseName(derivedPath);
  const value = scalarValue(pair?.value);
  if (pair === undefined)
    report.warning(root, `no 'source:' field; the source is ${derived ?? 'derived from the file name'}`);
  else if (typeof value !== 'string') report.error(pair.value ?? pair, "'source' must be a file name");
  else {
    const reason = unsafeSourceReason(value);
    if (reason !== undefined)
      report.error(
        pair.value,
        `'source: ${showValue(value)}' ${reason}; it is ignored: the source is always the file next to the sidecar`,
      );
    else if (derived !== undefined && value !== derived) {
      report.warning(
        pair.value,
        `'source: ${showValue(value)}' does not match this sidecar's file name (${derived}); the field is informational and will be rewritten`,
      );
    }
    if (reason === undefined && derived === undefined) return value;
  }
  return derived ?? '';
}

/**
 * A required top-level string. A missing or malformed value is only a warning when the caller rewrites it on
 * save anyway (sourceHash is recomputed, codebook is the open codebook's id), since nothing is lost then.
 */
function readString(pair: Pair | undefined, key: string, report: Reporter, root: YAMLMap, pattern?: RegExp): string {
  const value = scalarValue(pair?.value);
  const expected = pattern === undefined ? 'a non-empty string' : String(pattern);
  if (pair === undefined) report.warning(root, `missing '${key}' (${expected}); it is written on the next save`);
  else if (typeof value !== 'string' || value === '' || (pattern !== undefined && !pattern.test(value))) {
    report.warning(pair.value ?? pair, `'${key}' is not valid: expected ${expected}; it is rewritten on the next save`);
  } else return value;
  return '';
}

/**
 * The optional `done:` list of coder names. A bad entry is an error (the file becomes read-only) rather than
 * dropped: a lost mark would silently take the text out of the agreement figures.
 */
function readDone(pair: Pair | undefined, report: Reporter): string[] | undefined {
  if (pair === undefined) return undefined;
  if (!isSeq(pair.value)) {
    report.error(pair.value ?? pair, "'done' must be a list of coder names (one '- name' line each)");
    return undefined;
  }
  const names: string[] = [];
  for (const item of pair.value.items) {
    const value = scalarValue(item);
    const problem = CHECKS.coder(value);
    if (problem !== undefined || typeof value !== 'string')
      report.error(item ?? pair, `'done' entry ${problem ?? 'must be a coder name'}`);
    else names.push(value);
  }
  return normalDone(names);
}

function readAnnotations(pair: Pair | undefined, report: Reporter, root: YAMLMap): Annotation[] {
  if (pair === undefined) {
    report.error(root, "missing 'annotations' (write 'annotations: []' when there are none)");
    return [];
  }
  if (!isSeq(pair.value)) {
    report.error(pair.value ?? pair, "'annotations' must be a list");
    return [];
  }
  const seen = new Map<string, number>();
  const list: Annotation[] = [];
  pair.value.items.forEach((item, index) => {
    const a = readAnnotation(item, index, report);
    if (a === undefined) return;
    const first = seen.get(a.id);
    if (first !== undefined) {
      const idNode = isMap(item) ? pairsByKey(item).get('id')?.value : item;
      report.error(idNode, `annotation ${a.id}: duplicate id (first used by item ${first + 1}); ids must be unique`);
      return;
    }
    seen.set(a.id, index);
    list.push(a);
  });
  return list.sort(compareAnnotations);
}

/** What is wrong with a `version:` value that is not the number this code reads, and how to fix it. */
function versionProblem(version: unknown): string {
  if (version === undefined) return `missing 'version' (write 'version: ${SIDECAR_VERSION}' as the first key)`;
  if (typeof version === 'string') {
    const looksNumeric = /^\s*[0-9]+(\.[0-9]+)?\s*$/.test(version);
    return looksNumeric
      ? `'version' is the string "${version.trim()}", where a number is expected: write version: ${version.trim()} without quotes`
      : `'version' is a string, where the number ${SIDECAR_VERSION} is expected: write version: ${SIDECAR_VERSION}`;
  }
  if (typeof version !== 'number')
    return `'version' is ${version === null ? 'empty' : `a ${typeof version}`}, where the number ${SIDECAR_VERSION} is expected: write version: ${SIDECAR_VERSION}`;
  return `unsupported sidecar version ${version}: this extension reads version ${SIDECAR_VERSION} only${version > SIDECAR_VERSION ? ' (the file was written by a newer Sovereignty Coder: update the extension)' : ''}`;
}

/**
 * Parses and validates a sidecar's text. `file` is the sidecar's path, used for messages and to derive the source.
 * A flawless file in the canonical form is read by a fast line-based reader; anything else by the full reader.
 */
export function parseSidecar(yamlText: string, file: string): ParsedSidecar {
  const bytes = Buffer.byteLength(yamlText, 'utf8');
  const tooBig = (message: string): ParsedSidecar =>
    refused([{ file, line: 1, column: 1, severity: 'error', message }]);
  if (bytes > SIDECAR_MAX_BYTES)
    return tooBig(
      `file is ${bytes} bytes, over the limit of ${SIDECAR_MAX_BYTES} bytes (${mib(SIDECAR_MAX_BYTES)}) for annotation files`,
    );
  const sidecar = parseCanonicalSidecar(yamlText, file);
  if (sidecar !== undefined) return { sidecar, problems: [], readOnly: false };
  if (bytes > SIDECAR_YAML_MAX_BYTES) {
    return tooBig(
      `file is ${bytes} bytes: over ${mib(SIDECAR_YAML_MAX_BYTES)} only the exact form Sovereignty Coder writes is read, and this file differs from it (edited by hand or by another tool?); restore that form or split the text (docs/sidecar-format.md, "Size")`,
    );
  }
  return parseSidecarYaml(yamlText, file);
}

export interface ParsedSidecarFile extends ParsedSidecar {
  /**
   * The file's text, to tell a later change on disk from our own write. When the bytes are not UTF-8 it is their
   * lenient decoding, which is never parsed and never written (the file is refused, so read-only).
   */
  text: string;
}

/** Parses a sidecar from the bytes of its file; bytes that are not UTF-8 text refuse the file at the first bad byte. */
export function parseSidecarBytes(bytes: Uint8Array, file: string): ParsedSidecarFile {
  const decoded = decodeUtf8File(bytes, file, 'annotation file');
  if (!decoded.ok) return { ...refused([decoded.problem]), text: decodeUtf8Lenient(bytes) };
  return { ...parseSidecar(decoded.text, file), text: decoded.text };
}

const mib = (bytes: number): string => `${bytes / 1024 / 1024} MiB`;

/** The full reader: any YAML, every problem positioned. parseSidecar gives the same result for canonical files. */
export function parseSidecarYaml(yamlText: string, file: string): ParsedSidecar {
  const yaml = parseSafeYaml(yamlText, file, { maxBytes: SIDECAR_YAML_MAX_BYTES });
  if (yaml.doc === undefined) return refused(explainYamlErrors(yamlText, yaml.problems));
  const report = new Reporter(yaml, file);
  const root = yaml.doc.contents;
  if (!isMap(root)) {
    report.error(
      root,
      'a sidecar must be a YAML mapping with version, source, sourceHash, codebook, offsets and annotations',
    );
    return refused(report.problems);
  }
  const pairs = pairsByKey(root);
  const version = scalarValue(pairs.get('version')?.value);
  if (version !== SIDECAR_VERSION) {
    const at = pairs.get('version')?.value ?? root;
    report.error(at, versionProblem(version));
    return refused(report.problems);
  }
  const offsets = scalarValue(pairs.get('offsets')?.value);
  if (offsets !== OFFSETS_UNIT) {
    const what = offsets === undefined ? "missing 'offsets'" : `unknown offset unit '${showValue(offsets)}'`;
    report.error(pairs.get('offsets')?.value ?? root, `${what}: this extension reads offsets: ${OFFSETS_UNIT}`);
    return refused(report.problems);
  }
  for (const [key, pair] of pairs) {
    if (!TOP_KEYS.has(key))
      report.error(pair.key, `unknown key '${showValue(key)}' (expected ${[...TOP_KEYS].join(', ')})`);
  }
  const sidecar: Sidecar = {
    version: SIDECAR_VERSION,
    source: readSource(pairs.get('source'), file, report, root),
    sourceHash: readString(pairs.get('sourceHash'), 'sourceHash', report, root, /^sha256:[0-9a-f]{64}$/),
    codebook: readString(pairs.get('codebook'), 'codebook', report, root),
    annotations: readAnnotations(pairs.get('annotations'), report, root),
  };
  const done = readDone(pairs.get('done'), report);
  if (done) sidecar.done = done;
  const problems = report.problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { sidecar, problems, readOnly: hasErrors(problems) };
}
