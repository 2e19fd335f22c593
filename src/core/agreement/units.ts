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
    paragraphUnits(text, from, br.index, units);
    from = br.index + br[0].length;
  }
  paragraphUnits(text, from, text.length, units);
  return units;
}

function paragraphUnits(text: string, from: number, to: number, units: TextUnit[]): void {
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
