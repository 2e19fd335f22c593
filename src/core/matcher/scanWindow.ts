/**
 * What a Scanner is asked to do and what it answers: where a scan starts, which matches it reports, when it may
 * stop, and whether its selection is exact (window.ts and matcher.ts choose the window, scanner.ts runs it).
 */

/** How a scan starts and when it may stop. */
export interface ScanWindow {
  /** Offset of a joiner code point that begins a run, or 0. The scan treats it as the inside of a joiner run. */
  start: number;
  /** True when no candidate crosses `start` (text start, paragraph break): the state is known from the outset. */
  startExact: boolean;
  /** Otherwise the state is known once this many joiner runs have ended (the run at `start` included). */
  exactAfterRuns: number;
  /** Only matches intersecting [from, to) are reported. */
  from: number;
  to: number;
  /** Stop at the start of the n-th joiner run at or after `to` (Infinity: scan to the end of the text). */
  stopRunsAfterTo: number;
}

export interface ScanResult {
  /** Selected matches as flat (start, end, term) triples. */
  matches: number[];
  /** The first joiner run (offset) from which the selection is exact; -1 if the scan never got there. */
  exactFrom: number;
  /** True when the scan ran to the end of the text rather than stopping after `to`. */
  reachedEnd: boolean;
}
