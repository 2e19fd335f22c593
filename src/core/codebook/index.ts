/**
 * The codebook API in one import: parsing a codebook file into frames with problems, the lookups on a parsed
 * codebook, and the term syntax the matcher compiles. The shape reader, the checks and the suggestions are the
 * parser's own helpers and stay inside this folder.
 */
export * from './types';
export * from './parse';
export * from './termSyntax';
