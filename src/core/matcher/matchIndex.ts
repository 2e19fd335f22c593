/**
 * A document's matches, kept so that one edit costs about the same however many matches the document has.
 *
 * A flat sorted array would have to be copied or shifted whole on every keystroke (at 10 M characters that was
 * 97–99 % of an update: p95 11–23 ms). Here the matches live in blocks of a few hundred, and every block carries
 * a lazy offset delta (`shift`): an edit removes and inserts matches in one block, moves the rest of that block
 * in place, and adds its length difference to the `shift` of each later block, a few hundred additions rather
 * than a few hundred thousand object copies. Readers get fresh objects with true offsets, so no caller ever sees
 * (or can disturb) a stored entry.
 */
import type { TermMatch } from './matcher';

interface Block {
  /** Sorted, non-overlapping; the true offsets are start + shift and end + shift. */
  items: TermMatch[];
  shift: number;
}

/** Where a match is (or would be inserted): block index and index inside that block. */
interface Position {
  block: number;
  index: number;
}

const DEFAULT_BLOCK_SIZE = 256;

export class MatchIndex {
  private blocks: Block[] = [];
  private total = 0;

  /** `sorted` as find() returns it (sorted by start, non-overlapping); the objects are copied. */
  constructor(
    sorted: readonly TermMatch[],
    private readonly blockSize = DEFAULT_BLOCK_SIZE,
  ) {
    if (!Number.isInteger(blockSize) || blockSize < 1)
      throw new RangeError(`block size must be a positive integer, not ${blockSize}`);
    for (let i = 0; i < sorted.length; i += blockSize) {
      this.blocks.push({ items: sorted.slice(i, i + blockSize).map((m) => ({ ...m })), shift: 0 });
    }
    this.total = sorted.length;
  }

  get size(): number {
    return this.total;
  }

  /** The matches that intersect [from, to) (end > from and start < to), in order, with true offsets. */
  inRange(from: number, to: number): TermMatch[] {
    const out: TermMatch[] = [];
    for (let p = this.firstEndingAfter(from); p.block < this.blocks.length; p = { block: p.block + 1, index: 0 }) {
      const { items, shift } = this.blocks[p.block];
      for (let i = p.index; i < items.length; i++) {
        const m = items[i];
        if (m.start + shift >= to) return out;
        out.push({ ...m, start: m.start + shift, end: m.end + shift });
      }
    }
    return out;
  }

  /** Every match, in order, with true offsets. */
  all(): TermMatch[] {
    return this.inRange(-Infinity, Infinity);
  }

  /**
   * Follows one text change: the matches it touches go (those ending exactly where it starts too, since such a
   * match may grow or end with it), the matches after it move by its length difference. The caller re-scans.
   */
  applyChange(rangeOffset: number, rangeLength: number, insertedLength: number): void {
    this.splice(
      this.firstEndingAfter(rangeOffset - 1),
      rangeOffset + rangeLength + 1,
      [],
      insertedLength - rangeLength,
    );
  }

  /** Replaces the matches intersecting [from, to) by `found` (sorted, all inside the span they replace). */
  replace(from: number, to: number, found: readonly TermMatch[]): void {
    this.splice(this.firstEndingAfter(from), to, found, 0);
  }

  /** The first match whose true end is after `offset`. */
  private firstEndingAfter(offset: number): Position {
    let lo = 0;
    let hi = this.blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const b = this.blocks[mid];
      if (b.items[b.items.length - 1].end + b.shift <= offset) lo = mid + 1;
      else hi = mid;
    }
    if (lo === this.blocks.length) return { block: lo, index: 0 };
    const { items, shift } = this.blocks[lo];
    let i = 0;
    let j = items.length;
    while (i < j) {
      const mid = (i + j) >> 1;
      if (items[mid].end + shift <= offset) i = mid + 1;
      else j = mid;
    }
    return { block: lo, index: i };
  }

  /**
   * From position `at`, removes the matches that start before `startBelow`, inserts `insert` (true offsets)
   * there, and moves every later match by `delta`.
   */
  private splice(at: Position, startBelow: number, insert: readonly TermMatch[], delta: number): void {
    if (at.block === this.blocks.length) {
      // Past the last match: append to the last block (or a first block).
      if (this.blocks.length === 0) this.blocks.push({ items: [], shift: 0 });
      at = { block: this.blocks.length - 1, index: this.blocks[this.blocks.length - 1].items.length };
    }
    const home = this.blocks[at.block];
    let end = at.index;
    while (end < home.items.length && home.items[end].start + home.shift < startBelow) end++;
    let removed = end - at.index;
    const inserted = insert.map((m) => ({ ...m, start: m.start - home.shift, end: m.end - home.shift }));
    const tail = home.items.slice(end);
    for (const m of tail) {
      m.start += delta;
      m.end += delta;
    }
    home.items = [...home.items.slice(0, at.index), ...inserted, ...tail];
    // Removal may run on into later blocks (a long deletion): cut their leading matches too.
    if (tail.length === 0) {
      for (let next = at.block + 1; next < this.blocks.length; next++) {
        const b = this.blocks[next];
        let k = 0;
        while (k < b.items.length && b.items[k].start + b.shift < startBelow) k++;
        removed += k;
        b.items.splice(0, k);
        if (b.items.length > 0) break;
      }
    }
    for (let b = at.block + 1; b < this.blocks.length; b++) this.blocks[b].shift += delta;
    this.total += insert.length - removed;
    this.rebalance(at.block);
  }

  /** Keeps blocks between empty and twice the block size around the block just edited (and drops empty ones). */
  private rebalance(around: number): void {
    const home = this.blocks[around];
    if (home.items.length > 2 * this.blockSize) {
      const pieces: Block[] = [];
      for (let i = 0; i < home.items.length; i += this.blockSize)
        pieces.push({ items: home.items.slice(i, i + this.blockSize), shift: home.shift });
      this.blocks.splice(around, 1, ...pieces);
    }
    if (this.blocks.some((b) => b.items.length === 0)) this.blocks = this.blocks.filter((b) => b.items.length > 0);
  }
}
