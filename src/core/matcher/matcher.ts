/**
 * Finds every codebook term in a text: leftmost-longest, non-overlapping, with exact UTF-16 offsets.
 *
 * Semantics (see also scanner.ts):
 * - Terms and text are folded alike (fold.ts): case, quotes, hyphen and space variants, ё/е, soft hyphens.
 * - Runs of spaces, line breaks and hyphens are one joiner, so "digital\n  sovereignty" and
 *   "digital-sovereignty" both match the term "digital sovereignty". A blank line (two or more line breaks in
 *   one run) ends a phrase: a match never spans paragraphs. A match never starts or ends on a joiner.
 * - Words of spaced scripts (Latin, Cyrillic, …) match whole words; `*` takes any ending of spaced-script word
 *   chars. Han, Kana and Thai have no word boundaries.
 * - Among all candidates: leftmost first, then longest, then the earlier term of the compile list.
 *
 * Cost: compile is linear in the total length of the terms; find() is linear in the text plus the hits, and
 * does not grow with the number of terms (one automaton step per folded code unit).
 */
import { CompiledTerms, type MatcherTerm } from './compiled';
import { MAX_TEXT_LENGTH, Scanner } from './scanner';
import { FullScanner } from './fullScan';
import { scanStartBefore } from './window';
import { withInflectedForms } from '../inflection';

export type { MatcherTerm } from './compiled';

/** One match: original offsets [start, end) in UTF-16 code units. */
export interface TermMatch {
  start: number;
  end: number;
  frameId: string;
  /** the codebook term as written */
  term: string;
}

/**
 * What a match reports of each compiled term (index = the term's id in the compiled tables): the frame it cues
 * and the term as written. All the matcher keeps of the terms themselves, so that a matcher compiled in a
 * worker crosses to the extension host as a few strings and typed arrays (transfer.ts), not as 10,000 objects.
 */
export interface TermLabels {
  readonly frameIds: readonly string[];
  readonly raws: readonly string[];
}

export class Matcher {
  /** Number of terms compiled (duplicates included). */
  readonly termCount: number;
  private readonly scanner: Scanner;
  private readonly fullScanner: FullScanner;

  private constructor(
    private readonly labels: TermLabels,
    private readonly compiled: CompiledTerms,
    termCount: number,
  ) {
    this.termCount = termCount;
    this.scanner = new Scanner(compiled);
    this.fullScanner = new FullScanner(compiled, this.scanner);
  }

  /**
   * Builds the automaton once per codebook, with every term's inflected forms (inflection/expand.ts) right
   * after it. Throws RangeError on a term with an empty word.
   */
  static compile(terms: readonly MatcherTerm[]): Matcher {
    const copy = withInflectedForms(terms);
    const labels = { frameIds: copy.map((t) => t.frameId), raws: copy.map((t) => t.pattern.raw) };
    return new Matcher(labels, new CompiledTerms(copy), terms.length);
  }

  /** Every match, sorted by start, non-overlapping, leftmost-longest. Offsets are UTF-16 code units of `text`. */
  find(text: string): TermMatch[] {
    if (this.labels.raws.length === 0) return [];
    if (text.length > MAX_TEXT_LENGTH)
      throw new RangeError(`text too long for the matcher (${text.length} UTF-16 units)`);
    return this.toMatches(this.fullScanner.scan(text));
  }

  /** find() by the general scanner alone (the full scan's reference, kept for the differential test). */
  findByScanner(text: string): TermMatch[] {
    if (this.labels.raws.length === 0) return [];
    const r = this.scanner.scan(text, {
      start: 0,
      startExact: true,
      exactAfterRuns: 0,
      from: 0,
      to: text.length,
      stopRunsAfterTo: Infinity,
    });
    return this.toMatches(r.matches);
  }

  /**
   * Exactly the matches of find(text) that intersect [from, to) (start < to and end > from), without scanning
   * the whole text: the scan starts at a joiner run before `from` that no match crosses and stops a few joiner
   * runs after `to` (window.ts). With from === to this is the matches strictly around that offset; an inverted
   * range yields none.
   */
  findInRange(text: string, from: number, to: number): TermMatch[] {
    return this.findInExcerpt(text, from, to, false, false) ?? [];
  }

  /**
   * findInRange on an excerpt of a longer text (offsets relative to the excerpt): the same matches, or
   * undefined when the excerpt is too short to be sure of them, because the scan needed text before it
   * (`cutBefore`: the excerpt does not start the text) or after it (`cutAfter`). The caller then reads a
   * longer excerpt. This lets the editor scan around an edit without materialising the whole document.
   */
  findInExcerpt(
    excerpt: string,
    from: number,
    to: number,
    cutBefore: boolean,
    cutAfter: boolean,
  ): TermMatch[] | undefined {
    const lo = Math.max(0, Math.min(from, excerpt.length));
    const hi = Math.min(to, excerpt.length);
    if (this.labels.raws.length === 0 || hi < lo) return [];
    const k = this.compiled.maxWords;
    for (let runs = k; ; runs *= 2) {
      const s = scanStartBefore(excerpt, lo, runs);
      if (cutBefore && s.start === 0) return undefined;
      const r = this.scanner.scan(excerpt, {
        start: s.start,
        startExact: s.exact,
        exactAfterRuns: k,
        from: lo,
        to: hi,
        stopRunsAfterTo: k,
      });
      if (cutAfter && r.reachedEnd) return undefined;
      if (s.exact || (r.exactFrom >= 0 && r.exactFrom <= lo)) return this.toMatches(r.matches);
    }
  }

  /** Size of the compiled automaton, for benchmarks and diagnostics. */
  get stats(): { states: number; denseStates: number; maxWords: number } {
    const ac = this.compiled.automaton;
    return { states: ac.stateCount, denseStates: ac.denseCount, maxWords: this.compiled.maxWords };
  }

  private toMatches(flat: readonly number[]): TermMatch[] {
    const out: TermMatch[] = [];
    const { frameIds, raws } = this.labels;
    for (let i = 0; i < flat.length; i += 3) {
      const t = flat[i + 2];
      out.push({ start: flat[i], end: flat[i + 1], frameId: frameIds[t], term: raws[t] });
    }
    return out;
  }
}
