/**
 * Units of analysis for agreement: the sentences of a text, as Unicode's sentence boundaries (UAX #29, through
 * ICU's Intl.Segmenter) find them in English, Russian and Chinese alike; a line break also ends a unit, so a
 * heading or a list item is a unit of its own. Known limit: an abbreviation with a full stop ("Dr.") ends a
 * sentence, as it does in most QDA tools.
 */

export interface TextUnit {
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter('und', { granularity: 'sentence' });

/** Sentence units of a canonical text, trimmed of surrounding white space; blank stretches are no unit. */
export function sentenceUnits(text: string): TextUnit[] {
  const units: TextUnit[] = [];
  for (const { segment, index } of segmenter.segment(text)) {
    let offset = index;
    for (const line of segment.split('\n')) {
      const lead = line.length - line.trimStart().length;
      const body = line.trim();
      if (body !== '') units.push({ start: offset + lead, end: offset + lead + body.length });
      offset += line.length + 1;
    }
  }
  return units;
}
