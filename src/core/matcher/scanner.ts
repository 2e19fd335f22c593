/**
 * One pass over a stretch of text: fold code point by code point, find word hits with the automaton, check word
 * boundaries and `*` endings, chain words into phrases, and hand candidates to the selection.
 *
 * Text model. The original text is folded per code point (fold.ts). Code points that fold to the joiner form *joiner
 * runs* (soft hyphens and other code points that fold to nothing are transparent and never end a run); everything
 * between two runs is a *token*. Words never contain a joiner, so a word hit lies inside one token, and a term of k
 * words is k word hits in k consecutive tokens, each filling its token up to the joiner it meets. A joiner run holding
 * two or more line breaks (a blank line: a paragraph break) ends every phrase, so a match never spans paragraphs. This
 * bounds a match to at most maxWords - 1 joiner runs, which findInRange relies on (window.ts).
 *
 * Offsets. The folded units of the current token live in a ring buffer (as long as the longest word) holding, per unit
 * and packed into one Int32 (one write per unit in the hot loop), the original start of the code point it came from
 * and three flags: FIRST (first unit of that code point's fold), SPACED (part of a spaced-script word char) and WIDE
 * (the code point is a surrogate pair). A hit may only start on a FIRST unit and end before a FIRST unit (or the token
 * end), so a match never splits a surrogate pair or half of ß→ss; its original end is the end of the code point of its
 * last unit, so a trailing soft hyphen is not included.
 *
 * Boundaries. A word whose first char is a spaced-script word char needs a non-word (or the token start) before it; an
 * exact word whose last char is one needs a non-word after it; a `*` word extends over every following spaced-script
 * word char. Since the character after a hit is only known one code point later, hits wait in a small pending list and
 * are resolved when the next folded code point (or the token end) arrives. Stretches with nothing to decide: fastRun.ts.
 */
import { foldCodePoint, isSpacedWordChar } from '../text';
import type { CompiledTerms } from './compiled';
import { entryBreaks, foldTable, KIND_EMPTY, KIND_JOINER, KIND_UNIT, SPACED_BIT } from './foldTable';
import { fastRun, FIRST, FLAG_BITS, SPACED, unitTable, WIDE, type FastTables, type RunCursor } from './fastRun';
import { GreedySelection } from './selection';
import { PhraseChains } from './phrases';
import type { ScanResult, ScanWindow } from './scanWindow';
/** Original offsets are packed above the flags into an Int32: texts up to 2^28 UTF-16 units (512 MB). */
export const MAX_TEXT_LENGTH = 1 << (31 - FLAG_BITS);

export class Scanner {
  private readonly mask: number;
  private readonly ring: Int32Array;
  private readonly fast: FastTables;
  private readonly cursor: RunCursor = { i: 0, fpos: 0, row: 0, tokenStart: 0, tokensStarted: 0 };
  private tokenStart = 0;
  // Pending word hits, waiting for the next code point (parallel arrays; reused across scans).
  private pendCount = 0;
  private readonly pendWord: number[] = [];
  private readonly pendStar: boolean[] = [];
  private readonly pendEndsSpaced: boolean[] = [];
  private readonly pendOrigStart: number[] = [];
  private readonly pendFoldStart: number[] = [];
  // Partial phrases (phrases.ts): `cur*` may continue with a word at the start of this token, `nxt*` after the next joiner.
  private readonly phrases: PhraseChains;
  private sel = new GreedySelection(0, 0);
  // Where the selection became exact (-1: not yet), and what it takes to get there.
  private exactFrom = -1;
  private exactAfterRuns = 0;
  private runsEnded = 0;
  private runStart = 0;

  constructor(private readonly c: CompiledTerms) {
    this.phrases = new PhraseChains(c);
    let size = 64;
    while (size < c.maxPatternLength + 2) size *= 2;
    this.mask = size - 1;
    this.ring = new Int32Array(size);
    const ac = c.automaton;
    this.fast = { units: unitTable(ac.symbolOf), delta: ac.delta, ring: this.ring, mask: this.mask };
  }

  /** Scans `text` as `w` says. Throws RangeError for texts longer than MAX_TEXT_LENGTH. */
  scan(text: string, w: ScanWindow): ScanResult {
    if (text.length > MAX_TEXT_LENGTH)
      throw new RangeError(`text too long for the matcher (${text.length} UTF-16 units)`);
    const ac = this.c.automaton;
    const { symbolOf, hasOutput, stride, denseCount } = ac;
    const cursor = this.cursor;
    const { ring, mask } = this;
    const table = foldTable();
    const n = text.length;
    this.begin(w);
    let runsAfterTo = 0;
    let inRun = true;
    let lineBreaks = 0;
    let fpos = 0;
    let state = 0;
    let i = w.start;
    while (i < n) {
      if (!inRun && this.pendCount === 0 && state < denseCount) {
        const quiet = this.phrases.curCount === 0 && this.phrases.nxtCount === 0 && this.exactFrom >= 0;
        cursor.i = i;
        cursor.fpos = fpos;
        cursor.row = state * stride;
        cursor.tokenStart = this.tokenStart;
        cursor.tokensStarted = this.runsEnded;
        fastRun(text, cursor, this.fast, quiet, w.to, this.sel);
        i = cursor.i;
        fpos = cursor.fpos;
        state = (cursor.row / stride) | 0;
        this.tokenStart = cursor.tokenStart;
        this.runsEnded = cursor.tokensStarted;
        if (i >= n) break;
      }
      const entry = table[text.charCodeAt(i)];
      const kind = (entry >>> 16) & 3;
      if (kind === KIND_JOINER) {
        if (!inRun) {
          if (this.pendCount > 0) this.resolve(false, true, fpos, true);
          inRun = true;
          this.runStart = i;
          lineBreaks = 0;
          this.phrases.swap();
          if (i >= w.to) {
            runsAfterTo++;
            if ((this.phrases.curCount === 0 && this.exactFrom >= 0) || runsAfterTo >= w.stopRunsAfterTo) break;
          }
        }
        lineBreaks += entryBreaks(entry, text, i);
        if (lineBreaks >= 2) this.phrases.curCount = 0;
        i++;
        continue;
      }
      if (kind === KIND_EMPTY) {
        i++;
        continue;
      }
      if (inRun) {
        inRun = false;
        this.endRun(fpos);
        state = 0;
      }
      if (kind === KIND_UNIT) {
        // The common case: one code unit in, one folded code unit out.
        const spaced = (entry & SPACED_BIT) !== 0;
        if (this.pendCount > 0) this.resolve(spaced, true, fpos, false);
        ring[fpos & mask] = (i << FLAG_BITS) | (spaced ? FIRST | SPACED : FIRST);
        const sym = symbolOf[entry & 0xffff];
        state = ac.step(state, sym);
        fpos++;
        if (hasOutput[state] === 1) this.hits(state, fpos);
        i++;
        continue;
      }
      // Astral code points and folds of several units (ß→ss): decode and fold the slow way.
      let cp = text.charCodeAt(i);
      let len = 1;
      if ((cp & 0xfc00) === 0xd800 && i + 1 < n) {
        const lo = text.charCodeAt(i + 1);
        if ((lo & 0xfc00) === 0xdc00) {
          cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
          len = 2;
        }
      }
      const f = foldCodePoint(cp);
      for (let k = 0; k < f.length;) {
        const fc = f.codePointAt(k) as number;
        const units = fc > 0xffff ? 2 : 1;
        const spaced = isSpacedWordChar(fc);
        if (this.pendCount > 0) this.resolve(spaced, k === 0, fpos, false);
        for (let u = 0; u < units; u++) {
          ring[fpos & mask] =
            (i << FLAG_BITS) | (k === 0 && u === 0 ? FIRST : 0) | (spaced ? SPACED : 0) | (len === 2 ? WIDE : 0);
          const sym = symbolOf[f.charCodeAt(k + u)];
          state = sym === 0 ? 0 : ac.step(state, sym);
          fpos++;
          if (hasOutput[state] === 1) this.hits(state, fpos);
        }
        k += units;
      }
      i += len;
    }
    if (!inRun && this.pendCount > 0) this.resolve(false, true, fpos, true);
    if (this.exactFrom >= 0) this.sel.flush();
    return { matches: this.sel.out, exactFrom: this.exactFrom, reachedEnd: i >= n };
  }

  private begin(w: ScanWindow): void {
    this.sel = new GreedySelection(w.from, w.to);
    this.pendCount = 0;
    this.phrases.clear();
    this.exactFrom = w.startExact ? w.start : -1;
    this.exactAfterRuns = w.exactAfterRuns;
    this.runsEnded = 0;
    this.runStart = w.start;
  }

  /**
   * A joiner run ends and a token begins. If no partial phrase crosses the run, it separates independent
   * segments of the selection: select the segment before it, or (while the state is not yet known) drop it.
   */
  private endRun(fpos: number): void {
    this.runsEnded++;
    this.tokenStart = fpos;
    if (this.phrases.curCount !== 0) return;
    if (this.exactFrom >= 0) this.sel.flush();
    else {
      this.sel.discard();
      if (this.runsEnded >= this.exactAfterRuns) this.exactFrom = this.runStart;
    }
  }

  /** Every pattern ending at folded position `end` in automaton state `state`: check its start, then wait. */
  private hits(state: number, end: number): void {
    const ac = this.c.automaton;
    const { exactWord, starWord, startsSpaced, endsSpaced } = this.c;
    let s = ac.outPattern[state] >= 0 ? state : ac.outNext[state];
    for (; s >= 0; s = ac.outNext[s]) {
      const p = ac.outPattern[s];
      const start = end - ac.patternLength[p];
      const entry = this.ring[start & this.mask];
      if ((entry & FIRST) === 0) continue;
      if (startsSpaced[p] === 1 && start > this.tokenStart && (this.ring[(start - 1) & this.mask] & SPACED) !== 0)
        continue;
      const origStart = entry >>> FLAG_BITS;
      const ex = exactWord[p];
      if (ex >= 0) this.pend(ex, false, endsSpaced[p] === 1, origStart, start);
      const st = starWord[p];
      if (st >= 0) this.pend(st, true, true, origStart, start);
    }
  }

  private pend(word: number, star: boolean, endsSpaced: boolean, origStart: number, foldStart: number): void {
    const j = this.pendCount++;
    this.pendWord[j] = word;
    this.pendStar[j] = star;
    this.pendEndsSpaced[j] = endsSpaced;
    this.pendOrigStart[j] = origStart;
    this.pendFoldStart[j] = foldStart;
  }

  /**
   * The folded code point at `pos` is known (or the token ended there): decide each pending hit. A `*` word
   * keeps extending over spaced-script word chars; an exact word ending in one refuses a following one; a hit
   * may only end where a source code point's fold ends (`boundary`).
   */
  private resolve(nextSpaced: boolean, boundary: boolean, pos: number, tokenEnd: boolean): void {
    let kept = 0;
    const last = this.ring[(pos - 1) & this.mask];
    const end = (last >>> FLAG_BITS) + ((last & WIDE) !== 0 ? 2 : 1);
    for (let j = 0; j < this.pendCount; j++) {
      const star = this.pendStar[j];
      if (star && nextSpaced) {
        if (kept !== j) this.movePending(j, kept);
        kept++;
        continue;
      }
      if (!boundary || (!star && nextSpaced && this.pendEndsSpaced[j])) continue;
      const foldStart = this.pendFoldStart[j];
      this.accept(this.pendWord[j], this.pendOrigStart[j], end, foldStart === this.tokenStart, tokenEnd);
    }
    this.pendCount = kept;
  }

  private movePending(from: number, to: number): void {
    this.pendWord[to] = this.pendWord[from];
    this.pendStar[to] = this.pendStar[from];
    this.pendEndsSpaced[to] = this.pendEndsSpaced[from];
    this.pendOrigStart[to] = this.pendOrigStart[from];
    this.pendFoldStart[to] = this.pendFoldStart[from];
  }

  private accept(word: number, start: number, end: number, atTokenStart: boolean, atTokenEnd: boolean): void {
    this.phrases.accept(this.sel, word, start, end, atTokenStart, atTokenEnd);
  }
}
