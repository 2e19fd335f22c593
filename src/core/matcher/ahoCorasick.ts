/**
 * An Aho–Corasick automaton over UTF-16 code units, flattened into typed arrays.
 *
 * Why code units and not code points: the folded text is a JS string, and stepping over its units needs no
 * decoding. Patterns are whole, well-formed folded words, so a hit can never begin or end inside a surrogate
 * pair of the folded text.
 *
 * Layout (built once per codebook, then read-only):
 * - `symbolOf` maps each code unit to a dense symbol; units that occur in no pattern map to 0, which from every
 *   state leads back to the root, so most of a text costs one table read and one comparison per unit.
 * - States are numbered breadth-first. The shallowest ones, where a scan spends nearly all its time, get full DFA
 *   rows (`delta`, fail links already folded in: one read per unit) within a fixed memory budget; deeper states
 *   keep their goto edges in a CSR slice (`edgeStart[s] .. edgeStart[s + 1]`, sorted by symbol) and fall back
 *   along `fail` until they reach a dense state. The amortised cost per unit is constant, independent of the
 *   number of patterns.
 * - `outPattern[s]` is the pattern ending exactly at state s (or -1); `outNext[s]` is the nearest state on the
 *   fail chain that has a pattern (or -1), so all hits at a position are listed without walking the chain.
 */
/** At most this many dense transition cells (Int32): 8 MB, enough for every state of a few hundred terms. */
const DENSE_CELLS = 1 << 21;

export class AhoCorasick {
  /** Code unit -> symbol (0: the unit occurs in no pattern). */
  readonly symbolOf: Uint16Array;
  /** Row length of `delta`: the number of symbols plus one (symbol 0). */
  readonly stride: number;
  /** States below this id have a dense row in `delta`. Always at least 1 (the root). */
  readonly denseCount: number;
  /**
   * Dense transitions for s < denseCount, read at `s * stride + sym`. A cell holds the target already multiplied
   * by `stride` (the next row's offset, so the scanner's inner loop is one add and one read per unit) when the
   * target is dense and ends no pattern; otherwise `-(target + 1)`, which sends the scanner to its careful path.
   */
  readonly delta: Int32Array;
  readonly edgeStart: Int32Array;
  readonly edgeSymbol: Uint16Array;
  readonly edgeTarget: Int32Array;
  readonly fail: Int32Array;
  readonly outPattern: Int32Array;
  readonly outNext: Int32Array;
  /** 1 when the state or a state on its fail chain ends a pattern: the scan's only per-unit output test. */
  readonly hasOutput: Uint8Array;
  /** Length in code units of each pattern. */
  readonly patternLength: Int32Array;
  readonly stateCount: number;
  /** False while the constructor fills `delta` with plain target ids. */
  private encoded = false;

  /** Builds the automaton; `patterns` must be distinct, non-empty strings (pattern id = index). */
  constructor(patterns: readonly string[]) {
    this.symbolOf = new Uint16Array(0x10000);
    let symbols = 0;
    for (const p of patterns) {
      for (let i = 0; i < p.length; i++) {
        const u = p.charCodeAt(i);
        if (this.symbolOf[u] === 0) {
          if (symbols === 0xfffe) throw new RangeError('too many distinct characters in the codebook terms');
          this.symbolOf[u] = ++symbols;
        }
      }
    }
    this.stride = symbols + 1;

    // A plain trie first (Map children, ids in insertion order), renumbered breadth-first afterwards.
    const trie: Map<number, number>[] = [new Map<number, number>()];
    const trieOut: number[] = [-1];
    this.patternLength = new Int32Array(patterns.length);
    patterns.forEach((p, id) => {
      if (p.length === 0) throw new RangeError('empty pattern');
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const sym = this.symbolOf[p.charCodeAt(i)];
        const node = trie[s];
        let next = node.get(sym);
        if (next === undefined) {
          next = trie.length;
          trie.push(new Map<number, number>());
          trieOut.push(-1);
          node.set(sym, next);
        }
        s = next;
      }
      if (trieOut[s] !== -1) throw new RangeError(`duplicate pattern '${p}'`);
      trieOut[s] = id;
      this.patternLength[id] = p.length;
    });
    const n = trie.length;
    const order = [0];
    for (let head = 0; head < order.length; head++) for (const t of trie[order[head]].values()) order.push(t);
    const id = new Int32Array(n);
    order.forEach((old, nu) => (id[old] = nu));

    this.stateCount = n;
    this.outPattern = Int32Array.from(order, (old) => trieOut[old]);
    this.fail = new Int32Array(n);
    this.outNext = new Int32Array(n).fill(-1);
    this.hasOutput = new Uint8Array(n);
    this.edgeStart = new Int32Array(n + 1);
    let edges = 0;
    for (let s = 0; s < n; s++) {
      this.edgeStart[s] = edges;
      edges += trie[order[s]].size;
    }
    this.edgeStart[n] = edges;
    this.edgeSymbol = new Uint16Array(edges);
    this.edgeTarget = new Int32Array(edges);
    for (let s = 0; s < n; s++) {
      const sorted = [...trie[order[s]]].sort((a, b) => a[0] - b[0]);
      let e = this.edgeStart[s];
      for (const [sym, t] of sorted) {
        this.edgeSymbol[e] = sym;
        this.edgeTarget[e++] = id[t];
      }
    }

    // In breadth-first order a state's fail target and its dense row come before the state itself.
    this.denseCount = Math.max(1, Math.min(n, Math.floor(DENSE_CELLS / this.stride)));
    this.delta = new Int32Array(this.denseCount * this.stride);
    for (let s = 0; s < n; s++) {
      const f = this.fail[s];
      if (s !== 0) {
        this.outNext[s] = this.outPattern[f] >= 0 ? f : this.outNext[f];
        if (s < this.denseCount) this.delta.copyWithin(s * this.stride, f * this.stride, (f + 1) * this.stride);
      }
      this.hasOutput[s] = this.outPattern[s] >= 0 || this.outNext[s] >= 0 ? 1 : 0;
      for (let e = this.edgeStart[s]; e < this.edgeStart[s + 1]; e++) {
        const sym = this.edgeSymbol[e];
        const t = this.edgeTarget[e];
        this.fail[t] = s === 0 ? 0 : this.step(f, sym);
        if (s < this.denseCount) this.delta[s * this.stride + sym] = t;
      }
    }
    this.encoded = true;
    for (let k = 0; k < this.delta.length; k++) {
      const t = this.delta[k];
      this.delta[k] = t < this.denseCount && this.hasOutput[t] === 0 ? t * this.stride : -(t + 1);
    }
  }

  /** The state after reading `sym` in state `s`: goto, else fail links down to a state with a dense row. */
  step(s: number, sym: number): number {
    if (sym === 0) return 0;
    const { edgeStart, edgeSymbol, edgeTarget, fail, stride, denseCount } = this;
    for (;;) {
      if (s < denseCount) return this.target(s * stride + sym);
      const end = edgeStart[s + 1];
      for (let e = edgeStart[s]; e < end; e++) {
        const es = edgeSymbol[e];
        if (es === sym) return edgeTarget[e];
        if (es > sym) break;
      }
      s = fail[s];
    }
  }

  /** The target state id of dense cell `index` (plain ids while the constructor is still filling the rows). */
  private target(index: number): number {
    const v = this.delta[index];
    if (!this.encoded) return v;
    return v >= 0 ? (v / this.stride) | 0 : -v - 1;
  }
}
