/**
 * The full scan of a text (Matcher.find). Same results as Scanner (scanner.ts) scanning the whole text, with less
 * work per hit:
 *
 * - Where every code unit folds to exactly one unit (nearly all text), original and folded offsets coincide. So
 *   the automaton steps over the text itself (fastRun.ts's loop: one read of the unit table, one of the
 *   transition row per unit), no ring of offsets is written, and a hit is decided on the spot by looking at the
 *   text around it (the char before its start, the chars after its end) instead of waiting in a pending list for
 *   the next code point to be folded.
 * - Word hits chain into phrases and candidates are selected exactly as in scanner.ts (the same phrase trie, the
 *   same GreedySelection), segment by segment at joiner runs no phrase crosses.
 *
 * A paragraph holding anything else (a soft hyphen or other char that folds to nothing, a fold of several units
 * such as ß→ss, a surrogate pair) is handed whole to Scanner: a paragraph break is a point that no candidate
 * crosses, so the two scans' results join there without a seam. The differential test
 * (test/unit/matcher.fullScan.test.ts) holds both to the same matches.
 */
import type { CompiledTerms } from './compiled';
import { entryBreaks, foldTable, KIND_EMPTY, KIND_JOINER } from './foldTable';
import { GreedySelection } from './selection';
import { PhraseChains } from './phrases';
import { JOINER_UNIT, SPACED_UNIT, unitTable } from './fastRun';
import type { Scanner } from './scanner';

export class FullScanner {
  private readonly table = foldTable();
  private sel = new GreedySelection(0, 0);
  // Partial phrases (phrases.ts): `cur*` may continue with a word at the start of this token, `nxt*` after the next joiner.
  private readonly phrases: PhraseChains;

  /** fastRun.ts's unit table: the automaton symbol of a unit's one-unit fold (| SPACED_UNIT), or JOINER_UNIT, NOT_PLAIN. */
  private readonly units: Int32Array;

  constructor(
    private readonly c: CompiledTerms,
    private readonly fallback: Scanner,
  ) {
    this.units = unitTable(c.automaton.symbolOf);
    this.phrases = new PhraseChains(c);
  }

  /** Every match of the text as flat (start, end, term) triples, exactly as Scanner's scan of the whole text. */
  scan(text: string): number[] {
    const units = this.units;
    const ac = this.c.automaton;
    const { delta, stride, denseCount, hasOutput } = ac;
    const table = this.table;
    const breaksOf = entryBreaks;
    const joinerUnit = JOINER_UNIT;
    const n = text.length;
    const sel = (this.sel = new GreedySelection(0, n));
    this.phrases.clear();
    let inRun = true;
    let lineBreaks = 0;
    let runStart = 0;
    let tokenStart = 0;
    // The automaton's state: its row offset while it has a dense row and ends no pattern, else -(state + 1).
    let row = 0;
    let paraStart = 0;
    let outMark = 0;
    let i = 0;
    while (i < n) {
      const e = units[text.charCodeAt(i)];
      if (e >= 0) {
        if (inRun) {
          inRun = false;
          tokenStart = i;
          row = 0;
          if (this.phrases.curCount === 0) sel.flush();
        }
        let sym = e & 0xffff;
        let t: number;
        if (row >= 0) {
          // The tight loop: units that lead to a dense state ending no pattern, until a hit, a joiner or the end.
          let next = delta[row + sym];
          while (next >= 0) {
            row = next;
            if (++i >= n) break;
            const u = units[text.charCodeAt(i)];
            if (u < 0) break;
            sym = u & 0xffff;
            next = delta[row + sym];
          }
          if (next >= 0) continue;
          t = -next - 1;
        } else t = ac.step(-row - 1, sym);
        row = t < denseCount && hasOutput[t] === 0 ? t * stride : -t - 1;
        i++;
        if (hasOutput[t] === 1) this.hitsAt(text, t, i, tokenStart);
        continue;
      }
      if (e === joinerUnit) {
        if (!inRun) {
          inRun = true;
          runStart = i;
          lineBreaks = 0;
          this.phrases.swap();
        }
        const before = lineBreaks;
        lineBreaks += breaksOf(table[text.charCodeAt(i)], text, i);
        if (lineBreaks >= 2 && before < 2) {
          this.phrases.curCount = 0;
          sel.flush();
          paraStart = runStart;
          outMark = sel.out.length;
        }
        i++;
        continue;
      }
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
      this.phrases.clear();
      i = paraEnd;
      inRun = false;
      outMark = sel.out.length;
      paraStart = paraEnd;
    }
    sel.flush();
    return sel.out;
  }

  /**
   * Every pattern ending just before `end` in automaton state `state`, checked against the text around it: a
   * spaced-script start needs the token start or a non-word char before it; an exact word ending in a word char
   * refuses a word char after it; a `*` word takes every word char after it.
   */
  private hitsAt(text: string, state: number, end: number, tokenStart: number): void {
    const c = this.c;
    const ac = c.automaton;
    const { outPattern, outNext, patternLength } = ac;
    const units = this.units;
    const n = text.length;
    // Imported constants as locals: a CommonJS build reads each from its module per use.
    const spacedUnit = SPACED_UNIT;
    const joinerUnit = JOINER_UNIT;
    for (let s = outPattern[state] >= 0 ? state : outNext[state]; s >= 0; s = outNext[s]) {
      const p = outPattern[s];
      const start = end - patternLength[p];
      if (c.startsSpaced[p] === 1 && start > tokenStart && (units[text.charCodeAt(start - 1)] & spacedUnit) !== 0)
        continue;
      const ex = c.exactWord[p];
      if (ex >= 0) {
        const after = end < n ? units[text.charCodeAt(end)] : joinerUnit;
        if (!(c.endsSpaced[p] === 1 && after >= 0 && (after & spacedUnit) !== 0))
          this.accept(ex, start, end, start === tokenStart, after === joinerUnit);
      }
      const st = c.starWord[p];
      if (st >= 0) {
        let e = end;
        let after = e < n ? units[text.charCodeAt(e)] : joinerUnit;
        while (after >= 0 && (after & spacedUnit) !== 0) after = ++e < n ? units[text.charCodeAt(e)] : joinerUnit;
        this.accept(st, start, e, start === tokenStart, after === joinerUnit);
      }
    }
  }

  private accept(word: number, start: number, end: number, atTokenStart: boolean, atTokenEnd: boolean): void {
    this.phrases.accept(this.sel, word, start, end, atTokenStart, atTokenEnd);
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
