/**
 * A worker thread of `sovcode scan` (bundled on its own as dist/scanWorker.js): loads the codebook and compiles
 * its terms once, then reads, scans and formats each file it is sent, and replies with the file's output. The
 * command checks the same codebook itself and reports its problems; a worker that cannot load it just fails.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { matcherTerms } from '../../core/codebook';
import { Matcher } from '../../core/matcher';
import { loadUsableCodebook } from '../codebookFile';
import { CliError } from '../errors';
import type { ScanReply, ScanRequest, ScanWorkerData } from './protocol';
import { readScanText } from './readScanText';
import { scanText } from './scanText';

const port = parentPort;
if (!port) throw new Error('the scan worker must run in a worker thread');
const data = workerData as ScanWorkerData;
const matcher = Matcher.compile(matcherTerms(loadUsableCodebook(data.codebook)));

port.on('message', (request: ScanRequest) => {
  let reply: ScanReply;
  try {
    reply = { index: request.index, output: scanText(request.file, readScanText(request.file), matcher, data.format) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    reply =
      e instanceof CliError ? { index: request.index, refused: message } : { index: request.index, failed: message };
  }
  port.postMessage(reply);
});
