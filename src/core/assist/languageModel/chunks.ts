/**
 * The text cut into chunks for a language model: whole paragraphs (blank-line separated) up to a size, a
 * paragraph longer than that cut at sentence boundaries, so that a model never sees half a sentence and every
 * chunk's offsets map straight back to the text.
 */
import { sentenceUnits } from '../../agreement/units';

export interface TextChunk {
  start: number;
  end: number;
  text: string;
}

/** About 1,500 tokens of English: small enough for every chat model's context beside the codebook. */
export const DEFAULT_CHUNK_CHARS = 6000;

export function textChunks(text: string, maxChars = DEFAULT_CHUNK_CHARS): TextChunk[] {
  const pieces: { start: number; end: number }[] = [];
  // sentence units never cross a blank line, so grouping them keeps paragraphs whole where they fit
  for (const u of sentenceUnits(text)) {
    const last = pieces[pieces.length - 1];
    if (last !== undefined && u.end - last.start <= maxChars) last.end = u.end;
    else pieces.push({ start: u.start, end: u.end });
  }
  return pieces.map((p) => ({ ...p, text: text.slice(p.start, p.end) }));
}
