/**
 * The word-level tables of the full scan (fullScan.ts): hash tables over whole words for spaced scripts, and a
 * small automaton for the rest.
 *
 * Why: in a text folded one code unit to one, a word made only of spaced-script word chars (most English and
 * Russian terms) can only match a whole run of such chars (an exact word) or a prefix of one (a `*` stem), because
 * it needs a non-word char or the token edge on both sides. So the scan hashes each run once as it reads it and
 * looks it up, instead of walking an automaton state per character through a table of megabytes. Every other
 * pattern (Chinese, or with punctuation, such as "u.s.") goes into `other`, an Aho–Corasick automaton over those
 * patterns only, which runs over the few tokens that hold a char of that kind.
 *
 * Everything here is typed arrays (structured-clonable, nothing to rebuild after a transfer). Pattern ids are the
 * ids of CompiledTerms' patterns.
 */
import { isSpacedWordChar } from '../text';
import { AhoCorasick } from './ahoCorasick';

/** FNV-1a over folded code units: the scan computes the same value one unit at a time. */
export const HASH_PRIME = 0x01000193;
export const HASH_SEED = 0x811c9dc5 | 0;

export function hashUnits(s: string): number {
  let h = HASH_SEED;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), HASH_PRIME);
  return h;
}

/** Slot of a hash in a table of `mask + 1` slots (the high bits mixed in, the low ones are weak in FNV). */
export function slotOf(h: number, mask: number): number {
  return (h ^ (h >>> 15) ^ (h >>> 24)) & mask;
}

/** An open-addressing hash table from word hash to pattern id (linear probing, at most a quarter full). */
export interface WordHashTable {
  mask: number;
  hash: Int32Array;
  /** Pattern id, or -1 for an empty slot. */
  pattern: Int32Array;
}

function hashTable(entries: readonly { h: number; p: number }[]): WordHashTable {
  let size = 16;
  while (size < entries.length * 4) size *= 2;
  const t: WordHashTable = { mask: size - 1, hash: new Int32Array(size), pattern: new Int32Array(size).fill(-1) };
  for (const { h, p } of entries) {
    let s = slotOf(h, t.mask);
    while (t.pattern[s] >= 0) s = (s + 1) & t.mask;
    t.hash[s] = h;
    t.pattern[s] = p;
  }
  return t;
}

/** Bits of the two-unit key of lengthsByStart. */
export const START_KEY_BITS = 12;

/** Key of a word's first two folded units in the lengths-by-start tables (a hash: keys may share a slot). */
export function startKey(u0: number, u1: number): number {
  return (Math.imul(u0, 0x9e3779b1) ^ u1) >>> (32 - START_KEY_BITS);
}

/** The bit of length `len` in a lengths mask: bit len below 31, bit 31 for every longer length. */
export function lengthBit(len: number): number {
  return 1 << Math.min(len, 31);
}

export interface WordTables {
  /** Spaced-only patterns with an exact word, by the hash of the whole pattern. */
  exact: WordHashTable;
  /** Spaced-only patterns with a `*` word, by the hash of the stem. */
  star: WordHashTable;
  /**
   * A filter before the tables: per startKey of a word's first two units, the lengths (lengthBit) of the exact
   * words / `*` stems that begin so; one-unit words are flagged in `shortLengths` (bit 1 exact, bit 2 star).
   * A run whose start and length no word has is never looked up, and its prefixes only at the stems' lengths.
   */
  exactLengths: Int32Array;
  starLengths: Int32Array;
  shortLengths: number;
  /** The patterns, folded, one after the other (patternStart[p] .. patternStart[p + 1]), to confirm a hash hit. */
  units: Uint16Array;
  patternStart: Int32Array;
  /** The automaton over every other pattern (its pattern k is CompiledTerms pattern otherPattern[k]). */
  other: AhoCorasick;
  otherPattern: Int32Array;
}

function spacedOnly(p: string): boolean {
  for (let i = 0; i < p.length; i++) {
    const u = p.charCodeAt(i);
    if ((u & 0xf800) === 0xd800 || !isSpacedWordChar(u)) return false;
  }
  return true;
}

/** Builds the tables for `patterns` (distinct folded words) with their exact and `*` word ids (-1: none). */
export function buildWordTables(
  patterns: readonly string[],
  exactWord: Int32Array,
  starWord: Int32Array,
): WordTables {
  const exact: { h: number; p: number }[] = [];
  const star: { h: number; p: number }[] = [];
  const others: string[] = [];
  const otherPattern: number[] = [];
  const exactLengths = new Int32Array(1 << START_KEY_BITS);
  const starLengths = new Int32Array(1 << START_KEY_BITS);
  let shortLengths = 0;
  const patternStart = new Int32Array(patterns.length + 1);
  let total = 0;
  patterns.forEach((p, id) => {
    patternStart[id] = total;
    total += p.length;
    if (!spacedOnly(p)) {
      others.push(p);
      otherPattern.push(id);
      return;
    }
    const h = hashUnits(p);
    const key = p.length >= 2 ? startKey(p.charCodeAt(0), p.charCodeAt(1)) : -1;
    if (exactWord[id] >= 0) {
      exact.push({ h, p: id });
      if (key < 0) shortLengths |= 1;
      else exactLengths[key] |= lengthBit(p.length);
    }
    if (starWord[id] >= 0) {
      star.push({ h, p: id });
      if (key < 0) shortLengths |= 2;
      else starLengths[key] |= lengthBit(p.length);
    }
  });
  patternStart[patterns.length] = total;
  const units = new Uint16Array(total);
  patterns.forEach((p, id) => {
    for (let k = 0; k < p.length; k++) units[patternStart[id] + k] = p.charCodeAt(k);
  });
  return {
    exact: hashTable(exact),
    star: hashTable(star),
    exactLengths,
    starLengths,
    shortLengths,
    units,
    patternStart,
    other: new AhoCorasick(others),
    otherPattern: Int32Array.from(otherPattern),
  };
}
