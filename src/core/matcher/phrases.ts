/**
 * Word hits chained into term matches through the phrase trie (compiled.ts), shared by both scanners (scanner.ts
 * and fullScan.ts), so that the two cannot drift apart on what a phrase is.
 *
 * A term of k words is k word hits in k consecutive tokens: every word but the last must end its token (a phrase
 * continues only across the joiner run after it), every word but the first must start its token. `cur*` are the
 * partial phrases the current token may continue; `nxt*` the ones built in it, which the token after the next
 * joiner run may continue.
 */
import type { CompiledTerms } from './compiled';
import type { GreedySelection } from './selection';

export class PhraseChains {
  curNode: number[] = [];
  curStart: number[] = [];
  curCount = 0;
  nxtNode: number[] = [];
  nxtStart: number[] = [];
  nxtCount = 0;

  constructor(private readonly c: CompiledTerms) {}

  /** Forgets every partial phrase. */
  clear(): void {
    this.curCount = 0;
    this.nxtCount = 0;
  }

  /** A word hit passed its checks: it may complete or start a term, or continue a phrase from the last token. */
  accept(
    sel: GreedySelection,
    word: number,
    start: number,
    end: number,
    atTokenStart: boolean,
    atTokenEnd: boolean,
  ): void {
    const c = this.c;
    const node = c.rootChild[word];
    if (node >= 0) {
      const term = c.nodeTerm[node];
      if (term >= 0) sel.add(start, end, term);
      if (atTokenEnd && c.nodeHasChildren[node] === 1) this.push(node, start);
    }
    if (!atTokenStart) return;
    for (let j = 0; j < this.curCount; j++) {
      const next = c.child(this.curNode[j], word);
      if (next < 0) continue;
      const phraseStart = this.curStart[j];
      const term = c.nodeTerm[next];
      if (term >= 0) sel.add(phraseStart, end, term);
      if (atTokenEnd && c.nodeHasChildren[next] === 1) this.push(next, phraseStart);
    }
  }

  /** At a joiner run: the phrases built in the token just ended are the ones the next token may continue. */
  swap(): void {
    const node = this.curNode;
    const start = this.curStart;
    this.curNode = this.nxtNode;
    this.curStart = this.nxtStart;
    this.curCount = this.nxtCount;
    this.nxtNode = node;
    this.nxtStart = start;
    this.nxtCount = 0;
  }

  private push(node: number, start: number): void {
    const j = this.nxtCount++;
    this.nxtNode[j] = node;
    this.nxtStart[j] = start;
  }
}
