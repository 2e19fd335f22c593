/**
 * `sovcode scan` over several files in worker threads (scanWorker.ts): each worker compiles the terms once,
 * then takes the next file as soon as it has replied, so a large file does not hold up the small ones behind
 * it. The outputs are put back in command-line order, so what is printed is byte for byte what one thread
 * prints (test/unit/cli.scanParallel.test.ts).
 *
 * A refused file (missing, not text, too large) is reported as one thread reports it: the first refused file
 * in command-line order, and nothing printed. Files after a refused one are not sent; the ones before it are
 * still read, since one of them may be refused too.
 */
import { Worker } from 'node:worker_threads';
import { CliError } from '../errors';
import type { ScanReply, ScanRequest, ScanWorkerData } from './protocol';
import type { ScanFormat } from './scanText';

export interface ParallelScan {
  /** The outputs of the files, in command-line order. */
  readonly outputs: Promise<string[]>;
  /** Stops the threads; `outputs` then never settles. */
  cancel(): void;
}

/** Starts `threads` workers over `files` with the codebook at `codebook` (a path). */
export function scanInParallel(
  files: readonly string[],
  codebook: string,
  format: ScanFormat,
  threads: number,
  workerScript: string,
): ParallelScan {
  const workers: Worker[] = [];
  let settled = false;
  const stop = (): void => {
    settled = true;
    for (const w of workers) void w.terminate();
  };
  const outputs = new Promise<string[]>((resolve, reject) => {
    const done = new Array<string>(files.length).fill('');
    let next = 0;
    // No file at or after `limit` is sent: it is the index of the first refused file seen so far.
    let limit = files.length;
    let refusal: { index: number; message: string } | undefined;
    let busy = 0;
    const settle = (then: () => void): void => {
      if (settled) return;
      stop();
      then();
    };
    const sendNext = (w: Worker): void => {
      if (next < limit) {
        w.postMessage({ index: next, file: files[next] } satisfies ScanRequest);
        next++;
        busy++;
      } else if (busy === 0) {
        const r = refusal;
        settle(() => (r ? reject(new CliError(r.message)) : resolve(done)));
      }
    };
    const data: ScanWorkerData = { codebook, format };
    for (let k = 0; k < threads; k++) {
      const w = new Worker(workerScript, { workerData: data });
      workers.push(w);
      w.on('message', (r: ScanReply) => {
        busy--;
        if ('output' in r) done[r.index] = r.output;
        else if ('refused' in r) {
          if (refusal === undefined || r.index < refusal.index) refusal = { index: r.index, message: r.refused };
          limit = Math.min(limit, r.index);
        } else {
          settle(() => reject(new Error(`the scan of ${files[r.index]} failed: ${r.failed}`)));
          return;
        }
        sendNext(w);
      });
      w.on('error', (e) => settle(() => reject(e)));
      w.on('exit', (code) => settle(() => reject(new Error(`a scan worker stopped early (exit code ${code})`))));
    }
    for (const w of workers) sendNext(w);
  });
  return { outputs, cancel: stop };
}
