/**
 * Units of analysis for agreement: the sentences of a text, as Unicode's sentence boundaries (UAX #29, through
 * ICU's Intl.Segmenter) find them in English, Russian and Chinese alike. A blank line ends a unit (a heading or
 * a paragraph without a final stop is a unit of its own), but a single line break does not: transcripts and
 * scraped texts are often hard-wrapped, and a wrapped sentence is still one sentence. Known limit: an
 * abbreviation with a full stop ("Dr.") ends a sentence, as it does in most QDA tools.
 */

export interface TextUnit {
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter('und', { granularity: 'sentence' });

/** Sentence units of a canonical (LF) text, trimmed of surrounding white space; blank stretches are no unit. */
export function sentenceUnits(text: string): TextUnit[] {
  // ICU breaks at every LF; a lone LF becomes a space of the same length, so offsets stay those of `text`
  const unwrapped = text.replace(/(?<!\n)\n(?!\n)/g, ' ');
  const units: TextUnit[] = [];
  for (const { segment, index } of segmenter.segment(unwrapped)) {
    const lead = segment.length - segment.trimStart().length;
    const body = segment.trim();
    if (body !== '') units.push({ start: index + lead, end: index + lead + body.length });
  }
  return units;
}
