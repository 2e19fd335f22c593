/** The corpus index in one import: the pure read step, the index, chunked filling and retrieval. */
// the pure read step lives with the coded documents it makes; re-exported so the index reads in one import
export { codedDocumentFrom } from '../documents';
export type { DocumentRead } from '../documents';
export { CorpusIndex } from './corpusIndex';
export type { IndexedDocument } from './corpusIndex';
export { indexInChunks } from './chunked';
export type { ChunkOptions, ChunkReport, RawDocument } from './chunked';
export { filterSegments, needsAttention } from './query';
export type { SegmentFilter } from './query';
