/**
 * The parsed codebook's types: frames with their cue terms, and the codebook that holds them. Kept apart from
 * the parser so that the parser's helpers (checks.ts) can name them without importing the parser back.
 */
import type { TermPattern } from './termSyntax';

/** One cue term of a frame, with the 1-based position of its text in the codebook file. */
export interface CodebookTerm {
  raw: string;
  pattern: TermPattern;
  frameId: string;
  line: number;
  column: number;
}

export interface Frame {
  id: string;
  label: string;
  /** `#rgb` or `#rrggbb`. */
  color: string;
  definition: string;
  /** When to apply the frame. */
  include?: string;
  /** When not to apply it. */
  exclude?: string;
  examples: string[];
  /** 1-based position of each example in the file, parallel to `examples` (absent for frames built in code). */
  examplePositions?: { line: number; column: number }[];
  /** Id of the enclosing frame; frames nest as a tree. */
  parent?: string;
  /** In file order; a term written twice in the frame is kept twice here (and reported as a warning). */
  terms: CodebookTerm[];
  /** 1-based line where the frame starts. */
  line: number;
}

export interface Codebook {
  id: string;
  title: string;
  version?: string;
  languages: string[];
  description?: string;
  /** In file order. */
  frames: Frame[];
  /** The file name given to parseCodebook, used in problems and by callers. */
  file: string;
}
