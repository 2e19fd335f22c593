/**
 * Loads codebooks in a worker thread (worker.ts), so that the extension host's event loop never waits for the
 * YAML parse, the checks and the compile (a quarter of a second cold at 5,000 terms, half a second under
 * load): the host only receives the result and revives the matcher (matcher/transfer.ts), a few milliseconds.
 * One worker serves every load and is ended on dispose; it does not keep the process alive. Where no worker
 * can run (it fails to start, or dies) or a result cannot cross, the file is loaded in place, with the same
 * result, and `onFallback` says why.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../offThread/startWorker';
import { matcherFromData } from '../matcher/transfer';
import { adoptFoldTables } from '../text';
import { adoptFoldTable } from '../matcher/foldTable';

import { loadCodebookBytes, type LoadedCodebook } from './load';
import type { LoadReply, LoadRequest } from './protocol';

interface Pending {
  resolve: (loaded: LoadedCodebook) => void;
  reject: (e: Error) => void;
  bytes: Uint8Array;
  file: string;
}

export class CodebookLoader {
  private worker: Worker | undefined;
  /** Set once the worker failed: every later load runs in place. */
  private broken = false;
  private nextId = 1;
  /** Fold tables were asked for (once: after that this thread has them). */
  private askedFoldTables = false;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly workerScript: string,
    private readonly onFallback: (reason: string) => void = () => undefined,
  ) {}

  /** The same as loadCodebookBytes(bytes, file), computed in the worker. */
  load(bytes: Uint8Array, file: string): Promise<LoadedCodebook> {
    const worker = this.started();
    if (!worker) return this.inPlace(bytes, file);
    return new Promise<LoadedCodebook>((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject, bytes, file });
      const copy = bytes.slice(); // transferred; the caller's bytes stay usable
      const request: LoadRequest = { id, file, bytes: copy, wantFoldTables: !this.askedFoldTables };
      this.askedFoldTables = true;
      worker.postMessage(request, [copy.buffer]);
    });
  }

  dispose(): void {
    this.broken = true;
    void this.worker?.terminate();
    this.worker = undefined;
    // loads still waiting are finished in place: nobody is left without an answer
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      this.inPlace(p.bytes, p.file).then(p.resolve, p.reject);
    }
  }

  private started(): Worker | undefined {
    if (this.worker || this.broken) return this.worker;
    this.worker = startWorker<LoadReply>(
      this.workerScript,
      'codebook worker',
      (reply) => this.settle(reply),
      (reason) => this.fail(reason),
    );
    return this.worker;
  }

  private settle(reply: LoadReply): void {
    if (reply.type === 'foldTables') {
      // sent before 'loaded', so adopted before the matcher is revived (its scanner's unit table then folds
      // nothing here); a message of its own keeps its deserialization apart from the codebook's, though Node may
      // still deliver both in one turn of the event loop
      adoptFoldTables(reply.foldTables);
      adoptFoldTable(reply.scannerTable);
      return;
    }
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    if (reply.type === 'failed') p.reject(new Error(reply.message));
    else if (reply.type === 'untransferable') {
      this.onFallback(`the compiled codebook could not leave the worker (${reply.message})`);
      this.inPlace(p.bytes, p.file).then(p.resolve, p.reject);
    } else {
      p.resolve({
        codebook: reply.codebook,
        problems: reply.problems,
        matcher: reply.matcher && matcherFromData(reply.matcher),
        fills: reply.fills,
        compileMs: reply.compileMs,
      });
    }
  }

  /** The worker is gone: what it had not answered is loaded in place, and so is everything after. */
  private fail(reason: string): void {
    if (this.broken) return;
    this.broken = true;
    this.worker = undefined;
    this.onFallback(reason);
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      this.inPlace(p.bytes, p.file).then(p.resolve, p.reject);
    }
  }

  private inPlace(bytes: Uint8Array, file: string): Promise<LoadedCodebook> {
    try {
      return Promise.resolve(loadCodebookBytes(bytes, file));
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }
}
