/** Cue terms suggested from coded segments, and accepting one into the codebook file. */
export { suggestTerms, type CodedQuote, type Suggestion, type SuggestOptions } from './candidates';
export { AcceptTermError, withAcceptedTerm } from './acceptTerm';
