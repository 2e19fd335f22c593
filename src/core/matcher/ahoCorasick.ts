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
 * - The root's transitions are a dense array (the root is where the scan spends most of its time); every other
 *   state keeps its goto edges in a CSR slice (`edgeStart[s] .. edgeStart[s + 1]`, sorted by symbol) and falls
 *   back along `fail`. The amortised cost per unit is constant, independent of the number of patterns.
 * - `outPattern[s]` is the pattern ending exactly at state s (or -1); `outNext[s]` is the nearest state on the
 *   fail chain that has a pattern (or -1), so all hits at a position are listed without walking the chain.
 */
export class AhoCorasick {
  /** Code unit -> symbol (0: the unit occurs in no pattern). */
  readonly symbolOf: Uint16Array;
  readonly rootNext: Int32Array;
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

    // A plain trie first (Map children), flattened afterwards.
    const children: Map<number, number>[] = [new Map<number, number>()];
    const outPattern: number[] = [-1];
    this.patternLength = new Int32Array(patterns.length);
    patterns.forEach((p, id) => {
      if (p.length === 0) throw new RangeError('empty pattern');
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const sym = this.symbolOf[p.charCodeAt(i)];
        const node = children[s];
        let next = node.get(sym);
        if (next === undefined) {
          next = children.length;
          children.push(new Map<number, number>());
          outPattern.push(-1);
          node.set(sym, next);
        }
        s = next;
      }
      if (outPattern[s] !== -1) throw new RangeError(`duplicate pattern '${p}'`);
      outPattern[s] = id;
      this.patternLength[id] = p.length;
    });

    const n = children.length;
    this.stateCount = n;
    this.outPattern = Int32Array.from(outPattern);
    this.fail = new Int32Array(n);
    this.outNext = new Int32Array(n).fill(-1);
    this.hasOutput = new Uint8Array(n);
    this.rootNext = new Int32Array(symbols + 1);
    this.edgeStart = new Int32Array(n + 1);
    let edges = 0;
    for (let s = 0; s < n; s++) {
      this.edgeStart[s] = edges;
      if (s !== 0) edges += (children[s]).size;
    }
    this.edgeStart[n] = edges;
    this.edgeSymbol = new Uint16Array(edges);
    this.edgeTarget = new Int32Array(edges);
    for (let s = 1; s < n; s++) {
      const sorted = [...(children[s])].sort((a, b) => a[0] - b[0]);
      let e = this.edgeStart[s];
      for (const [sym, t] of sorted) {
        this.edgeSymbol[e] = sym;
        this.edgeTarget[e++] = t;
      }
    }

    // Breadth-first: fail links and output links of a state depend only on shallower states.
    const queue: number[] = [];
    for (const [sym, t] of children[0]) {
      this.rootNext[sym] = t;
      queue.push(t);
    }
    for (let head = 0; head < queue.length; head++) {
      const s = queue[head];
      const f = this.fail[s];
      this.outNext[s] = (this.outPattern[f]) >= 0 ? f : (this.outNext[f]);
      this.hasOutput[s] = (this.outPattern[s]) >= 0 || (this.outNext[s]) >= 0 ? 1 : 0;
      for (const [sym, t] of children[s]) {
        this.fail[t] = this.step(f, sym);
        queue.push(t);
      }
    }
  }

  /** The state after reading `sym` in state `s` (goto, else fail links down to the dense root row). */
  step(s: number, sym: number): number {
    if (sym === 0) return 0;
    const { edgeStart, edgeSymbol, edgeTarget, fail, rootNext } = this;
    for (;;) {
      if (s === 0) return rootNext[sym];
      const end = edgeStart[s + 1];
      for (let e = edgeStart[s]; e < end; e++) {
        const es = edgeSymbol[e];
        if (es === sym) return edgeTarget[e];
        if (es > sym) break;
      }
      s = fail[s];
    }
  }
}
