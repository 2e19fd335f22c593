/**
 * The conversion worker: runs in a worker thread (bundled on its own as dist/importWorker.mjs, so PDF.js,
 * mammoth, Readability and the encoding tables load only when a text is first added, and never into the
 * extension's activation path). It converts one original per message and posts progress, then the
 * conversion or the ImportError's fields; it writes nothing, so terminating it (cancel) loses nothing.
 */
import { parentPort } from 'node:worker_threads';
import { convertOriginal } from './convert';
import { ImportError } from './types';
import type { WorkerReply, WorkerRequest } from './workerProtocol';

const port = parentPort;
if (!port) throw new Error('the import worker must run in a worker thread');

port.on('message', (request: WorkerRequest) => {
  const reply = (message: WorkerReply): void => port.postMessage(message);
  const options = {
    ...(request.encoding === undefined ? {} : { encoding: request.encoding }),
    onProgress: (fraction: number, message: string) => reply({ type: 'progress', fraction, message }),
  };
  convertOriginal(request.file, request.bytes, options).then(
    (conversion) => reply({ type: 'done', conversion }),
    (e: unknown) => {
      if (e instanceof ImportError)
        reply({ type: 'error', file: e.file, message: e.message, kind: e.kind, candidates: [...e.candidates] });
      else
        reply({
          type: 'error',
          file: request.file,
          message: `${request.file}: conversion failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
          kind: 'damaged',
          candidates: [],
        });
    },
  );
});
