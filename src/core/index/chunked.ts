/**
 * Filling the index without blocking: documents are read and indexed one after another, and whenever the
 * current run of work has taken `budgetMs`, control goes back to the event loop (`pause`) before the next
 * document. In the extension host that keeps typing, hovers and other extensions responsive while a corpus of a
 * thousand texts is indexed; the report says how long the longest uninterrupted run was, which the benchmark
 * checks against the 50 ms limit. A single document is never split, so one enormous sidecar is the floor.
 */
import type { CorpusIndex } from './corpusIndex';
import { codedDocumentFrom, type CodedSegment, type DocumentRead } from '../documents';
import { decodeUtf8Lenient } from '../input';

export interface ChunkReport {
  documents: number;
  annotations: number;
  /** Wall-clock time from start to end, pauses included. */
  totalMs: number;
  /** The longest stretch of work between two pauses. */
  longestRunMs: number;
  pauses: number;
}

export interface ChunkOptions {
  /** Work time after which the indexer yields; 10 ms leaves headroom under a 50 ms limit for one large document and a garbage collection. */
  budgetMs?: number;
  /** How to yield; by default a macrotask (setImmediate), so pending I/O and UI events run first. */
  pause?: () => Promise<void>;
  /** For tests: the clock. */
  now?: () => number;
  /**
   * Builds a large document's entry elsewhere (the editor's worker thread), when given: the same as
   * codedDocumentFrom and its segments, for documents `isLarge` says are worth the crossing.
   */
  offThread?: {
    isLarge: (raw: RawDocument) => boolean;
    build: (raw: RawDocument) => Promise<{ read: DocumentRead; segments: CodedSegment[] | undefined }>;
  };
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The files of one coded document as read from disk (or memory), before the pure step. */
export interface RawDocument {
  path: string;
  sidecarFile: string;
  sidecarText: string;
  sourceText: string | undefined;
  /**
   * Instead of `sourceText`: the source file's bytes, not yet decoded (a large text that is not open, decoded
   * where it is indexed: in the jobs worker, see offThread/jobs.ts EncodedText).
   */
  sourceBytes?: Uint8Array;
}

/** The source text of `raw`, decoded here if it came as bytes. */
export function rawSourceText(raw: RawDocument): string | undefined {
  return raw.sourceText ?? (raw.sourceBytes === undefined ? undefined : decodeUtf8Lenient(raw.sourceBytes));
}

/**
 * Loads each item with `load` (the caller's I/O; undefined when the sidecar vanished since it was listed),
 * turns it into a coded document with `codedDocumentFrom` and puts it in `index`. A sidecar that is refused
 * whole goes to `onRefused` with its problems, never dropped silently. Only synchronous work counts towards
 * the budget: an awaited read already gives the event loop its turn.
 */
export async function indexInChunks<T>(
  index: CorpusIndex,
  items: readonly T[],
  load: (item: T) => RawDocument | undefined | Promise<RawDocument | undefined>,
  onRefused: (raw: RawDocument, read: DocumentRead) => void,
  options: ChunkOptions = {},
): Promise<ChunkReport> {
  const budget = options.budgetMs ?? 10;
  const pause = options.pause ?? yieldToEventLoop;
  const now = options.now ?? ((): number => performance.now());
  const started = now();
  let run = 0;
  let longestRunMs = 0;
  let pauses = 0;
  let annotations = 0;
  let documents = 0;
  for (const item of items) {
    let t = now();
    const pending = load(item);
    let raw: RawDocument | undefined;
    if (pending instanceof Promise) {
      run += now() - t;
      raw = await pending;
      t = now();
    } else raw = pending;
    if (raw) {
      let result: DocumentRead;
      let segments: CodedSegment[] | undefined;
      if (options.offThread?.isLarge(raw)) {
        run += now() - t;
        ({ read: result, segments } = await options.offThread.build(raw));
        t = now();
      } else result = codedDocumentFrom(raw.path, raw.sidecarFile, raw.sidecarText, rawSourceText(raw));
      if (result.document) {
        index.put(result.document, result.problems, result.readOnly, segments);
        annotations += result.document.annotations.length;
        documents++;
      } else onRefused(raw, result);
    }
    run += now() - t;
    if (run >= budget) {
      longestRunMs = Math.max(longestRunMs, run);
      await pause();
      pauses++;
      run = 0;
    }
  }
  longestRunMs = Math.max(longestRunMs, run);
  return { documents, annotations, totalMs: now() - started, longestRunMs, pauses };
}
