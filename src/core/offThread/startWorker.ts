/**
 * Starting a helper thread the way both of ours are started (the codebook worker and the jobs worker): it does
 * not keep the process alive, its replies go to `onMessage`, and its failure or exit — or a failure to start at
 * all — goes to `onFail` with a sentence naming it, after which the caller does the work in place.
 */
import { Worker } from 'node:worker_threads';

export function startWorker<Reply>(
  script: string,
  name: string,
  onMessage: (reply: Reply) => void,
  onFail: (reason: string) => void,
): Worker | undefined {
  try {
    const worker = new Worker(script);
    worker.unref();
    worker.on('message', onMessage);
    worker.on('error', (e) => onFail(`the ${name} failed: ${e.message}`));
    worker.on('exit', (code) => onFail(`the ${name} stopped (exit code ${code})`));
    return worker;
  } catch (e) {
    onFail(`the ${name} could not start: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}
