/** A two-frame codebook for the index, statistics and rename tests. */
import { parseCodebook, type Codebook } from '../../src/core/codebook';

export const TWO_FRAMES = `codebook: t\ntitle: T\nlanguages: [en]\nframes:\n  - id: land\n    label: Land\n    color: "#123456"\n    definition: d\n    terms: [land]\n  - id: sea\n    label: Sea\n    color: "#654321"\n    definition: d\n    terms: [sea]\n`;

export function testCodebook(text = TWO_FRAMES): Codebook {
  const book = parseCodebook(text, 'book.yaml').codebook;
  if (!book) throw new Error('test codebook did not parse');
  return book;
}
