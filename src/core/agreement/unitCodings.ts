/**
 * Which frames each coder applied to each unit of a text, for the unit chosen (docs/agreement.md, "Unit of
 * analysis"). For sentences, paragraphs and the whole document, a coder applied frame F to a unit when one of
 * their F annotations overlaps it by at least one character. For characters, the text is cut at every span
 * boundary into runs that every coder coded alike throughout; a run is one item weighted by its number of
 * characters (code points), which gives exactly the figures of one item per character at a fraction of the cost.
 */
import { decidedBy } from '../annotations';
import type { CodedDocument, CodedSegment } from '../documents';
import { LineIndex } from '../text';
import { documentUnits, paragraphUnits, sentenceUnits, type AgreementUnit, type TextUnit } from './units';

export interface UnitCoding {
  document: string;
  /** 1-based line of the unit's start. */
  line: number;
  text: string;
  /** Items this unit stands for: 1, or a run's number of characters. */
  weight: number;
  /** Frames applied, per coder index. */
  frames: Set<string>[];
}

const UNITS_OF: Record<Exclude<AgreementUnit, 'character'>, (text: string) => TextUnit[]> = {
  sentence: sentenceUnits,
  paragraph: paragraphUnits,
  document: documentUnits,
};

/** The unit codings of one text from its placed segments (any order; other coders' are passed over). */
export function unitCodings(
  doc: CodedDocument & { text: string },
  segments: readonly CodedSegment[],
  coders: readonly string[],
  unit: AgreementUnit,
): UnitCoding[] {
  const mine = segments.filter((s) => s.document === doc.path && coders.includes(decidedBy(s.annotation)));
  const units = unit === 'character' ? characterRuns(doc.text, mine) : UNITS_OF[unit](doc.text);
  const lines = new LineIndex(doc.text);
  const codings = units.map((u) => ({
    document: doc.path,
    line: lines.positionAt(u.start).line + 1,
    text: doc.text.slice(u.start, u.end),
    weight: unit === 'character' ? [...doc.text.slice(u.start, u.end)].length : 1,
    frames: coders.map(() => new Set<string>()),
  }));
  for (const s of mine) {
    const c = coders.indexOf(decidedBy(s.annotation));
    // units are sorted and disjoint: binary search for the first unit ending after the segment starts
    let lo = 0;
    let hi = units.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((units[mid]?.end ?? 0) <= s.start) lo = mid + 1;
      else hi = mid;
    }
    for (let u = lo; u < units.length && (units[u]?.start ?? 0) < s.end; u++)
      codings[u]?.frames[c]?.add(s.annotation.frame);
  }
  return codings;
}

/** The text cut at every segment boundary: runs inside which the coding does not change. */
function characterRuns(text: string, segments: readonly CodedSegment[]): TextUnit[] {
  const cuts = new Set<number>([0, text.length]);
  for (const s of segments) {
    cuts.add(Math.max(0, Math.min(text.length, s.start)));
    cuts.add(Math.max(0, Math.min(text.length, s.end)));
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const runs: TextUnit[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [start, end] = [sorted[i] ?? 0, sorted[i + 1] ?? 0];
    if (end > start) runs.push({ start, end });
  }
  return runs;
}
