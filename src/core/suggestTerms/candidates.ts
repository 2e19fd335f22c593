/**
 * Cue terms suggested from coding: the words and phrases that recur in the segments coded with a frame but that
 * no cue of the codebook finds yet. The coder's own decisions are the best evidence of a frame's vocabulary,
 * so the codebook can grow from them. Spaced scripts give word n-grams (1–3 words, none starting or ending on
 * a function word); Chinese, Japanese and Thai give character n-grams (2–6 characters), since they have no
 * spaces. Texts are folded as the matcher folds them, so 網絡 and 网络 count as one.
 */
import type { Codebook } from '../codebook';
import type { Matcher } from '../matcher';
import { foldTerm, isSpacedWordChar, isUnspacedChar } from '../text';

export interface CodedQuote {
  frame: string;
  quote: string;
  document: string;
}

export interface Suggestion {
  frame: string;
  /** The phrase as it is written in the first segment it occurs in. */
  term: string;
  /** Segments it occurs in. */
  count: number;
  /** Up to three segments it occurs in: document and quote. */
  examples: { document: string; quote: string }[];
}

export interface SuggestOptions {
  /** Only this frame. */
  frame?: string;
  /** At least this many segments (default 2). */
  minCount?: number;
  /** At most this many suggestions per frame (default 15). */
  limit?: number;
}

const FUNCTION_WORDS = new Set(
  (
    'the a an of in on at to for from by with and or but not no is are was were be been being this that these those ' +
    'it its as into than then there their our we they he she you i has have had will would can could should may ' +
    'must also such which who whom what when where how all any each more most other some own same so very just ' +
    'в во на и или о об по для с со к ко от из за над под при про через между без не а но у до после что как это ' +
    'его ее её их мы они он она оно вы ты я же ли бы так также все всё который которая которые этот эта эти тот'
  ).split(' '),
);

/** Longest character n-gram: most Chinese policy terms are two to six characters (数据安全审查, 网络空间主权). */
const MAX_CHARS = 6;

interface Token {
  text: string;
  start: number;
  end: number;
}

/** Words of spaced scripts and runs of unspaced characters, with their offsets in the quote. */
function tokens(quote: string): { words: Token[]; runs: Token[] } {
  const words: Token[] = [];
  const runs: Token[] = [];
  let i = 0;
  while (i < quote.length) {
    const cp = quote.codePointAt(i) as number;
    const kind = isUnspacedChar(cp) ? 'run' : isSpacedWordChar(cp) ? 'word' : undefined;
    if (kind === undefined) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    for (;;) {
      const c = quote.codePointAt(i);
      if (c === undefined) break;
      const same = kind === 'run' ? isUnspacedChar(c) : isSpacedWordChar(c) && !isUnspacedChar(c);
      if (!same) break;
      i += c > 0xffff ? 2 : 1;
    }
    (kind === 'run' ? runs : words).push({ text: quote.slice(start, i), start, end: i });
  }
  return { words, runs };
}

/** The n-grams of one quote, each once: folded key → the phrase as written there. */
function grams(quote: string): Map<string, string> {
  const out = new Map<string, string>();
  const { words, runs } = tokens(quote);
  for (let i = 0; i < words.length; i++) {
    for (let n = 1; n <= 3 && i + n <= words.length; n++) {
      const first = foldTerm(words[i].text);
      const last = foldTerm(words[i + n - 1].text);
      if (FUNCTION_WORDS.has(first) || FUNCTION_WORDS.has(last)) continue;
      if (n === 1 && [...first].length < 4) continue;
      const written = quote.slice(words[i].start, words[i + n - 1].end);
      out.set(foldTerm(written), written);
    }
  }
  for (const run of runs) {
    const chars = [...run.text];
    for (let i = 0; i < chars.length; i++) {
      for (let n = 2; n <= MAX_CHARS && i + n <= chars.length; n++) {
        const written = chars.slice(i, i + n).join('');
        out.set(foldTerm(written), written);
      }
    }
  }
  return out;
}

/** A candidate the codebook already finds as a whole (one cue covers it), so there is nothing to add. */
function alreadyCued(matcher: Matcher, phrase: string): boolean {
  return matcher.find(phrase).some((m) => m.start === 0 && m.end === phrase.length);
}

/** Suggestions per frame, most frequent first; a phrase is dropped for a longer one that occurs as often. */
export function suggestTerms(
  codebook: Codebook,
  matcher: Matcher,
  quotes: readonly CodedQuote[],
  options: SuggestOptions = {},
): Suggestion[] {
  const minCount = options.minCount ?? 2;
  const limit = options.limit ?? 15;
  const out: Suggestion[] = [];
  for (const frame of codebook.frames) {
    if (options.frame !== undefined && frame.id !== options.frame) continue;
    const found = new Map<string, Suggestion>();
    for (const q of quotes) {
      if (q.frame !== frame.id) continue;
      for (const [key, written] of grams(q.quote)) {
        let s = found.get(key);
        if (s === undefined) found.set(key, (s = { frame: frame.id, term: written, count: 0, examples: [] }));
        s.count++;
        if (s.examples.length < 3) s.examples.push({ document: q.document, quote: q.quote });
      }
    }
    // A phrase inside a longer one that occurs as often says nothing more; then drop what a cue already finds.
    const frequent = [...found].filter(([, s]) => s.count >= minCount);
    const kept = frequent.filter(
      ([key, s]) =>
        !frequent.some(([other, t]) => other !== key && other.includes(key) && t.count === s.count) &&
        !alreadyCued(matcher, s.term),
    );
    kept.sort((a, b) => b[1].count - a[1].count || b[0].length - a[0].length || a[0].localeCompare(b[0]));
    out.push(...kept.slice(0, limit).map(([, s]) => s));
  }
  return out;
}
