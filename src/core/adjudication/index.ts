/**
 * Adjudication of two coders' disagreements into a consensus coder (docs/adjudication.md): the alignment of
 * their spans, stable disagreement ids, how each stands in the consensus, the decisions that write consensus
 * annotations with their provenance, the decisions file, and the listing. Knows nothing of VS Code.
 */
export * from './align';
export * from './ids';
export * from './provenance';
export * from './resolve';
export * from './corpus';
export * from './decisionsFile';
export * from './listing';
