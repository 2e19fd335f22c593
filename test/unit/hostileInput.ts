/**
 * Sample files for the tests that feed hostile bytes to the readers (strict UTF-8, fuzzing): a small text of our
 * own with a sidecar coding it, the full test codebook, and a way to plant raw bytes inside a chosen field
 * (the strings stay valid UTF-8, so bad bytes can only be planted in a Buffer).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAnnotation } from '../../src/core/annotations';
import { serializeSidecar } from '../../src/core/sidecar';

/** Written for these tests: English, Russian, Chinese and an astral character, on four lines. */
export const SAMPLE_TEXT =
  [
    'The harbour council spoke of digital sovereignty at noon.',
    'Совет говорил о цифровом суверенитете до вечера.',
    '理事会讨论了网络主权的问题。',
    'A fish 🐟 swam past the data localization notice.',
  ].join('\n') + '\n';

function codeOf(quote: string, frame: string, coder: string, memo?: string): ReturnType<typeof createAnnotation> {
  const start = SAMPLE_TEXT.indexOf(quote);
  const a = createAnnotation(
    SAMPLE_TEXT,
    start,
    start + quote.length,
    frame,
    coder,
    '2026-11-30',
    `a${String(start).padStart(10, '0')}`,
  );
  if (memo !== undefined) a.memo = memo;
  return a;
}

/** A canonical sidecar coding the sample text, with a comment line added by hand as people do. */
export const SAMPLE_SIDECAR = serializeSidecar(
  {
    version: 1,
    source: 'sample.txt',
    sourceHash: '',
    codebook: 'sovereignty',
    annotations: [
      codeOf('digital sovereignty', 'digital-sovereignty', 'alice', 'said twice'),
      codeOf('цифровом суверенитете', 'digital-sovereignty', 'борис'),
      codeOf('网络主权', 'cyber-sovereignty', 'alice'),
      codeOf('🐟 swam', 'territory', 'alice'),
    ],
  },
  SAMPLE_TEXT,
).replace('annotations:\n', 'annotations:\n  # checked by hand on Monday\n');

export const FIXTURE_CODEBOOK = readFileSync(
  join(__dirname, '..', '..', '..', 'test', 'fixtures', 'codebooks', 'valid-full.yaml'),
  'utf8',
);

/** The bytes of `text` with `bad` inserted right after the first occurrence of `after`; and the 1-based line and column of the insertion. */
export function plantBytes(
  text: string,
  after: string,
  bad: readonly number[],
): { bytes: Buffer; line: number; column: number } {
  const at = text.indexOf(after);
  if (at < 0) throw new Error(`'${after}' is not in the sample`);
  const cut = at + after.length;
  const before = text.slice(0, cut);
  const line = before.split('\n').length;
  const column = cut - (before.lastIndexOf('\n') + 1) + 1;
  return {
    bytes: Buffer.concat([Buffer.from(before, 'utf8'), Buffer.from(bad), Buffer.from(text.slice(cut), 'utf8')]),
    line,
    column,
  };
}
