/**
 * Runs the pure jobs of jobs.ts in one worker thread (worker.ts), so that the extension host's event loop only
 * sends inputs and receives outputs: reading a 10,000-annotation sidecar against a 10 MB text, or building its
 * corpus-index entry, would otherwise hold it for a tenth of a second or more. Jobs run one after another in
 * the order sent. Where no worker can run (it fails to start, or dies) or an output cannot be cloned back, the
 * job runs in place with the same result, and `onFallback` says why. The worker does not keep the process alive.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from './startWorker';
import type { TextEdit } from '../annotations';
import { JOBS, resolveInPlace, type JobInput, type JobName, type JobOutput, type TextRef } from './jobs';
import { MirrorMissing, type MirrorMessage } from './mirrors';
import type { JobReply, JobRequest, ToWorker } from './protocol';

interface Pending {
  resolve: (output: JobOutput<JobName>) => void;
  reject: (e: Error) => void;
  name: JobName;
  input: JobInput<JobName>;
}

export class OffThread {
  private worker: Worker | undefined;
  /** Set once the worker failed (or on dispose): every later job runs in place. */
  private broken = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly workerScript: string,
    private readonly onFallback: (reason: string) => void = () => undefined,
  ) {}

  /** JOBS[name](input), computed in the worker. */
  run<K extends JobName>(name: K, input: JobInput<K>): Promise<JobOutput<K>> {
    const worker = this.started();
    if (!worker) return inPlace(name, input);
    return new Promise<JobOutput<K>>((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, {
        resolve: resolve as (output: JobOutput<JobName>) => void,
        reject,
        name,
        input,
      });
      const request: JobRequest<K> = { id, name, input };
      worker.postMessage(request);
    });
  }

  /**
   * A copy of a text in the worker, filled from `excerpts` (read one at a time, with a yield between them) and
   * ready at `version`; resolves to its reference, or undefined when there is no worker or `stillAt` turned
   * false meanwhile (the document changed: its edits would not apply to a half-filled copy).
   */
  async mirror(
    key: string,
    version: number,
    excerpts: Iterable<string>,
    stillAt: () => boolean,
  ): Promise<TextRef | undefined> {
    if (!this.post({ mirror: 'begin', key })) return undefined;
    for (const text of excerpts) {
      await new Promise((resolve) => setImmediate(resolve));
      if (!stillAt() || !this.post({ mirror: 'append', key, text })) {
        this.post({ mirror: 'drop', key });
        return undefined;
      }
    }
    return this.post({ mirror: 'end', key, version }) ? { mirror: key, version } : undefined;
  }

  /** Edits (canonical offsets, in order) to the copy `key`, which is then at `version`. */
  editMirror(key: string, version: number, edits: TextEdit[]): void {
    this.post({ mirror: 'edit', key, version, edits });
  }

  dropMirror(key: string): void {
    this.post({ mirror: 'drop', key });
  }

  /** Sends a message to a running worker; false when there is none. */
  private post(message: ToWorker & MirrorMessage): boolean {
    const worker = this.started();
    if (!worker) return false;
    worker.postMessage(message);
    return true;
  }

  dispose(): void {
    this.broken = true;
    void this.worker?.terminate();
    this.worker = undefined;
    this.finishInPlace();
  }

  private started(): Worker | undefined {
    if (this.worker || this.broken) return this.worker;
    this.worker = startWorker<JobReply>(
      this.workerScript,
      'jobs worker',
      (reply) => this.settle(reply),
      (reason) => this.fail(reason),
    );
    return this.worker;
  }

  private settle(reply: JobReply): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    if (reply.type === 'done') p.resolve(reply.output);
    else if (reply.type === 'failed') p.reject(new Error(reply.message));
    else if (reply.type === 'missing') p.reject(new MirrorMissing(reply.message));
    else {
      this.onFallback(`the result of ${p.name} could not leave the worker (${reply.message})`);
      inPlace(p.name, p.input).then(p.resolve, p.reject);
    }
  }

  private fail(reason: string): void {
    if (this.broken) return;
    this.broken = true;
    this.worker = undefined;
    this.onFallback(reason);
    this.finishInPlace();
  }

  /** Jobs the worker will not answer are run here: nobody is left without an answer. */
  private finishInPlace(): void {
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      inPlace(p.name, p.input).then(p.resolve, p.reject);
    }
  }
}

function inPlace<K extends JobName>(name: K, input: JobInput<K>): Promise<JobOutput<K>> {
  try {
    const job = JOBS[name] as (input: JobInput<K>, resolve: typeof resolveInPlace) => JobOutput<K>;
    return Promise.resolve(job(input, resolveInPlace));
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
}
