/**
 * The codebook worker: runs in a worker thread (bundled on its own as dist/codebookWorker.js), loads each
 * codebook file it is sent with loadCodebookBytes, and posts back the codebook, its problems and the compiled
 * matcher as transferable data, so the extension host only receives the result.
 */
import { parentPort } from 'node:worker_threads';
import { errorMessage } from '../input';
import { matcherToData, TransferError } from '../matcher/transfer';
import { foldTables } from '../text';
import { foldTable } from '../matcher/foldTable';
import { loadCodebookBytes } from './load';
import type { LoadReply, LoadRequest } from './protocol';

const port = parentPort;
if (!port) throw new Error('the codebook worker must run in a worker thread');

port.on('message', (request: LoadRequest) => {
  let reply: LoadReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const loaded = loadCodebookBytes(request.bytes, request.file);
    const moved = loaded.matcher && matcherToData(loaded.matcher);
    transfer = moved ? moved.transfer : [];
    reply = {
      id: request.id,
      type: 'loaded',
      ...loaded,
      matcher: moved?.data,
    };
    if (request.wantFoldTables) {
      // a copy of the scanner's table is transferred: this thread keeps its own for the next compile
      const scannerTable = foldTable().slice();
      port.postMessage(
        { id: request.id, type: 'foldTables', foldTables: foldTables(), scannerTable } satisfies LoadReply,
        [scannerTable.buffer],
      );
    }
  } catch (e) {
    reply = {
      id: request.id,
      type: e instanceof TransferError ? 'untransferable' : 'failed',
      message: errorMessage(e),
    };
  }
  try {
    port.postMessage(reply, transfer);
  } catch (e) {
    // a DataCloneError: something in the result cannot be cloned; the client loads the file in place
    port.postMessage({ id: request.id, type: 'untransferable', message: errorMessage(e) } satisfies LoadReply);
  }
});
