/**
 * The annotations API in one import: the annotation record and the pure list operations on it, and the shifting
 * of annotations through text edits. `export *` so that a function added to either file is part of the API
 * without a second edit here.
 */
export * from './annotation';
export * from './edits';
export * from './attribution';
export * from './decisions';
