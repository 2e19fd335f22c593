/** The messages between the codebook worker (worker.ts) and its client (client.ts). */
import type { Codebook } from '../codebook';
import type { Problem } from '../input';
import type { FoldTables } from '../text';
import type { MatcherData } from '../matcher/transfer';
import type { FrameFills } from './load';

export interface LoadRequest {
  id: number;
  file: string;
  /** The file's bytes (a copy, transferred). */
  bytes: Uint8Array;
  /** The client's thread has not folded anything yet: send the worker's fold tables along. */
  wantFoldTables: boolean;
}

export type LoadReply =
  | {
      id: number;
      type: 'loaded';
      codebook: Codebook | undefined;
      problems: Problem[];
      matcher: MatcherData | undefined;
      fills: FrameFills;
      compileMs: number;
      foldTables?: FoldTables;
    }
  /** The load threw (a term the matcher refuses): the same error is thrown to the caller. */
  | { id: number; type: 'failed'; message: string }
  /** The worker could not send the result (it would not survive the crossing): the client loads in place. */
  | { id: number; type: 'untransferable'; message: string };
