/** The messages between the jobs worker (worker.ts) and its client (client.ts). */
import type { JobInput, JobName, JobOutput } from './jobs';
import type { MirrorMessage } from './mirrors';

/** What the client sends: a job (answered by a JobReply), or a change to a text copy (not answered). */
export type ToWorker = JobRequest | MirrorMessage;

export interface JobRequest<K extends JobName = JobName> {
  id: number;
  name: K;
  input: JobInput<K>;
}

export type JobReply =
  | { id: number; type: 'done'; output: JobOutput<JobName> }
  /** The job threw: the same message is thrown to the caller, as it would have been in place. */
  | { id: number; type: 'failed'; message: string }
  /** The job named a text copy the worker does not hold at that version. */
  | { id: number; type: 'missing'; message: string }
  /** The output could not be cloned back: the client runs the job in place. */
  | { id: number; type: 'untransferable'; message: string };
