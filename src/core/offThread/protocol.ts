/** The messages between the jobs worker (worker.ts) and its client (client.ts). */
import type { JobInput, JobName, JobOutput } from './jobs';

export interface JobRequest<K extends JobName = JobName> {
  id: number;
  name: K;
  input: JobInput<K>;
}

export type JobReply =
  | { id: number; type: 'done'; output: JobOutput<JobName> }
  /** The job threw: the same message is thrown to the caller, as it would have been in place. */
  | { id: number; type: 'failed'; message: string }
  /** The output could not be cloned back: the client runs the job in place. */
  | { id: number; type: 'untransferable'; message: string };
