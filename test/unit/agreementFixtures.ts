/**
 * Small builders for the agreement tests: a codebook from YAML (failing the test with the loader's problems),
 * and annotations placed by their quote in a text.
 */
import * as assert from 'node:assert/strict';
import { createAnnotation, type Annotation } from '../../src/core/annotations';
import { parseCodebook, type Codebook } from '../../src/core/codebook';

export function codebookOf(yaml: string): Codebook {
  const { codebook, problems } = parseCodebook(yaml, 'codebook.yaml');
  assert.ok(codebook, JSON.stringify(problems));
  return codebook;
}

/** A function that tags the first occurrence of a quote in `text`, with ids `<prefix>0000000001`, … */
export function taggerFor(
  text: string,
  prefix: string,
  date = '2026-12-03',
): (coder: string, frame: string, quote: string) => Annotation {
  let counter = 0;
  return (coder, frame, quote) => {
    const start = text.indexOf(quote);
    assert.ok(start >= 0, `'${quote}' is in the text`);
    return createAnnotation(
      text,
      start,
      start + quote.length,
      frame,
      coder,
      date,
      `${prefix}${String(++counter).padStart(10, '0')}`,
    );
  };
}
