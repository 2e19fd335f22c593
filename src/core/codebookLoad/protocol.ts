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
    }
  /**
   * Before 'loaded' when the request wanted them: the fold tables (and the scanner's flattened table) in a
   * message of their own, so that the extension host deserializes them apart from the codebook (one message
   * holding both blocked it for over 100 ms), and has them before it revives the matcher.
   */
  | { id: number; type: 'foldTables'; foldTables: FoldTables; scannerTable: Uint32Array }
  /** The load threw (a term the matcher refuses): the same error is thrown to the caller. */
  | { id: number; type: 'failed'; message: string }
  /** The worker could not send the result (it would not survive the crossing): the client loads in place. */
  | { id: number; type: 'untransferable'; message: string };
