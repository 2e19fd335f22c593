/**
 * The compiled form of a codebook's terms: an automaton over the distinct folded *words*, and a phrase trie over
 * word ids that chains word hits across joiners into term matches.
 *
 * Why two levels: a word written with `*` ("цифров*") takes any ending, which a plain Aho–Corasick over whole
 * phrases cannot express in the middle of a phrase. Words are found by the automaton (with boundary checks and
 * ending extension done by the scanner), then phrases advance one word per joiner in the trie. Both steps are
 * table look-ups, so scanning stays linear in the text plus the number of hits.
 */
import { isSpacedWordChar, JOINER } from '../text';
import type { TermPattern } from '../codebook';
import { AhoCorasick } from './ahoCorasick';

/** One term to look for, with the frame it cues. */
export interface MatcherTerm {
  frameId: string;
  pattern: TermPattern;
}

function firstCodePoint(s: string): number {
  return s.codePointAt(0) as number;
}

function lastCodePoint(s: string): number {
  const last = s.charCodeAt(s.length - 1);
  if (last >= 0xdc00 && last <= 0xdfff && s.length >= 2) return s.codePointAt(s.length - 2) as number;
  return last;
}

export class CompiledTerms {
  readonly automaton: AhoCorasick;
  /** Per automaton pattern: the word id of the exact word with this text, or -1. */
  readonly exactWord: Int32Array;
  /** Per automaton pattern: the word id of the `*` word with this stem, or -1. */
  readonly starWord: Int32Array;
  /** Per pattern: 1 when its first character is a spaced-script word char (a word boundary is needed before). */
  readonly startsSpaced: Uint8Array;
  /** Per pattern: 1 when its last character is a spaced-script word char (an exact word needs a boundary after). */
  readonly endsSpaced: Uint8Array;
  /** Phrase trie: the node reached from the root by one word (-1 if no term starts with it). */
  readonly rootChild: Int32Array;
  /** Phrase trie: the term (index in the compile list) ending at this node, or -1. */
  readonly nodeTerm: Int32Array;
  readonly nodeHasChildren: Uint8Array;
  /** The most words in any term: a match spans at most maxWords - 1 joiner runs (window.ts relies on it). */
  readonly maxWords: number;
  /** Longest pattern in code units: the scanner keeps this much folded text behind it. */
  readonly maxPatternLength: number;
  /**
   * Phrase trie edges below the root, as an open-addressing hash table on (node, word): typed arrays, so a look-up
   * is a few array reads (no Map, nothing lost when the compiled terms are structured-cloned to a worker).
   */
  readonly childMask: number;
  readonly childNode: Int32Array;
  readonly childWord: Int32Array;
  /** The node reached, or -1 for an empty slot. */
  readonly childTarget: Int32Array;

  constructor(terms: readonly MatcherTerm[]) {
    const patternIds = new Map<string, number>();
    const patterns: string[] = [];
    const wordIds = new Map<string, number>();
    const exact: number[] = [];
    const star: number[] = [];
    const termWords: number[][] = [];
    let maxWords = 0;

    terms.forEach((t, ti) => {
      const words = t.pattern.words;
      if (words.length === 0) throw new RangeError(`term ${ti} ('${t.pattern.raw}') has no words`);
      maxWords = Math.max(maxWords, words.length);
      termWords.push(
        words.map((w) => {
          if (w.text === '' || w.text.includes(JOINER)) {
            throw new RangeError(`term ${ti} ('${t.pattern.raw}') has an empty word or a joiner inside a word`);
          }
          let pid = patternIds.get(w.text);
          if (pid === undefined) {
            pid = patterns.length;
            patternIds.set(w.text, pid);
            patterns.push(w.text);
            exact.push(-1);
            star.push(-1);
          }
          const key = (w.anyEnding ? '*' : '=') + w.text;
          let wid = wordIds.get(key);
          if (wid === undefined) {
            wid = wordIds.size;
            wordIds.set(key, wid);
            if (w.anyEnding) star[pid] = wid;
            else exact[pid] = wid;
          }
          return wid;
        }),
      );
    });

    this.automaton = new AhoCorasick(patterns);
    this.exactWord = Int32Array.from(exact);
    this.starWord = Int32Array.from(star);
    this.startsSpaced = Uint8Array.from(patterns, (p) => (isSpacedWordChar(firstCodePoint(p)) ? 1 : 0));
    this.endsSpaced = Uint8Array.from(patterns, (p) => (isSpacedWordChar(lastCodePoint(p)) ? 1 : 0));
    this.maxWords = maxWords;
    this.maxPatternLength = patterns.reduce((m, p) => Math.max(m, p.length), 0);
    const wordCount = wordIds.size;

    // Phrase trie. Node 0 is the root; terms are inserted in compile order and a node keeps its first term,
    // so of two terms with the same words the earlier one wins.
    this.rootChild = new Int32Array(wordCount).fill(-1);
    const nodeTerm: number[] = [-1];
    const hasChildren: number[] = [0];
    const childOf = new Map<number, number>();
    const edges: [number, number, number][] = [];
    termWords.forEach((wids, ti) => {
      let node = 0;
      for (const wid of wids) {
        let next = node === 0 ? this.rootChild[wid] : (childOf.get(node * wordCount + wid) ?? -1);
        if (next < 0) {
          next = nodeTerm.length;
          nodeTerm.push(-1);
          hasChildren.push(0);
          if (node === 0) this.rootChild[wid] = next;
          else {
            childOf.set(node * wordCount + wid, next);
            edges.push([node, wid, next]);
          }
          hasChildren[node] = 1;
        }
        node = next;
      }
      if (nodeTerm[node] === -1) nodeTerm[node] = ti;
    });
    this.nodeTerm = Int32Array.from(nodeTerm);
    this.nodeHasChildren = Uint8Array.from(hasChildren);
    let size = 16;
    while (size < edges.length * 4) size *= 2;
    this.childMask = size - 1;
    this.childNode = new Int32Array(size);
    this.childWord = new Int32Array(size);
    this.childTarget = new Int32Array(size).fill(-1);
    for (const [node, wid, next] of edges) {
      let s = childSlot(node, wid, this.childMask);
      while (this.childTarget[s] >= 0) s = (s + 1) & this.childMask;
      this.childNode[s] = node;
      this.childWord[s] = wid;
      this.childTarget[s] = next;
    }
  }

  /** The phrase-trie node after `node` (not the root) reads word `wordId`, or -1. */
  child(node: number, wordId: number): number {
    const { childMask, childNode, childWord, childTarget } = this;
    for (let s = childSlot(node, wordId, childMask); ; s = (s + 1) & childMask) {
      const t = childTarget[s];
      if (t < 0 || (childNode[s] === node && childWord[s] === wordId)) return t;
    }
  }
}

/** Slot of the phrase-trie edge (node, word) in a table of `mask + 1` slots. */
export function childSlot(node: number, wordId: number, mask: number): number {
  const h = Math.imul(node, 0x9e3779b1) ^ Math.imul(wordId, 0x85ebca6b);
  return (h ^ (h >>> 16)) & mask;
}
