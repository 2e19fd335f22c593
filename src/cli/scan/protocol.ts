/** Messages between `sovcode scan` and its worker threads (parallelScan.ts, scanWorker.ts). */
import type { MatcherData } from '../../core/matcher/transfer';
import type { FoldTables } from '../../core/text';
import type { ScanFormat } from './scanText';

/**
 * A worker's first message: the matcher the command compiled, and the fold tables it built doing so, so that no
 * thread parses, checks or compiles the codebook again or builds the tables cold.
 */
export interface ScanSetup {
  readonly matcher: MatcherData;
  readonly foldTables: FoldTables;
  readonly scannerTable: Uint32Array;
  readonly format: ScanFormat;
}

/** Scan the file, the `index`th of the command line. */
export interface ScanRequest {
  readonly index: number;
  readonly file: string;
}

/**
 * A file's output, or why it could not be scanned: `refused` for a refusal the command reports as it would
 * in one thread (a file missing, not text, too large), `failed` for anything else (a bug, not the user's).
 */
export type ScanReply =
  | { readonly index: number; readonly output: string }
  | { readonly index: number; readonly refused: string }
  | { readonly index: number; readonly failed: string };
