/**
 * The full scan of a text (Matcher.find), word by word. Same results as Scanner (scanner.ts) scanning the whole
 * text, found with less work per character:
 *
 * - Where every code unit folds to exactly one unit (nearly all text), original and folded offsets coincide, so
 *   no ring of offsets is kept and a word's bounds are plain offsets.
 * - A run of spaced-script word chars is hashed as it is read (one multiply per unit) and looked up once at its
 *   end: an exact word must fill the run, a `*` stem must begin it (wordTables.ts says why). Only stems' lengths
 *   are probed on the way, in a table a quarter full.
 * - Patterns of any other kind (Chinese, or with punctuation) are found by a small automaton over those patterns
 *   only, run over just the tokens that hold a char that is not a spaced-script word char.
 * - Word hits chain into phrases and candidates are selected exactly as in scanner.ts (the same phrase trie, the
 *   same GreedySelection), segment by segment at joiner runs no phrase crosses.
 *
 * A paragraph holding anything else (a soft hyphen or other char that folds to nothing, a fold of several units
 * such as ß→ss, a surrogate pair) is handed whole to Scanner: a paragraph break is a point that no candidate
 * crosses, so the two scans' results join there without a seam. The differential test
 * (test/unit/matcher.fullScan.test.ts) holds both to the same matches.
 */
import type { CompiledTerms } from './compiled';
import { entryBreaks, foldTable, KIND_EMPTY, KIND_JOINER, KIND_UNIT, SPACED_BIT } from './foldTable';
import { GreedySelection } from './selection';
import type { Scanner } from './scanner';
import { HASH_PRIME, HASH_SEED, START_KEY_BITS } from './wordTables';

/** An entry of foldTable that is a one-unit fold to a spaced-script word char: kind bits 0, spaced bit set. */
const SPACED_MASK = (3 << 16) | SPACED_BIT;

let signedTable: Int32Array | undefined;

/** foldTable as an Int32Array (its entries use 21 bits): V8 keeps Int32 loads in registers, Uint32 ones not always. */
function fold32(): Int32Array {
  signedTable ??= Int32Array.from(foldTable());
  return signedTable;
}

export class FullScanner {
  private readonly table = fold32();
  private sel = new GreedySelection(0, 0);
  // Partial phrases, as in scanner.ts: `cur*` may continue at the start of this token, `nxt*` after the next run.
  private curNode: number[] = [];
  private curStart: number[] = [];
  private curCount = 0;
  private nxtNode: number[] = [];
  private nxtStart: number[] = [];
  private nxtCount = 0;
  /** `*` patterns whose stem hashed equal to a prefix of the current run (confirmed at the run's end). */
  private readonly starHits: number[] = [];
  private readonly starHitLength: number[] = [];

  constructor(
    private readonly c: CompiledTerms,
    private readonly fallback: Scanner,
  ) {}

  /** Every match of the text as flat (start, end, term) triples, exactly as Scanner's scan of the whole text. */
  scan(text: string): number[] {
    // Imported constants and functions as locals: a CommonJS build would read each from its module per use.
    const prime = HASH_PRIME;
    const seed = HASH_SEED;
    const spacedMask = SPACED_MASK;
    const spacedBit = SPACED_BIT;
    const kindJoiner = KIND_JOINER;
    const kindUnit = KIND_UNIT;
    const breaksOf = entryBreaks;
    const { table } = this;
    const w = this.c.words;
    const { exactLengths, starLengths, shortLengths } = w;
    const shortExact = (shortLengths & 1) !== 0;
    const shortStar = (shortLengths & 2) !== 0;
    const keyShift = 32 - START_KEY_BITS;
    const starMask = w.star.mask;
    const starHash = w.star.hash;
    const starPattern = w.star.pattern;
    const starHits = this.starHits;
    const starHitLength = this.starHitLength;
    const checkOther = w.otherPattern.length > 0;
    const n = text.length;
    const sel = (this.sel = new GreedySelection(0, n));
    this.curCount = 0;
    this.nxtCount = 0;
    let inRun = true;
    let lineBreaks = 0;
    let runStart = 0;
    let tokenStart = 0;
    let tokenHasOther = false;
    // The start of the current paragraph (a joiner run with two line breaks, or 0) and the output length there.
    let paraStart = 0;
    let outMark = 0;
    let i = 0;
    while (i < n) {
      let e = table[text.charCodeAt(i)];
      if ((e & spacedMask) === spacedBit) {
        if (inRun) {
          inRun = false;
          tokenStart = i;
          tokenHasOther = false;
          if (this.curCount === 0) sel.flush();
        }
        // A run of spaced-script word chars: hash it, noting the stems it begins with. From its second unit on,
        // `stems` holds the lengths of the stems that begin with its first two units (startKey, written out).
        const a = i;
        const u0 = e & 0xffff;
        let key = -1;
        let h = seed;
        let len = 0;
        let stars = 0;
        let stems = shortStar ? 2 : 0;
        for (;;) {
          h = Math.imul(h ^ (e & 0xffff), prime);
          len++;
          i++;
          if (len === 2) {
            key = (Math.imul(u0, 0x9e3779b1) ^ (e & 0xffff)) >>> keyShift;
            stems = starLengths[key];
          }
          if (((len < 31 ? stems >>> len : stems >>> 31) & 1) !== 0) {
            // slotOf (wordTables.ts), written out.
            for (let s = (h ^ (h >>> 15) ^ (h >>> 24)) & starMask; starPattern[s] >= 0; s = (s + 1) & starMask) {
              if (starHash[s] === h) {
                starHits[stars] = starPattern[s];
                starHitLength[stars++] = len;
              }
            }
          }
          if (i >= n) break;
          e = table[text.charCodeAt(i)];
          if ((e & spacedMask) !== spacedBit) break;
        }
        const exacts = key < 0 ? (shortExact ? 2 : 0) : exactLengths[key];
        if (stars > 0 || ((len < 31 ? exacts >>> len : exacts >>> 31) & 1) !== 0) {
          const atEnd = i >= n || ((e >>> 16) & 3) === kindJoiner;
          this.runWords(text, a, i, h, stars, a === tokenStart, atEnd);
        }
        continue;
      }
      const kind = (e >>> 16) & 3;
      if (kind === kindJoiner) {
        if (!inRun) {
          if (tokenHasOther && checkOther) this.otherWords(text, tokenStart, i);
          inRun = true;
          runStart = i;
          lineBreaks = 0;
          this.swapPhrases();
        }
        const before = lineBreaks;
        lineBreaks += breaksOf(e, text, i);
        if (lineBreaks >= 2 && before < 2) {
          // A paragraph break: no phrase crosses it, every candidate before it is final.
          this.curCount = 0;
          sel.flush();
          paraStart = runStart;
          outMark = sel.out.length;
        }
        i++;
        continue;
      }
      if (kind === kindUnit) {
        if (inRun) {
          inRun = false;
          tokenStart = i;
          if (this.curCount === 0) sel.flush();
        }
        tokenHasOther = true;
        i++;
        continue;
      }
      // A char that does not fold to one unit: the whole paragraph goes to the general scanner.
      const paraEnd = nextParagraphBreak(text, paraStart);
      sel.discard();
      sel.out.length = outMark;
      const r = this.fallback.scan(text, {
        start: paraStart,
        startExact: true,
        exactAfterRuns: 0,
        from: paraStart,
        to: paraEnd,
        stopRunsAfterTo: 1,
      });
      for (const x of r.matches) sel.out.push(x);
      this.curCount = 0;
      this.nxtCount = 0;
      // Resume at the paragraph break as if a token had just ended there (nothing is pending at that point).
      i = paraEnd;
      inRun = false;
      tokenHasOther = false;
      outMark = sel.out.length;
      paraStart = paraEnd;
    }
    if (!inRun && tokenHasOther && checkOther) this.otherWords(text, tokenStart, n);
    sel.flush();
    return sel.out;
  }

  /** The run [a, b) of spaced-script word chars ended (h: its hash): accept the exact word and the stems it has. */
  private runWords(
    text: string,
    a: number,
    b: number,
    h: number,
    stars: number,
    atStart: boolean,
    atEnd: boolean,
  ): void {
    const c = this.c;
    const w = c.words;
    const len = b - a;
    if (len <= c.maxPatternLength) {
      const { mask, hash, pattern } = w.exact;
      for (let s = (h ^ (h >>> 15) ^ (h >>> 24)) & mask; pattern[s] >= 0; s = (s + 1) & mask) {
        const p = pattern[s];
        if (hash[s] === h && w.patternStart[p + 1] - w.patternStart[p] === len && this.same(text, a, p, len))
          this.accept(c.exactWord[p], a, b, atStart, atEnd);
      }
    }
    for (let k = 0; k < stars; k++) {
      const p = this.starHits[k];
      if (this.same(text, a, p, this.starHitLength[k])) this.accept(c.starWord[p], a, b, atStart, atEnd);
    }
  }

  /** True when the folded text at `a` spells pattern `p` (its `len` units): a hash hit confirmed. */
  private same(text: string, a: number, p: number, len: number): boolean {
    const { units, patternStart } = this.c.words;
    const table = this.table;
    const from = patternStart[p];
    if (patternStart[p + 1] - from !== len) return false;
    for (let k = 0; k < len; k++) if (units[from + k] !== (table[text.charCodeAt(a + k)] & 0xffff)) return false;
    return true;
  }

  private spaced(text: string, i: number): boolean {
    return (this.table[text.charCodeAt(i)] & SPACED_BIT) !== 0;
  }

  /**
   * The token [ts, te) holds a char that is not a spaced-script word char: find the other patterns in it, with
   * the boundary checks and `*` endings of scanner.ts (every unit here is a whole code point's one-unit fold).
   */
  private otherWords(text: string, ts: number, te: number): void {
    const c = this.c;
    const { other, otherPattern } = c.words;
    const { symbolOf, delta, stride, denseCount, hasOutput, outPattern, outNext, patternLength } = other;
    const table = this.table;
    // As fastRun.ts: the state as the offset of its dense row while it has one and ends no pattern.
    let row = 0;
    for (let i = ts; i < te; i++) {
      const sym = symbolOf[table[text.charCodeAt(i)] & 0xffff];
      if (sym === 0) {
        row = 0;
        continue;
      }
      const v = row >= 0 ? delta[row + sym] : -1;
      if (v >= 0) {
        row = v;
        continue;
      }
      // A sparse state, or one that ends a pattern: the careful step.
      const state = row >= 0 ? -v - 1 : other.step(-row - 1, sym);
      row = state < denseCount && hasOutput[state] === 0 ? state * stride : -state - 1;
      if (hasOutput[state] === 0) continue;
      const end = i + 1;
      for (let s = outPattern[state] >= 0 ? state : outNext[state]; s >= 0; s = outNext[s]) {
        const g = otherPattern[outPattern[s]];
        const start = end - patternLength[outPattern[s]];
        if (c.startsSpaced[g] === 1 && start > ts && this.spaced(text, start - 1)) continue;
        const ex = c.exactWord[g];
        if (ex >= 0 && !(c.endsSpaced[g] === 1 && end < te && this.spaced(text, end)))
          this.accept(ex, start, end, start === ts, end === te);
        const st = c.starWord[g];
        if (st >= 0) {
          let e = end;
          while (e < te && this.spaced(text, e)) e++;
          this.accept(st, start, e, start === ts, e === te);
        }
      }
    }
  }

  /** A word hit passed its checks: as Scanner.accept (scanner.ts). */
  private accept(word: number, start: number, end: number, atTokenStart: boolean, atTokenEnd: boolean): void {
    const c = this.c;
    const node = c.rootChild[word];
    if (node >= 0) {
      const term = c.nodeTerm[node];
      if (term >= 0) this.sel.add(start, end, term);
      if (atTokenEnd && c.nodeHasChildren[node] === 1) this.pushPhrase(node, start);
    }
    if (!atTokenStart) return;
    for (let j = 0; j < this.curCount; j++) {
      const next = c.child(this.curNode[j], word);
      if (next < 0) continue;
      const phraseStart = this.curStart[j];
      const term = c.nodeTerm[next];
      if (term >= 0) this.sel.add(phraseStart, end, term);
      if (atTokenEnd && c.nodeHasChildren[next] === 1) this.pushPhrase(next, phraseStart);
    }
  }

  private pushPhrase(node: number, start: number): void {
    const j = this.nxtCount++;
    this.nxtNode[j] = node;
    this.nxtStart[j] = start;
  }

  private swapPhrases(): void {
    const node = this.curNode;
    const start = this.curStart;
    this.curNode = this.nxtNode;
    this.curStart = this.nxtStart;
    this.curCount = this.nxtCount;
    this.nxtNode = node;
    this.nxtStart = start;
    this.nxtCount = 0;
  }
}

/**
 * Offset of the first joiner of the first joiner run after `from` that holds two line breaks (a paragraph
 * break, counted as scanner.ts counts it: chars that fold to nothing do not end a run), or the text length.
 */
export function nextParagraphBreak(text: string, from: number): number {
  const table = foldTable();
  let inRun = false;
  let runStart = 0;
  let breaks = 0;
  for (let i = from; i < text.length; i++) {
    const e = table[text.charCodeAt(i)];
    const kind = (e >>> 16) & 3;
    if (kind === KIND_JOINER) {
      if (!inRun) {
        inRun = true;
        runStart = i;
        breaks = 0;
      }
      breaks += entryBreaks(e, text, i);
      if (breaks >= 2 && runStart > from) return runStart;
    } else if (kind !== KIND_EMPTY) inRun = false;
  }
  return text.length;
}
