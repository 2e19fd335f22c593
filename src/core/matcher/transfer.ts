/**
 * A compiled matcher as structured-clonable data, so that a worker thread can compile a codebook (70 ms cold
 * for 5,000 terms, longer than the extension host may be held) and hand the result over: its terms and the
 * compiled tables, whose typed arrays are *transferred* (moved, not copied). The receiving side puts the
 * prototypes back and builds the Matcher with its own constructor, so the scanner's scratch state is fresh.
 *
 * Structured cloning keeps plain objects, arrays, Maps and typed arrays but drops prototypes, so only the two
 * classes of the compiled form are revived (CompiledTerms and its AhoCorasick). Any other class instance in the
 * graph would come back without its methods: `matcherToData` refuses such a graph (TransferError) rather than
 * send it, and the caller then compiles where it is. A matcher that crossed finds exactly what the original
 * finds (test/unit/matcher.transfer.test.ts).
 */
import { AhoCorasick } from './ahoCorasick';
import { CompiledTerms, type MatcherTerm } from './compiled';
import { Matcher } from './matcher';

/** What crosses between threads: postMessage(data, transfer). */
export interface MatcherData {
  readonly kind: 'sovereignty-coder/matcher';
  readonly terms: readonly MatcherTerm[];
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
  terms: readonly MatcherTerm[];
  compiled: CompiledTerms;
  termCount: number;
}

type MatcherConstructor = new (terms: readonly MatcherTerm[], compiled: CompiledTerms, termCount: number) => Matcher;

const REVIVED = new Set<object>([CompiledTerms.prototype, AhoCorasick.prototype]);

/** The matcher as data plus the buffers to transfer. After a transfer the sender's matcher must not be used. */
export function matcherToData(matcher: Matcher): { data: MatcherData; transfer: ArrayBuffer[] } {
  const parts = matcher as unknown as MatcherParts;
  if (!(parts.compiled instanceof CompiledTerms) || !Array.isArray(parts.terms))
    throw new TransferError('the matcher is not in the shape this transfer knows');
  const transfer = new Set<ArrayBuffer>();
  checkGraph(parts.compiled, 'compiled', transfer, new Set());
  checkGraph(parts.terms, 'terms', transfer, new Set());
  return {
    data: {
      kind: 'sovereignty-coder/matcher',
      terms: parts.terms,
      compiled: parts.compiled,
      termCount: parts.termCount,
    },
    transfer: [...transfer],
  };
}

/** The Matcher again, from data that crossed a thread boundary (or a copy made by structuredClone). */
export function matcherFromData(data: MatcherData): Matcher {
  if (data.kind !== 'sovereignty-coder/matcher') throw new TransferError('not matcher data');
  Object.setPrototypeOf(data.compiled, CompiledTerms.prototype);
  Object.setPrototypeOf(data.compiled.automaton, AhoCorasick.prototype);
  return new (Matcher as unknown as MatcherConstructor)(data.terms, data.compiled, data.termCount);
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
