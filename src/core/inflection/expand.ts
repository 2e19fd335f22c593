/**
 * Expands cue terms written in their dictionary form into every inflected form, before the matcher compiles
 * them: a Russian phrase into its six cases in both numbers (russian.ts), an English one into its -ize/-ise
 * spellings and plural (english.ts). Each form is an ordinary term of exact words with the original's frame and
 * text, placed right after it, so the automaton, the leftmost-longest selection and "the earlier term wins" are
 * unchanged, and a match still reports the term as the codebook wrote it.
 *
 * A term with a `*` word is left as written: its author chose the endings. So are abbreviations written in
 * capitals (ИИ, БРИКС, AI), the first parts of hyphenated compounds (ИИ-суверенитет, духовно-нравственные),
 * function words, and words after the head noun of a Russian phrase (they are governed, not agreeing).
 */
import { foldTerm, JOINER } from '../text';
import { englishForms, isLatinWord } from './english';
import {
  adjectiveForms,
  adjectiveLemma,
  CASES,
  isCyrillicWord,
  isFunctionWord,
  nounForms,
  numbersOf,
  type AdjectiveLemma,
} from './russian';

/** The words of a parsed cue term (codebook/termSyntax.ts's TermPattern; this room does not import the codebook). */
export interface TermPattern {
  readonly raw: string;
  readonly key: string;
  readonly words: readonly { readonly text: string; readonly anyEnding: boolean }[];
}

export interface InflectableTerm {
  frameId: string;
  pattern: TermPattern;
}

/** The most forms one term may expand into; a longer product (a very long phrase) keeps only the form as written. */
const MAX_FORMS = 512;
const HYPHENS = /[-\u2010-\u2013\u2212\ufe63\uff0d]/u;

interface WordInfo {
  text: string;
  /** Written in capitals (an abbreviation). */
  capitals: boolean;
  /** Not the last part of a hyphenated compound. */
  compoundHead: boolean;
}

/** The term's words with what the raw text says about each, or undefined when the two cannot be lined up. */
function wordInfo(pattern: TermPattern): WordInfo[] | undefined {
  const out: WordInfo[] = [];
  for (const chunk of pattern.raw.trim().split(/\s+/u)) {
    const parts = chunk.split(HYPHENS).filter((p) => foldTerm(p) !== '');
    parts.forEach((part, i) => {
      const letters = part.replace(/[^\p{L}]/gu, '');
      out.push({
        text: foldTerm(part),
        capitals: letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
        compoundHead: i < parts.length - 1,
      });
    });
  }
  const same = out.length === pattern.words.length && out.every((w, i) => w.text === pattern.words[i].text);
  return same ? out : undefined;
}

/** Russian: per case and number, the agreeing forms of the adjective run and its head noun. */
function russianForms(words: readonly WordInfo[]): string[][][] {
  const adjectives = new Map<number, AdjectiveLemma>();
  let head = -1;
  const free = (w: WordInfo): boolean => isCyrillicWord(w.text) && !w.capitals && !isFunctionWord(w.text);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.compoundHead) continue;
    if (!free(w)) break;
    const next = words[i + 1];
    const adjective = adjectiveLemma(w.text, next === undefined || !free(next));
    if (adjective === undefined) {
      head = i;
      break;
    }
    adjectives.set(i, adjective);
  }
  if (adjectives.size === 0 && head < 0) return [];
  const gender = [...adjectives.values()][0]?.gender;
  const noun = head >= 0 ? words[head].text : undefined;
  const combos: string[][][] = [];
  for (const plural of numbersOf(gender, noun)) {
    for (let c = 0; c < CASES; c++) {
      const slots = words.map((w, i) => {
        const adjective = adjectives.get(i);
        if (adjective !== undefined) return adjectiveForms(adjective, w.text, gender ?? 'm', plural, c);
        if (i === head) return nounForms(w.text, gender, plural, c);
        return [w.text];
      });
      if (slots.every((s) => s.length > 0)) combos.push(slots);
    }
  }
  return combos;
}

/** English: spellings of every word, and the plural of the last. */
function englishSlots(words: readonly WordInfo[]): string[][][] {
  const last = words.length - 1;
  const slots = words.map((w, i) =>
    isLatinWord(w.text) && !w.capitals && !w.compoundHead && [...w.text].length >= 3
      ? englishForms(w.text, i === last)
      : [w.text],
  );
  return slots.some((s) => s.length > 1) ? [slots] : [];
}

function product(slots: readonly string[][], into: string[][], limit: number): void {
  let rows: string[][] = [[]];
  for (const forms of slots) {
    rows = rows.flatMap((row) => forms.map((f) => [...row, f]));
    if (rows.length > limit) return;
  }
  into.push(...rows);
}

/** The term's inflected forms as word lists, the form as written excluded. */
export function inflectedForms(pattern: TermPattern): string[][] {
  if (pattern.words.some((w) => w.anyEnding)) return [];
  const words = wordInfo(pattern);
  if (words === undefined) return [];
  const russian = words.some((w) => isCyrillicWord(w.text));
  const combos = russian ? russianForms(words) : englishSlots(words);
  const rows: string[][] = [];
  for (const slots of combos) product(slots, rows, MAX_FORMS);
  const written = pattern.words.map((w) => w.text).join(JOINER);
  const seen = new Set([written]);
  return rows
    .filter((row) => {
      const key = row.join(JOINER);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_FORMS);
}

/** Every term followed by its inflected forms, each carrying the original's frame and raw text. */
export function withInflectedForms<T extends InflectableTerm>(terms: readonly T[]): InflectableTerm[] {
  const out: InflectableTerm[] = [];
  for (const t of terms) {
    out.push({ frameId: t.frameId, pattern: t.pattern });
    for (const row of inflectedForms(t.pattern)) {
      const words = row.map((text) => ({ text, anyEnding: false }));
      out.push({ frameId: t.frameId, pattern: { raw: t.pattern.raw, key: t.pattern.key, words } });
    }
  }
  return out;
}
