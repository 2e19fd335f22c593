/**
 * What of a user's file a message may quote. A message is printed to a terminal, a CI log or the Problems
 * panel, so a value read from a file is shown only as a short excerpt with every character that could hide
 * or rewrite text made visible (controls, including the escape that starts a terminal sequence, bidi
 * overrides, invisible characters, half surrogate pairs), and a long value is cut. Readers quote values only
 * once a file is recognised as theirs (a sidecar with `version: 1`, a codebook with `codebook:` or `frames:`),
 * so that a file that is not ours is never echoed beyond its key names' absence.
 */

/** Longest excerpt, in code points, before it is cut with '…'. */
export const EXCERPT_MAX = 40;

/**
 * Characters shown as \uXXXX: controls (C0, DEL, C1: the terminal's escape among them), format characters
 * (bidi marks and overrides, zero-width ones, the BOM), line and paragraph separators, and lone surrogates.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;

const visible = (c: string): string => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** A value from a file as a message may show it: at most `max` code points, hidden characters made visible. */
export function excerpt(value: string, max = EXCERPT_MAX): string {
  const points = [...value];
  const cut = points.length > max ? `${points.slice(0, max).join('')}…` : value;
  return cut.replace(HIDDEN, visible);
}
