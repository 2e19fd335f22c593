/**
 * A compiled matcher as structured-clonable data, so that a worker thread can compile a codebook (70 ms cold
 * for 5,000 terms, longer than the extension host may be held) and hand the result over: its term labels and
 * the compiled tables, whose typed arrays are *transferred* (moved, not copied). The receiving side puts the
 * prototypes back and builds the Matcher with its own constructor, so the scanner's scratch state is fresh.
 *
 * The labels (frame id and term as written, per compiled term) travel packed: the distinct frame ids, a typed
 * array of indices into them, and the terms joined into one string with a typed array of their ends. Receiving
 * is the extension host's work on its own thread; 10,000 term objects took 26 ms of it to deserialize, and
 * whole-codebook messages blocked it for over 100 ms.
 *
 * Structured cloning keeps plain objects, arrays, Maps and typed arrays but drops prototypes, so only the two
 * classes of the compiled form are revived (CompiledTerms and its AhoCorasick). Any other class instance in the
 * graph would come back without its methods: `matcherToData` refuses such a graph (TransferError) rather than
 * send it, and the caller then compiles where it is. A matcher that crossed finds exactly what the original
 * finds (test/unit/matcher.transfer.test.ts).
 */
import { AhoCorasick } from './ahoCorasick';
import { CompiledTerms } from './compiled';
import { Matcher, type TermLabels } from './matcher';

/** TermLabels as few cloned values: distinct frame ids, each term's frame index, the raws joined with their ends. */
export interface PackedLabels {
  readonly frames: readonly string[];
  readonly termFrame: Int32Array;
  readonly raws: string;
  readonly rawEnds: Int32Array;
}

/** What crosses between threads: postMessage(data, transfer). */
export interface MatcherData {
  readonly kind: 'sovereignty-coder/matcher';
  readonly labels: PackedLabels;
  readonly compiled: CompiledTerms;
  readonly termCount: number;
}

/** The matcher's graph holds something structured cloning would not bring back as it was. */
export class TransferError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransferError';
  }
}

/** The parts of a Matcher the constructor takes (private fields: read here, nowhere else). */
interface MatcherParts {
  labels: TermLabels;
  compiled: CompiledTerms;
  termCount: number;
}

type MatcherConstructor = new (labels: TermLabels, compiled: CompiledTerms, termCount: number) => Matcher;

export function packLabels(labels: TermLabels): PackedLabels {
  const index = new Map<string, number>();
  const termFrame = new Int32Array(labels.frameIds.length);
  labels.frameIds.forEach((id, i) => {
    let f = index.get(id);
    if (f === undefined) index.set(id, (f = index.size));
    termFrame[i] = f;
  });
  const rawEnds = new Int32Array(labels.raws.length);
  let end = 0;
  labels.raws.forEach((raw, i) => (rawEnds[i] = end += raw.length));
  return { frames: [...index.keys()], termFrame, raws: labels.raws.join(''), rawEnds };
}

export function unpackLabels(packed: PackedLabels): TermLabels {
  const { frames, termFrame, raws: joined, rawEnds } = packed;
  const frameIds = new Array<string>(termFrame.length);
  const raws = new Array<string>(rawEnds.length);
  let start = 0;
  for (let i = 0; i < rawEnds.length; i++) {
    frameIds[i] = frames[termFrame[i]];
    raws[i] = joined.slice(start, rawEnds[i]);
    start = rawEnds[i];
  }
  return { frameIds, raws };
}

const REVIVED = new Set<object>([CompiledTerms.prototype, AhoCorasick.prototype]);

/** The matcher as data plus the buffers to transfer. After a transfer the sender's matcher must not be used. */
export function matcherToData(matcher: Matcher): { data: MatcherData; transfer: ArrayBuffer[] } {
  const parts = matcher as unknown as MatcherParts;
  if (
    !(parts.compiled instanceof CompiledTerms) ||
    !Array.isArray(parts.labels?.frameIds) ||
    !Array.isArray(parts.labels.raws) ||
    parts.labels.frameIds.length !== parts.labels.raws.length
  )
    throw new TransferError('the matcher is not in the shape this transfer knows');
  const transfer = new Set<ArrayBuffer>();
  const labels = packLabels(parts.labels);
  checkGraph(parts.compiled, 'compiled', transfer, new Set());
  checkGraph(labels, 'labels', transfer, new Set());
  return {
    data: { kind: 'sovereignty-coder/matcher', labels, compiled: parts.compiled, termCount: parts.termCount },
    transfer: [...transfer],
  };
}

/** The Matcher again, from data that crossed a thread boundary (or a copy made by structuredClone). */
export function matcherFromData(data: MatcherData): Matcher {
  if (data.kind !== 'sovereignty-coder/matcher') throw new TransferError('not matcher data');
  Object.setPrototypeOf(data.compiled, CompiledTerms.prototype);
  Object.setPrototypeOf(data.compiled.automaton, AhoCorasick.prototype);
  return new (Matcher as unknown as MatcherConstructor)(unpackLabels(data.labels), data.compiled, data.termCount);
}

/**
 * Walks what will be cloned: plain objects, arrays, Maps and Sets of such, primitives, and typed arrays (whose
 * buffers are collected for transfer); the two revived classes are allowed where they are.
 */
function checkGraph(value: unknown, path: string, transfer: Set<ArrayBuffer>, seen: Set<object>): void {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function' || typeof value === 'symbol')
      throw new TransferError(`${path} is a ${typeof value}`);
    return;
  }
  if (seen.has(value)) return;
  seen.add(value);
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) transfer.add(value.buffer);
    return;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkGraph(v, `${path}[${i}]`, transfer, seen));
    return;
  }
  if (value instanceof Map) {
    for (const [k, v] of value) {
      checkGraph(k, `${path} key`, transfer, seen);
      checkGraph(v, `${path} value`, transfer, seen);
    }
    return;
  }
  if (value instanceof Set) {
    for (const v of value) checkGraph(v, `${path} item`, transfer, seen);
    return;
  }
  if (proto !== Object.prototype && proto !== null && !REVIVED.has(proto as object))
    throw new TransferError(`${path} is an instance of a class the transfer does not revive`);
  for (const [k, v] of Object.entries(value)) checkGraph(v, `${path}.${k}`, transfer, seen);
}
