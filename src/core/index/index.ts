/** The corpus index in one import: the pure read step, the index, chunked filling and retrieval. */
export { codedDocumentFrom } from './codedDocument';
export type { DocumentRead } from './codedDocument';
export { CorpusIndex } from './corpusIndex';
export type { IndexedDocument } from './corpusIndex';
export { indexInChunks } from './chunked';
export type { ChunkOptions, ChunkReport, RawDocument } from './chunked';
export { filterSegments, needsAttention } from './query';
export type { SegmentFilter } from './query';
