/** Safe file access for the CLI and tests: the bounded reader, the folder walker, decoding, stale temp files. */
export { decodeText } from './decode';
export { nodeFiles } from './port';
export type { BoundedRead, EntryInfo, EntryKind, FilesPort } from './port';
export { isInside, readFileSafely, refusal, TEXT_MAX_BYTES, unreachable } from './readSafely';
export type { ReadLimits, Refusal, RefusalReason, SafeRead } from './readSafely';
export {
  sidecarNameOfTemp,
  STALE_TEMP_AGE_MS,
  staleTempMessage,
  staleTemps,
  staleTempsIn,
  staleTempsOf,
} from './staleTemps';
export type { StaleTemp } from './staleTemps';
export { walkFolder } from './walk';
export type { WalkOptions, WalkResult } from './walk';
export { outputConflict, realPathOf } from './outputSafety';
