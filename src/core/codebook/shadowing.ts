/**
 * Cue terms that can never fire. The matcher selects leftmost-longest and, between matches of the same span,
 * the term that comes first in the codebook (matcher/selection.ts). So a term is dead when an earlier term of
 * another frame finds every text it finds, with the same span: `sovereign internet*` (frame A) before
 * `sovereign internet` (frame B) takes every "sovereign internet", and B is never suggested. The codebook
 * loader and `sovcode validate` warn at the dead term's line.
 */
import type { TermPattern, TermWord } from './termSyntax';

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

function covers(outer: TermPattern, inner: TermPattern): boolean {
  if (outer.words.length !== inner.words.length) return false;
  return outer.words.every((w, i) => wordCovers(w, inner.words[i]));
}

/**
 * The terms (in codebook order) that an earlier term of another frame shadows. Earlier terms are bucketed by
 * the first two characters of their first word, which any covering term shares with the covered one (a
 * stem has at least two letters), so a 5,000-term codebook is checked without comparing every pair.
 */
export function shadowedTerms(terms: readonly OrderedTerm[]): ShadowedTerm[] {
  const buckets = new Map<string, OrderedTerm[]>();
  const out: ShadowedTerm[] = [];
  for (const term of terms) {
    const first = term.pattern.words[0]?.text ?? '';
    const candidates = [...(buckets.get(first.slice(0, 1)) ?? []), ...(first.length > 1 ? buckets.get(first.slice(0, 2)) ?? [] : [])];
    const by = candidates.find((u) => u.frameId !== term.frameId && u.pattern.key !== term.pattern.key && covers(u.pattern, term.pattern));
    if (by) out.push({ term, by });
    const own = (term.pattern.words[0]?.text ?? '').slice(0, 2);
    const bucket = buckets.get(own);
    if (bucket) bucket.push(term);
    else buckets.set(own, [term]);
  }
  return out;
}
