/**
 * Units of analysis for agreement: the sentences of a text, as Unicode's sentence boundaries (UAX #29, through
 * ICU's Intl.Segmenter) find them in English, Russian and Chinese alike. A blank line (empty, or only spaces
 * and tabs) ends a unit (a heading or a paragraph without a final stop is a unit of its own), but a single line
 * break does not: transcripts and scraped texts are often hard-wrapped, and a wrapped sentence is one sentence. Known limit, stated in
 * docs/agreement.md: an abbreviation with a full stop ("Dr.", "в 2019 г.") ends a sentence, as in most QDA tools.
 */

export interface TextUnit {
  start: number;
  end: number;
}

/** The units agreement can count over (docs/agreement.md, "Unit of analysis"); sentence is the default. */
export const AGREEMENT_UNITS = ['sentence', 'paragraph', 'document', 'character'] as const;
export type AgreementUnit = (typeof AGREEMENT_UNITS)[number];

const segmenter = new Intl.Segmenter('und', { granularity: 'sentence' });

/** A blank line: a line break, then any lines holding only spaces or tabs, then a line break. */
const PARAGRAPH_BREAK = /\n(?:[^\S\n]*\n)+/g;
/**
 * Opening quotation marks and brackets (Unicode Ps and Pi) at the end of a segment. ICU keeps them with the
 * sentence before (三句？“ | 四句。”), but they open the next one: a coder who selects a quoted sentence with its
 * marks must be counted on that sentence.
 */
const TRAILING_OPENERS = /[\p{Ps}\p{Pi}]+$/u;

/** Sentence units of a canonical (LF) text, trimmed of surrounding white space; blank stretches are no unit. */
export function sentenceUnits(text: string): TextUnit[] {
  const units: TextUnit[] = [];
  let from = 0;
  for (const br of text.matchAll(PARAGRAPH_BREAK)) {
    sentencesOfParagraph(text, from, br.index, units);
    from = br.index + br[0].length;
  }
  sentencesOfParagraph(text, from, text.length, units);
  return units;
}

/** Paragraphs: the stretches between blank lines, trimmed; blank stretches are no unit. */
export function paragraphUnits(text: string): TextUnit[] {
  const units: TextUnit[] = [];
  let from = 0;
  const push = (to: number): void => {
    const body = text.slice(from, to);
    const lead = body.length - body.trimStart().length;
    const trimmed = body.trim();
    if (trimmed !== '') units.push({ start: from + lead, end: from + lead + trimmed.length });
  };
  for (const br of text.matchAll(PARAGRAPH_BREAK)) {
    push(br.index);
    from = br.index + br[0].length;
  }
  push(text.length);
  return units;
}

/** The whole text, trimmed, as one unit (none for a blank text). */
export function documentUnits(text: string): TextUnit[] {
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  return trimmed === '' ? [] : [{ start: lead, end: lead + trimmed.length }];
}

function sentencesOfParagraph(text: string, from: number, to: number, units: TextUnit[]): void {
  // ICU breaks at every LF; inside a paragraph a LF becomes a space of the same length, so offsets stay exact
  const paragraph = text.slice(from, to).replace(/\n/g, ' ');
  const segments = [...segmenter.segment(paragraph)];
  let carried = 0;
  for (const [i, { segment, index }] of segments.entries()) {
    const start = from + index - carried;
    let body = paragraph.slice(index - carried, index + segment.length);
    carried = 0;
    const openers = TRAILING_OPENERS.exec(body.trimEnd());
    if (openers && i < segments.length - 1 && openers[0].length < body.trim().length) {
      // the marks move to the next segment; what follows them (spaces) is trimmed there
      carried = body.length - openers.index;
      body = body.slice(0, openers.index);
    }
    const lead = body.length - body.trimStart().length;
    const trimmed = body.trim();
    if (trimmed !== '') units.push({ start: start + lead, end: start + lead + trimmed.length });
  }
}
