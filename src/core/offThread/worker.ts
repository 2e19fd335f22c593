/**
 * The jobs worker: runs in a worker thread (bundled on its own as dist/jobsWorker.js) and answers each request
 * with the output of the named pure job (jobs.ts), so the extension host only sends the inputs and receives
 * the result.
 */
import { parentPort } from 'node:worker_threads';
import { errorMessage } from '../input';
import { JOBS, resolveInPlace, type JobName, type JobOutput, type ResolveText } from './jobs';
import { isTextRef, MirrorMissing, TextMirrors } from './mirrors';
import type { JobReply, JobRequest, ToWorker } from './protocol';

const port = parentPort;
if (!port) throw new Error('the jobs worker must run in a worker thread');

const mirrors = new TextMirrors();
const resolve: ResolveText = (t) => (isTextRef(t) ? mirrors.resolve(t) : resolveInPlace(t));

function run(request: JobRequest): JobReply {
  const job = JOBS[request.name] as (input: JobRequest['input'], resolve: ResolveText) => JobOutput<JobName>;
  return { id: request.id, type: 'done', output: job(request.input, resolve) };
}

port.on('message', (message: ToWorker) => {
  if ('mirror' in message) {
    mirrors.apply(message);
    return;
  }
  const request = message;
  let reply: JobReply;
  try {
    reply = run(request);
  } catch (e) {
    reply = { id: request.id, type: e instanceof MirrorMissing ? 'missing' : 'failed', message: errorMessage(e) };
  }
  try {
    port.postMessage(reply);
  } catch (e) {
    port.postMessage({ id: request.id, type: 'untransferable', message: errorMessage(e) } satisfies JobReply);
  }
});
