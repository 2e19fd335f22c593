/** The term matcher: compile a codebook's terms once, then find them in texts (see matcher.ts). */
export { Matcher, type MatcherTerm, type TermMatch } from './matcher';
export { findAround, updateMatches, type TextChange, type UpdateOptions } from './incremental';
export { MatchIndex } from './matchIndex';
export { stringSource, type TextSource } from './textSource';
export { warmUp, warmUpText } from './warmUp';
