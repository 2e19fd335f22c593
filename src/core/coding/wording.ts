/**
 * Short forms of a coder's text for titles and messages (a memo box's title, an undo notice, a lightbulb item):
 * cut at a word boundary with an ellipsis, never mid-word and never inside a surrogate pair, so a title reads
 * as the words the coder wrote.
 */

/** A quote for a message: at most 30 characters, cut at a word boundary with an ellipsis. */
export function shortQuote(quote: string, max = 30): string {
  return cutAtWord(quote.replace(/\s+/g, ' ').trim(), max);
}

/**
 * `text` cut to at most `max` code points at the last word boundary, then '…' (a text with no space in reach,
 * Chinese for one, is cut at `max` itself; a surrogate pair is never split).
 */
export function cutAtWord(text: string, max: number): string {
  const points = [...text];
  if (points.length <= max) return text;
  const head = points.slice(0, max).join('');
  const space = head.lastIndexOf(' ');
  const cut = space >= max / 2 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,.;:—-]+$/u, '')}…`;
}
