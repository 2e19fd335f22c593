/**
 * A worker thread of `sovcode scan` (bundled on its own as dist/scanWorker.js): takes the command's compiled
 * matcher from its first message, then reads, scans and formats each file it is sent, and replies with the
 * file's output.
 */
import { parentPort } from 'node:worker_threads';
import type { Matcher } from '../../core/matcher';
import { adoptFoldTable } from '../../core/matcher/foldTable';
import { matcherFromData } from '../../core/matcher/transfer';
import { adoptFoldTables } from '../../core/text';
import { CliError } from '../errors';
import type { ScanReply, ScanRequest, ScanSetup } from './protocol';
import { readScanText } from './readScanText';
import { scanText, type ScanFormat } from './scanText';

const port = parentPort;
if (!port) throw new Error('the scan worker must run in a worker thread');
let matcher: Matcher | undefined;
let format: ScanFormat = 'jsonl';

function scan(request: ScanRequest, m: Matcher): ScanReply {
  try {
    return { index: request.index, output: scanText(request.file, readScanText(request.file), m, format) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return e instanceof CliError
      ? { index: request.index, refused: message }
      : { index: request.index, failed: message };
  }
}

port.on('message', (message: ScanSetup | ScanRequest) => {
  if ('matcher' in message) {
    // the tables first: the matcher's scanners build their unit tables from them
    adoptFoldTables(message.foldTables);
    adoptFoldTable(message.scannerTable);
    matcher = matcherFromData(message.matcher);
    format = message.format;
    return;
  }
  if (matcher === undefined) throw new Error('the scan worker was sent a file before its matcher');
  port.postMessage(scan(message, matcher));
});
