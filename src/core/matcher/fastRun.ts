/**
 * The scanner's fast path: the stretch of a token where nothing needs deciding. Most of a text is code units that
 * fold to one unit and lead the automaton to a dense state that ends no pattern; for those the work per unit is
 * one read of the unit table, one read of the transition row and one write of the unit's offset into the ring.
 * The loop also steps over a lone joiner between two tokens when no phrase, candidate or pending hit spans it
 * (the common single space), which is all the general path would do there. Everything else (a hit, a sparse
 * state, a longer joiner run, a fold of several units) returns to the general path in scanner.ts at that unit.
 *
 * The unit table is built from foldTable (fold.ts flattened), so any change to folding reaches this loop
 * through that one table and nowhere else.
 */
import type { GreedySelection } from './selection';
import { foldTable, KIND_JOINER, KIND_UNIT, SPACED_BIT } from './foldTable';

/** Unit-table entry of a code point that folds to the joiner; any other negative entry is "not plain". */
const JOINER_UNIT = -2;
const NOT_PLAIN = -1;
/** Entry bit set when the folded unit is a spaced-script word char (bit 16, above the 16-bit symbol). */
const SPACED_UNIT = 1 << 16;

/** Ring entry flags, shared with scanner.ts: first unit of a code point's fold, spaced word char, surrogate pair. */
const FIRST = 1;
const SPACED = 2;
const WIDE = 4;
const FLAG_BITS = 3;
// Exported as a list, not as `export const`: a CommonJS build would read an exported const from `exports` per use.
export { FIRST, SPACED, WIDE, FLAG_BITS, JOINER_UNIT, NOT_PLAIN, SPACED_UNIT };

/** Per UTF-16 code unit: the automaton symbol of its one-unit fold (| SPACED_UNIT), JOINER_UNIT, or NOT_PLAIN. */
export function unitTable(symbolOf: Uint16Array): Int32Array {
  const fold = foldTable();
  const units = new Int32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const entry = fold[c];
    const kind = (entry >>> 16) & 3;
    if (kind === KIND_UNIT) units[c] = symbolOf[entry & 0xffff] | ((entry & SPACED_BIT) !== 0 ? SPACED_UNIT : 0);
    else units[c] = kind === KIND_JOINER ? JOINER_UNIT : NOT_PLAIN;
  }
  return units;
}

/** Where a scan stands; fastRun reads it on entry and writes it back on return. */
export interface RunCursor {
  i: number;
  fpos: number;
  /** The automaton's state as the offset of its row in `delta` (state id × stride). */
  row: number;
  tokenStart: number;
  tokensStarted: number;
}

export interface FastTables {
  units: Int32Array;
  delta: Int32Array;
  ring: Int32Array;
  mask: number;
}

/**
 * Advances `c` inside a token as far as the fast path goes. `quiet`: no phrase is open and the selection is
 * exact, so a lone joiner before `joinersBefore` may be stepped over (the selection is flushed there).
 */
export function fastRun(
  text: string,
  c: RunCursor,
  t: FastTables,
  quiet: boolean,
  joinersBefore: number,
  sel: GreedySelection,
): void {
  const { units, delta, ring, mask } = t;
  const n = text.length;
  let { i, fpos, row, tokenStart, tokensStarted } = c;
  while (i < n) {
    const e = units[text.charCodeAt(i)];
    if (e >= 0) {
      const next = delta[row + (e & 0xffff)];
      if (next < 0) break;
      ring[fpos & mask] = (i << FLAG_BITS) | FIRST | ((e >>> 15) & SPACED);
      row = next;
      fpos++;
      i++;
      continue;
    }
    if (e !== JOINER_UNIT || !quiet || i >= joinersBefore || i + 1 >= n || units[text.charCodeAt(i + 1)] < 0) break;
    sel.flush();
    tokenStart = fpos;
    tokensStarted++;
    row = 0;
    i++;
  }
  c.i = i;
  c.fpos = fpos;
  c.row = row;
  c.tokenStart = tokenStart;
  c.tokensStarted = tokensStarted;
}
