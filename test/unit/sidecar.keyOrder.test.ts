/**
 * The key order for reviewers: a retag read in a plain `git diff` (three lines of context, no textconv) names
 * the quote and the coder, and files written in the earlier order are read the same by both readers.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAnnotation, retagAnnotation, type Annotation } from '../../src/core/annotations';
import { parseCanonicalSidecar, parseSidecar, serializeSidecar } from '../../src/core/sidecar';
import { textHash } from '../../src/core/text';
import { tempRepo } from './gitRepo';

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'sidecars');
const SIDECAR = 'multilingual.txt.annotations.yaml';

const TEXT = [
  'The envoy defended cyber sovereignty at the forum.',
  'A second speaker asked for data localisation.',
  'The third called for a sovereign internet.',
].join('\n');

function code(quote: string, frame: string, id: string): Annotation {
  const start = TEXT.indexOf(quote);
  return createAnnotation(TEXT, start, start + quote.length, frame, 'alice', '2026-11-20', id);
}

const yamlOf = (annotations: Annotation[]): string =>
  serializeSidecar(
    { version: 1, source: 'talk.txt', sourceHash: textHash(TEXT), codebook: 'sovereignty', annotations },
    TEXT,
  );

describe('sidecar key order for reviewers', () => {
  it("a retag's hunk in a plain git diff shows the quote and who coded and changed it", () => {
    const list = [
      code('cyber sovereignty', 'cyber-sovereignty', 'a0000000001'),
      { ...code('data localisation', 'data-sovereignty', 'a0000000002'), memo: 'a long memo about the claim' },
      code('sovereign internet', 'cyber-sovereignty', 'a0000000003'),
    ];
    const repo = tempRepo(false);
    try {
      repo.write('talk.txt', TEXT);
      repo.write('talk.txt.annotations.yaml', yamlOf(list));
      repo.commitAll('coded');
      repo.write(
        'talk.txt.annotations.yaml',
        yamlOf(retagAnnotation(list, 'a0000000002', 'state-sovereignty', { by: 'bea', on: '2026-11-25' })),
      );
      const diff = repo.git('diff', '--no-ext-diff', '--no-textconv', '-U3', '--', 'talk.txt.annotations.yaml');
      const hunks = diff.split(/^@@.*$/m).slice(1);
      const retag = hunks.filter((h) => h.includes('-    frame: data-sovereignty'));
      assert.equal(retag.length, 1, diff);
      assert.match(retag[0], /^\+ {4}frame: state-sovereignty$/m);
      assert.match(retag[0], /^ {5}quote: "data localisation"$/m, `the quote is in the hunk:\n${diff}`);
      assert.match(retag[0], /^ {5}coder: alice$/m);
      assert.match(retag[0], /^\+ {4}modifiedBy: bea$/m);
      assert.equal(hunks.length, 1, `one hunk for one retag:\n${diff}`);
    } finally {
      repo.remove();
    }
  });

  it('reads a file in the earlier key order as the same annotations, fast reader and full reader alike', () => {
    const legacy = readFileSync(join(FIXTURES, 'multilingual.legacy-order.yaml'), 'utf8');
    const current = readFileSync(join(FIXTURES, SIDECAR), 'utf8');
    assert.ok(/^ {4}start: .*\n {4}end: /m.test(legacy) && legacy.indexOf('start:') < legacy.indexOf('quote:'));
    const fast = parseCanonicalSidecar(legacy, SIDECAR);
    assert.ok(fast, 'the fast reader takes the earlier order too (a large old file opens as quickly)');
    assert.deepEqual(fast, parseCanonicalSidecar(current, SIDECAR));
    const full = parseSidecar(legacy, SIDECAR);
    assert.deepEqual(full.problems, []);
    assert.deepEqual(full.sidecar, fast);
    assert.equal(serializeSidecar(fast, readFileSync(join(FIXTURES, 'multilingual.txt'), 'utf8')), current);
  });

  it('the fast reader refuses a block that mixes the two orders (the full reader then takes it)', () => {
    const current = readFileSync(join(FIXTURES, SIDECAR), 'utf8');
    // the first block's prefix moved in front of its quote: in neither order
    const lines = current.split('\n');
    const block = lines.findIndex((l) => l.startsWith('  - id: '));
    const prefix = lines.findIndex((l, i) => i > block && l.startsWith('    prefix: '));
    const [prefixLine] = lines.splice(prefix, 1);
    lines.splice(block + 2, 0, prefixLine);
    const mixed = lines.join('\n');
    assert.equal(parseCanonicalSidecar(mixed, SIDECAR), undefined);
    assert.deepEqual(
      parseSidecar(mixed, SIDECAR).sidecar?.annotations,
      parseSidecar(current, SIDECAR).sidecar?.annotations,
    );
  });
});
