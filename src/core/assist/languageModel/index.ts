/** The language-model coder's core: chunks, the prompt, the distrustful answer parser, and its annotations. */
export * from './chunks';
export * from './prompt';
export * from './answer';
export * from './modelAnnotations';
