/**
 * Recognising that the coded text itself was deleted: its stored prefix and suffix now meet, with nothing
 * between them, near where it was. Then every occurrence of the quote elsewhere is a look-alike, however
 * well its own context agrees (identical boilerplate), and the annotation is not moved: it is orphaned, or
 * flagged on a copy that has its whole piece — the look-alikes are recorded for the coder to see.
 */
import { NEAR_DISTANCE } from './decide';
import type { StoredPieces } from './storedPieces';
import { corePattern } from './whitespace';

/** Characters of each side that must meet; fewer than MIN_JOINED in all (a span at a text's edge) proves nothing. */
const SIDE = 16;
const MIN_JOINED = 12;

/**
 * True when the context on both sides of the quote closed up over it within reach of `hint`. A meeting place
 * where the whole piece (context, quote, context) still stands is no evidence: in repetitive text the two
 * sides may meet by chance next to an intact occurrence. `intact` lists the starts of such occurrences.
 */
export function contextClosedOver(
  text: string,
  pieces: StoredPieces,
  hint: number,
  intact: readonly number[],
): boolean {
  const tail = pieces.prefix.slice(-SIDE);
  let head = pieces.suffix.slice(0, SIDE);
  // two whitespace runs that met when the quote went are one run now
  if (tail.endsWith(' ') && head.startsWith(' ')) head = head.slice(1);
  const joined = (tail + head).trim();
  if (joined.length < MIN_JOINED || tail.trim() === '' || head.trim() === '') return false;
  const reach = NEAR_DISTANCE + pieces.quote.length + joined.length;
  const from = Math.max(0, hint - reach);
  const window = text.slice(from, Math.min(text.length, hint + reach));
  const pattern = corePattern(joined);
  for (let m = pattern.exec(window); m !== null; m = pattern.exec(window)) {
    const start = from + m.index;
    const end = start + m[0].length;
    if (!intact.some((s) => s >= start - pieces.quote.length && s <= end)) return true;
    pattern.lastIndex = m.index + 1;
  }
  return false;
}
