/** The messages between the import worker (worker.ts) and its client (workerClient.ts). */
import type { Conversion } from './convert';
import type { ImportError } from './types';

export interface WorkerRequest {
  file: string;
  bytes: Uint8Array;
  encoding?: string;
}

export type WorkerReply =
  | { type: 'progress'; fraction: number; message: string }
  | { type: 'done'; conversion: Conversion }
  | {
      type: 'error';
      file: string;
      message: string;
      kind: ImportError['kind'];
      candidates: { encoding: string; confidence: number }[];
    };
