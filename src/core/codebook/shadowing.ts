/**
 * Cue terms that can never fire. The matcher selects leftmost-longest and, between matches of the same span,
 * the term that comes first in the codebook (matcher/selection.ts). So a term is dead when an earlier term of
 * another frame finds every text it finds, with the same span: `sovereign internet*` (frame A) before
 * `sovereign internet` (frame B) takes every "sovereign internet", and B is never suggested. The codebook
 * loader and `sovcode validate` warn at the dead term's line. Inflected forms count: `data border` takes the
 * plural, so it also shadows a later `data borders`.
 */
import type { TermPattern, TermWord } from './termSyntax';
import { inflectedForms } from '../inflection';

export interface OrderedTerm {
  raw: string;
  pattern: TermPattern;
  frameId: string;
  line: number;
  column: number;
}

export interface ShadowedTerm {
  term: OrderedTerm;
  /** The earlier term that takes all its matches. */
  by: OrderedTerm;
}

/** Every text that word `inner` matches is matched by word `outer`, with the same span (whole words). */
function wordCovers(outer: TermWord, inner: TermWord): boolean {
  if (outer.anyEnding) return inner.text.startsWith(outer.text);
  return !inner.anyEnding && inner.text === outer.text;
}

function coversForm(outer: readonly TermWord[], inner: readonly TermWord[]): boolean {
  if (outer.length !== inner.length) return false;
  return outer.every((w, i) => wordCovers(w, inner[i]));
}

/** The words of a term as written and of each inflected form the matcher also compiles (inflection/). */
function formsOf(pattern: TermPattern): TermWord[][] {
  const inflected = inflectedForms(pattern).map((row) => row.map((text) => ({ text, anyEnding: false })));
  return [[...pattern.words], ...inflected];
}

/** Every form of `inner` is found, with the same span, by some form of `outer`. */
function covers(outer: TermWord[][], inner: TermWord[][]): boolean {
  return inner.every((form) => outer.some((o) => coversForm(o, form)));
}

/**
 * The terms (in codebook order) that an earlier term of another frame shadows. Earlier terms are bucketed by
 * the first two characters of their first word, which any covering term shares with the covered one (a
 * stem has at least two letters), so a 5,000-term codebook is checked without comparing every pair.
 */
export function shadowedTerms(terms: readonly OrderedTerm[]): ShadowedTerm[] {
  const buckets = new Map<string, OrderedTerm[]>();
  const out: ShadowedTerm[] = [];
  const cache = new Map<OrderedTerm, TermWord[][]>();
  const forms = (t: OrderedTerm): TermWord[][] => {
    let f = cache.get(t);
    if (f === undefined) cache.set(t, (f = formsOf(t.pattern)));
    return f;
  };
  for (const term of terms) {
    const first = term.pattern.words[0]?.text ?? '';
    const candidates = [...(buckets.get(first.slice(0, 1)) ?? []), ...(first.length > 1 ? buckets.get(first.slice(0, 2)) ?? [] : [])];
    const by = candidates.find(
      (u) => u.frameId !== term.frameId && u.pattern.key !== term.pattern.key && covers(forms(u), forms(term)),
    );
    if (by) out.push({ term, by });
    const own = (term.pattern.words[0]?.text ?? '').slice(0, 2);
    const bucket = buckets.get(own);
    if (bucket) bucket.push(term);
    else buckets.set(own, [term]);
  }
  return out;
}
