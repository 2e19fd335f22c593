/**
 * Loading a codebook file, the whole pure pipeline in one call: decode and parse it (with its checks), compile
 * its matcher, and run its examples against the matcher (warnings, codebookTests). This is what the editor
 * used to do on the extension host in one task (a quarter of a second cold for 5,000 terms); the worker
 * (worker.ts) runs exactly this function, and the client (client.ts) runs it in place when no worker can.
 * The frames' highlight fills (colour/fills.ts: a search over tints and opacities against each theme kind's
 * selection colour, 40 ms cold for 12 frames) are chosen here too, for the same reason.
 */

/** A frame colour's fills for light and dark themes, by colour as the codebook writes it. */
export type FrameFills = ReadonlyMap<string, { light: ChosenFill; dark: ChosenFill }>;
import { matcherTerms, parseCodebookBytes, type Codebook } from '../codebook';
import { exampleProblems } from '../codebookTests';
import { chooseFill, type ChosenFill } from '../colour/fills';
import type { Problem } from '../input';
import { Matcher } from '../matcher';

export interface LoadedCodebook {
  /** Undefined when the file has errors: the problems say which, with line and column. */
  codebook: Codebook | undefined;
  /** The parse's problems, then (with a codebook) its examples' warnings. */
  problems: Problem[];
  matcher: Matcher | undefined;
  fills: FrameFills;
  /** Time of the compile and the example checks, for the log (ms). */
  compileMs: number;
}

/** Throws (a RangeError from the compile) only for a term the checks let through but the matcher refuses. */
export function loadCodebookBytes(bytes: Uint8Array, file: string): LoadedCodebook {
  const { codebook, problems } = parseCodebookBytes(bytes, file);
  if (!codebook) return { codebook, problems, matcher: undefined, fills: new Map(), compileMs: 0 };
  const started = performance.now();
  const matcher = Matcher.compile(matcherTerms(codebook));
  const all = [...problems, ...exampleProblems(codebook, matcher)]; // the examples are its tests
  const compileMs = performance.now() - started;
  return { codebook, problems: all, matcher, fills: frameFills(codebook), compileMs };
}

function frameFills(codebook: Codebook): FrameFills {
  const fills = new Map<string, { light: ChosenFill; dark: ChosenFill }>();
  for (const { color } of codebook.frames)
    if (!fills.has(color)) fills.set(color, { light: chooseFill(color, 'light'), dark: chooseFill(color, 'dark') });
  return fills;
}
