/**
 * Runs a freshly received matcher over a small text made of its own terms, a few times, each in a task of its
 * own, so that the scanner's code is compiled before the first paint needs it: the first visible-window scan
 * of a 5,000-term matcher took 12 ms cold and 3 ms warm (in plain Node; several times that in a busy extension
 * host, where it lands in the same turn of the event loop as VS Code receiving the document being opened).
 * The results are thrown away: this only spends time earlier, in small pieces, where nothing waits for it.
 */
import type { Matcher } from './matcher';

/** Characters of the warm-up text: about a millisecond or two of scanning per run once compiled. */
const SAMPLE_CHARS = 6000;
const RUNS = 3;

export function warmUpText(terms: readonly string[]): string {
  let sample = '';
  for (let i = 0; sample.length < SAMPLE_CHARS && terms.length > 0; i++) {
    // every few terms a line break, every few lines a blank line: the scanner's joiner and paragraph paths too
    sample += terms[i % terms.length] + (i % 7 === 6 ? (i % 21 === 20 ? '\n\n' : '\n') : ' ');
  }
  return sample;
}

/** Warms `matcher` over `text` in RUNS tasks; `stillWanted` false stops it (a newer codebook came). */
export function warmUp(
  matcher: Matcher,
  text: string,
  stillWanted: () => boolean,
  nextTask: (f: () => void) => void = (f) => void setImmediate(f),
): void {
  let runs = 0;
  const run = (): void => {
    if (!stillWanted() || text.length === 0) return;
    matcher.findInRange(text, 0, text.length);
    if (++runs < RUNS) nextTask(run);
  };
  nextTask(run);
}
