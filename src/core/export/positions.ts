/**
 * UTF-16 offsets (what the sidecars and JavaScript count) and code points (what REFI-QDA, Python's `str` and
 * R's `substr` count) over the same canonical text, in both directions. An emoji or a CJK character outside the
 * Basic Multilingual Plane is two UTF-16 units and one code point, so the two counts part after the first one.
 */

/** The UTF-16 offset of the code point after the one at `unit` (a lone surrogate counts as one code point). */
function nextCodePoint(text: string, unit: number): number {
  const code = text.charCodeAt(unit);
  const pair = code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(unit + 1) & 0xfc00) === 0xdc00;
  return unit + (pair ? 2 : 1);
}

/** Code-point positions of UTF-16 offsets in `text`, in one pass however many offsets there are. */
export function codePointPositions(text: string, offsets: readonly number[]): Map<number, number> {
  const wanted = [...new Set(offsets)].sort((a, b) => a - b);
  const result = new Map<number, number>();
  let unit = 0;
  let points = 0;
  for (const target of wanted) {
    while (unit < target && unit < text.length) {
      unit = nextCodePoint(text, unit);
      points++;
    }
    result.set(target, points);
  }
  return result;
}

/**
 * UTF-16 offsets of code-point positions in `text`; a position past the end of the text is left out of the map,
 * so that a caller can report it rather than place a span nowhere.
 */
export function utf16Offsets(text: string, positions: readonly number[]): Map<number, number> {
  const wanted = [...new Set(positions)].sort((a, b) => a - b);
  const result = new Map<number, number>();
  let unit = 0;
  let points = 0;
  for (const target of wanted) {
    while (points < target && unit < text.length) {
      unit = nextCodePoint(text, unit);
      points++;
    }
    if (points === target && target >= 0) result.set(target, unit);
  }
  return result;
}
