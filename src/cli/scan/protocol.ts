/** Messages between `sovcode scan` and its worker threads (parallelScan.ts, scanWorker.ts). */
import type { ScanFormat } from './scanText';

/**
 * Given to each worker as its workerData: it loads the codebook and compiles its own matcher while the command
 * checks the same codebook, so that the threads start while the command is still getting ready.
 */
export interface ScanWorkerData {
  readonly codebook: string;
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
