/**
 * Leftmost-longest, non-overlapping selection among candidate matches, done in segments.
 *
 * The scanner calls `flush()` at a joiner run that no candidate crosses (a "quiet" run). Every candidate before
 * it ends before it and every later one starts after it, so each segment is selected on its own and the buffer
 * stays small: sorting a few candidates per segment instead of all candidates of a 10 MB text.
 */
export class GreedySelection {
  private starts: number[] = [];
  private ends: number[] = [];
  private terms: number[] = [];
  private count = 0;
  private readonly order: number[] = [];
  /** Selected matches as flat (start, end, term) triples, in text order. */
  readonly out: number[] = [];

  /** Only selected matches that intersect [from, to) are kept in `out`. */
  constructor(
    private readonly from: number,
    private readonly to: number,
  ) {}

  add(start: number, end: number, term: number): void {
    const i = this.count++;
    this.starts[i] = start;
    this.ends[i] = end;
    this.terms[i] = term;
  }

  /** Forgets the buffered candidates (they lie before the part of the text whose state is known). */
  discard(): void {
    this.count = 0;
  }

  /** Selects among the buffered candidates: by start, then longest, then earliest term; skips overlaps. */
  flush(): void {
    const { starts, ends, terms, count } = this;
    this.count = 0;
    if (count === 0) return;
    if (count === 1) {
      this.keep(starts[0], ends[0], terms[0]);
      return;
    }
    const order = this.order;
    order.length = count;
    for (let i = 0; i < count; i++) order[i] = i;
    order.sort((a, b) => starts[a] - starts[b] || ends[b] - ends[a] || terms[a] - terms[b]);
    let lastEnd = -1;
    for (const i of order) {
      const s = starts[i];
      if (s < lastEnd) continue;
      const e = ends[i];
      lastEnd = e;
      this.keep(s, e, terms[i]);
    }
  }

  private keep(start: number, end: number, term: number): void {
    if (start < this.to && end > this.from) this.out.push(start, end, term);
  }
}
