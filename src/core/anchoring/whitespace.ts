/**
 * Whitespace-blind matching. A formatter or a hard wrap turns spaces into line breaks and back, and Chinese
 * text wrapped over two lines gains a line break between two characters; none of that changes what was
 * coded. So quotes and their context are compared in a folded form: every run of whitespace (spaces, tabs,
 * line breaks, no-break and ideographic spaces) becomes one space, and a run between two CJK characters
 * disappears. The folded string keeps, for each of its characters, where it came from in the original, so
 * a match found in folded text maps back to exact original offsets.
 */

/** A folded string and, per folded character, the original range it stands for. */
export interface Folded {
  text: string;
  /** Original offset of folded character i (for a folded space: the start of its whitespace run). */
  from: Int32Array;
  /** Original offset just after folded character i (for a folded space: the end of its run). */
  to: Int32Array;
}

/** Exactly the characters of JavaScript's `\s`, so that the search patterns (candidates.ts) agree with folding. */
function isWhitespace(code: number): boolean {
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true;
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Han, kana, Hangul, CJK punctuation and full-width forms: scripts written without spaces between words. */
export function isCjk(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xffef) ||
    (code >= 0xd840 && code <= 0xd87f)
  ); // high surrogates of the Han supplementary planes
}

/**
 * Folds `s`. `before` and `after` are the characters just outside it (when `s` is a piece of a longer text),
 * so that a run at its edge between two CJK characters is dropped exactly as it would be in the whole text.
 */
export function fold(s: string, before = '', after = ''): Folded {
  const from = new Int32Array(s.length);
  const to = new Int32Array(s.length);
  let out = '';
  let n = 0;
  let i = 0;
  while (i < s.length) {
    const code = s.charCodeAt(i);
    if (!isWhitespace(code)) {
      // Plain characters are copied in chunks: most of a text is not whitespace.
      let j = i + 1;
      while (j < s.length && !isWhitespace(s.charCodeAt(j))) j++;
      out += s.slice(i, j);
      for (let k = i; k < j; k++, n++) {
        from[n] = k;
        to[n] = k + 1;
      }
      i = j;
      continue;
    }
    let j = i + 1;
    while (j < s.length && isWhitespace(s.charCodeAt(j))) j++;
    const left = i > 0 ? s.charCodeAt(i - 1) : before === '' ? -1 : before.charCodeAt(before.length - 1);
    const right = j < s.length ? s.charCodeAt(j) : after === '' ? -1 : after.charCodeAt(0);
    if (!(left >= 0 && right >= 0 && isCjk(left) && isCjk(right))) {
      out += ' ';
      from[n] = i;
      to[n] = j;
      n++;
    }
    i = j;
  }
  return { text: out, from: from.subarray(0, n), to: to.subarray(0, n) };
}

/** The folded form with whitespace at both ends removed: what a quote is searched for by. */
export function foldedCore(s: string, before = '', after = ''): string {
  const f = fold(s, before, after).text;
  const start = f.startsWith(' ') ? 1 : 0;
  const end = f.endsWith(' ') && f.length > start ? f.length - 1 : f.length;
  return f.slice(start, end);
}

/** The original range of folded characters [start, end) (end > start). */
export function originalRange(f: Folded, start: number, end: number): { start: number; end: number } {
  return { start: f.from[start] ?? 0, end: f.to[end - 1] ?? 0 };
}

/** Folds `text.slice(from, to)` as it folds inside the whole text (its edge characters taken into account). */
export function foldSlice(text: string, from: number, to: number): Folded {
  return fold(text.slice(from, to), from > 0 ? text.charAt(from - 1) : '', text.charAt(to));
}

const SPECIAL = /[.*+?^${}()|[\]\\]/g;

/**
 * A global RegExp finding, in unfolded text, every passage whose folded core is `core` (itself a folded
 * core): a space matches any run of whitespace, and any whitespace may sit between two CJK characters.
 */
export function corePattern(core: string): RegExp {
  let source = '';
  for (let i = 0; i < core.length; i++) {
    const ch = core.charAt(i);
    if (ch === ' ') {
      source += '\\s+';
      continue;
    }
    source += ch.replace(SPECIAL, '\\$&');
    if (i + 1 < core.length && isCjk(core.charCodeAt(i)) && isCjk(core.charCodeAt(i + 1))) source += '\\s*';
  }
  return new RegExp(source, 'g');
}

/** True when two strings are the same text up to whitespace (and whitespace at their ends). */
export function sameUpToWhitespace(a: string, b: string): boolean {
  return a === b || foldedCore(a) === foldedCore(b);
}
