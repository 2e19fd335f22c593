/**
 * `sovcode scan` over several files in worker threads (scanWorker.ts). The threads are started first, so that
 * they boot while the command loads and compiles the codebook; each then gets the compiled matcher and takes
 * the next file as soon as it has replied, so a large file does not hold up the small ones behind it. The
 * outputs are put back in command-line order, so what is printed is byte for byte what one thread prints
 * (test/unit/cli.scanParallel.test.ts).
 *
 * A refused file (missing, not text, too large) is reported as one thread reports it: the first refused file
 * in command-line order, and nothing printed. Files after a refused one are not sent; the ones before it are
 * still read, since one of them may be refused too.
 */
import { Worker } from 'node:worker_threads';
import type { Matcher } from '../../core/matcher';
import { foldTable } from '../../core/matcher/foldTable';
import { matcherToData } from '../../core/matcher/transfer';
import { foldTables } from '../../core/text';
import { CliError } from '../errors';
import type { ScanReply, ScanRequest, ScanSetup } from './protocol';
import type { ScanFormat } from './scanText';

export class ScanThreads {
  private readonly workers: Worker[] = [];
  private settled = false;
  /** A thread's failure before run() was called: run() reports it. */
  private early: Error | undefined;
  private fail: (e: Error) => void = (e) => (this.early ??= e);

  /** Starts `threads` workers running `script`. */
  constructor(threads: number, script: string) {
    for (let k = 0; k < threads; k++) {
      const w = new Worker(script);
      this.workers.push(w);
      w.on('error', (e) => this.settle(() => this.fail(e)));
      w.on('exit', (code) =>
        this.settle(() => this.fail(new Error(`a scan worker stopped early (exit code ${code})`))),
      );
    }
  }

  /** Stops the threads; a run in progress then never settles. */
  stop(): void {
    this.settled = true;
    for (const w of this.workers) void w.terminate();
  }

  /** The outputs of `files` scanned with `matcher`, in command-line order; the threads are stopped after. */
  run(files: readonly string[], matcher: Matcher, format: ScanFormat): Promise<string[]> {
    const setup: ScanSetup = {
      // not transferred: every thread gets its copy
      matcher: matcherToData(matcher).data,
      foldTables: foldTables(),
      scannerTable: foldTable(),
      format,
    };
    return new Promise((resolve, reject) => {
      if (this.early !== undefined) {
        reject(this.early);
        return;
      }
      this.fail = reject;
      const done = new Array<string>(files.length).fill('');
      let next = 0;
      // No file at or after `limit` is sent: it is the index of the first refused file seen so far.
      let limit = files.length;
      let refusal: { index: number; message: string } | undefined;
      let busy = 0;
      const sendNext = (w: Worker): void => {
        if (next < limit) {
          w.postMessage({ index: next, file: files[next] } satisfies ScanRequest);
          next++;
          busy++;
        } else if (busy === 0) {
          const r = refusal;
          this.settle(() => (r ? reject(new CliError(r.message)) : resolve(done)));
        }
      };
      for (const w of this.workers) {
        w.on('message', (r: ScanReply) => {
          busy--;
          if ('output' in r) done[r.index] = r.output;
          else if ('refused' in r) {
            if (refusal === undefined || r.index < refusal.index) refusal = { index: r.index, message: r.refused };
            limit = Math.min(limit, r.index);
          } else {
            this.settle(() => reject(new Error(`the scan of ${files[r.index]} failed: ${r.failed}`)));
            return;
          }
          sendNext(w);
        });
        w.postMessage(setup);
      }
      for (const w of this.workers) sendNext(w);
    });
  }

  private settle(then: () => void): void {
    if (this.settled) return;
    this.stop();
    then();
  }
}
