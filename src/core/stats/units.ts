/**
 * The units frames can co-occur in: sentences (the same UAX #29 sentences as inter-coder agreement, so the two
 * analyses speak of one unit) and paragraphs (runs of non-blank lines; a blank line, or one of white space
 * only, ends a paragraph). Offsets are canonical UTF-16 offsets, as in sidecars.
 */
import { sentenceUnits, type TextUnit } from '../agreement/units';

export type CooccurrenceMode = 'overlap' | 'sentence' | 'paragraph';
export const COOCCURRENCE_MODES: readonly CooccurrenceMode[] = ['overlap', 'sentence', 'paragraph'];

/** Paragraphs of a canonical text, trimmed of surrounding white space. */
export function paragraphUnits(text: string): TextUnit[] {
  const units: TextUnit[] = [];
  const blank = /\n[ \t\u00a0\u3000]*\n/g;
  let from = 0;
  const push = (start: number, end: number): void => {
    const body = text.slice(start, end);
    const lead = body.length - body.trimStart().length;
    const trimmed = body.trim();
    if (trimmed !== '') units.push({ start: start + lead, end: start + lead + trimmed.length });
  };
  for (let m = blank.exec(text); m; m = blank.exec(text)) {
    push(from, m.index);
    from = m.index + m[0].length;
    blank.lastIndex = from - 1; // the closing LF may open the next blank run (three LFs in a row)
  }
  push(from, text.length);
  return units;
}

export function unitsOf(text: string, mode: 'sentence' | 'paragraph'): TextUnit[] {
  return mode === 'sentence' ? sentenceUnits(text) : paragraphUnits(text);
}

/** Index of the first unit whose end is after `offset` (units sorted and disjoint). */
export function firstUnitEndingAfter(units: readonly TextUnit[], offset: number): number {
  let lo = 0;
  let hi = units.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (units[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
