/** Loading a codebook file (parse, checks, compile, example checks), in a worker thread or in place. */
export { loadCodebookBytes, type LoadedCodebook, type FrameFills } from './load';
export { CodebookLoader } from './client';
