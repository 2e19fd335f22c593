/**
 * Converting an original in a worker thread (worker.ts), so the extension host's event loop never waits on
 * PDF.js or mammoth: a 300-page PDF takes seconds, but the host only receives a message per page. One
 * worker per conversion; cancelling terminates it (it writes nothing, so nothing is half written). The
 * worker's ImportError comes back as an ImportError with the same file, kind and candidates.
 */
import { Worker } from 'node:worker_threads';
import type { Conversion } from './convert';
import { ImportError, type ConvertOptions } from './types';
import type { WorkerReply, WorkerRequest } from './workerProtocol';

/** Thrown when the conversion was cancelled. */
export class ConversionCancelled extends Error {
  constructor(readonly file: string) {
    super(`${file}: cancelled; nothing was written`);
    this.name = 'ConversionCancelled';
  }
}

export type ConvertFunction = (file: string, bytes: Uint8Array, options: ConvertOptions) => Promise<Conversion>;

/** A ConvertFunction that runs each conversion in a fresh worker from `workerScript`. */
export function workerConverter(workerScript: string, signal?: AbortSignal): ConvertFunction {
  return (file, bytes, options) =>
    new Promise<Conversion>((resolve, reject) => {
      if (signal?.aborted) return reject(new ConversionCancelled(file));
      const worker = new Worker(workerScript);
      let settled = false;
      const finish = (fn: () => void): void => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        void worker.terminate();
        fn();
      };
      const onAbort = (): void => finish(() => reject(new ConversionCancelled(file)));
      signal?.addEventListener('abort', onAbort);
      worker.on('message', (reply: WorkerReply) => {
        if (reply.type === 'progress') options.onProgress?.(reply.fraction, reply.message);
        else if (reply.type === 'done') finish(() => resolve(reply.conversion));
        else
          finish(() =>
            reject(
              new ImportError(
                reply.file,
                reply.message.startsWith(`${reply.file}: `)
                  ? reply.message.slice(reply.file.length + 2)
                  : reply.message,
                reply.kind,
                reply.candidates,
              ),
            ),
          );
      });
      worker.on('error', (e) =>
        finish(() => reject(new ImportError(file, `the conversion worker failed: ${e.message}`, 'damaged'))),
      );
      worker.on('exit', (code) =>
        finish(() => reject(new ImportError(file, `the conversion worker stopped (exit code ${code})`, 'damaged'))),
      );
      const copy = bytes.slice(); // the copy is transferred; the caller's bytes stay usable (hashing, provenance)
      const request: WorkerRequest = {
        file,
        bytes: copy,
        ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
      };
      worker.postMessage(request, [copy.buffer]);
    });
}
