/**
 * The text API in one import: the canonical text that offsets refer to (with its hash and line index), and the
 * case and width folding that terms and texts are matched under.
 */
export * from './canonical';
export * from './fold';
