/**
 * The unitizing continuum of the texts that count (docs/agreement.md, "Unitizing"): each text's length and each
 * coder's placed spans, in code points, since the papers count characters and a character outside the Basic
 * Multilingual Plane (an emoji, a rare CJK character) is two UTF-16 units in the sidecars' offsets but one
 * character.
 */
import { decidedBy } from '../../annotations';
import type { CodedSegment } from '../../documents';
import type { FrameSpan, UnitizingText } from './continuum';

/** Maps UTF-16 offsets of `text` to code-point offsets; the identity for a text without surrogate pairs. */
function toCodePoints(text: string): (offset: number) => number {
  if (!/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text)) return (offset) => offset;
  const at = new Uint32Array(text.length + 1);
  let points = 0;
  for (let unit = 0; unit < text.length; unit++) {
    at[unit] = points;
    const pair = /[\uD800-\uDBFF]/.test(text[unit] ?? '') && /[\uDC00-\uDFFF]/.test(text[unit + 1] ?? '');
    if (pair) at[++unit] = points;
    points++;
  }
  at[text.length] = points;
  return (offset) => at[Math.max(0, Math.min(text.length, offset))] ?? points;
}

/** One text's continuum: its length in code points and `coders`' spans (others' are passed over). */
export function unitizingText(
  text: string,
  segments: readonly CodedSegment[],
  coders: readonly string[],
): UnitizingText {
  const points = toCodePoints(text);
  const spans: FrameSpan[][] = coders.map(() => []);
  for (const s of segments) {
    const c = coders.indexOf(decidedBy(s.annotation));
    if (c >= 0) spans[c]?.push({ frame: s.annotation.frame, start: points(s.start), end: points(s.end) });
  }
  return { length: points(text.length), spans };
}
