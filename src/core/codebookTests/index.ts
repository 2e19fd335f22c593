/** The codebook's own tests: its frames' examples checked against its cues. */
export { exampleProblems } from './examples';
