/**
 * Loading a codebook file, the whole pure pipeline in one call: decode and parse it (with its checks), compile
 * its matcher, and run its examples against the matcher (warnings, codebookTests). This is what the editor
 * used to do on the extension host in one task (a quarter of a second cold for 5,000 terms); the worker
 * (worker.ts) runs exactly this function, and the client (client.ts) runs it in place when no worker can.
 */
import { matcherTerms, parseCodebookBytes, type Codebook } from '../codebook';
import { exampleProblems } from '../codebookTests';
import type { Problem } from '../input';
import { Matcher } from '../matcher';

export interface LoadedCodebook {
  /** Undefined when the file has errors: the problems say which, with line and column. */
  codebook: Codebook | undefined;
  /** The parse's problems, then (with a codebook) its examples' warnings. */
  problems: Problem[];
  matcher: Matcher | undefined;
  /** Time of the compile and the example checks, for the log (ms). */
  compileMs: number;
}

/** Throws (a RangeError from the compile) only for a term the checks let through but the matcher refuses. */
export function loadCodebookBytes(bytes: Uint8Array, file: string): LoadedCodebook {
  const { codebook, problems } = parseCodebookBytes(bytes, file);
  if (!codebook) return { codebook, problems, matcher: undefined, compileMs: 0 };
  const started = performance.now();
  const matcher = Matcher.compile(matcherTerms(codebook));
  const all = [...problems, ...exampleProblems(codebook, matcher)]; // the examples are its tests
  return { codebook, problems: all, matcher, compileMs: performance.now() - started };
}
