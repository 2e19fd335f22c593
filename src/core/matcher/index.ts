/** The term matcher: compile a codebook's terms once, then find them in texts (see matcher.ts). */
export { Matcher, type MatcherTerm, type TermMatch } from './matcher';
export { firstEndingAfter, updateMatches, type TextChange } from './incremental';
