/**
 * Read access to a text by excerpts. The incremental matcher only ever needs the few lines around an edit, and
 * in the editor the whole document as one string costs 35–70 ms at 10 MB (VS Code joins its lines for every
 * getText()), so the update reads through this interface: a plain string in the core and the CLI, ranges of
 * the document in the editor.
 */

export interface TextSource {
  /** Length in UTF-16 code units. */
  readonly length: number;
  /** The code units [from, to), clamped to the text. */
  slice(from: number, to: number): string;
}

export function stringSource(text: string): TextSource {
  return { length: text.length, slice: (from, to) => text.slice(from, to) };
}

const STEP = 512;

/** Offset just after the last \n before `offset` (0 if none): the start of the line holding offset - 1. */
export function lineStartBefore(source: TextSource, offset: number): number {
  let hi = Math.max(0, Math.min(offset - 1, source.length - 1));
  for (;;) {
    const lo = Math.max(0, hi - STEP);
    const i = source.slice(lo, hi + 1).lastIndexOf('\n');
    if (i >= 0) return lo + i + 1;
    if (lo === 0) return 0;
    hi = lo - 1;
  }
}

/** Offset of the first \n at or after `offset`, or the text length. */
export function lineEndAfter(source: TextSource, offset: number): number {
  for (let lo = Math.max(0, offset); lo < source.length; lo += STEP) {
    const i = source.slice(lo, lo + STEP).indexOf('\n');
    if (i >= 0) return lo + i;
  }
  return source.length;
}
