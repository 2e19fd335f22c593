import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { parse } from 'yaml';
import { parseCanonicalSidecar, parseSidecarYaml, serializeSidecar } from '../../src/core/sidecar';
import { isBlockSafe, memoYaml } from '../../src/core/sidecar/serialize';

const FILE = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'sidecars', 'multilingual.txt.annotations.yaml');
const CANONICAL = readFileSync(FILE, 'utf8');

/** The fixture with `memo` on its first annotation, written by our writer. */
function withMemo(memo: string): string {
  const parsed = parseSidecarYaml(CANONICAL, FILE).sidecar;
  assert.ok(parsed);
  const [first, ...rest] = parsed.annotations;
  assert.ok(first);
  return serializeSidecar({ ...parsed, annotations: [{ ...first, memo }, ...rest] });
}

describe('multi-line memos in the sidecar', () => {
  const PARAGRAPH = [
    'The speaker borrows the vocabulary of border control.',
    '',
    '  - compare the 2019 speech',
    '# not a comment: a line of the memo',
    'Ends here: "quoted", and a colon: too',
  ].join('\n');

  it('writes a memo of several lines as a literal block scalar, line for line', () => {
    const text = withMemo(PARAGRAPH);
    assert.match(
      text,
      /\n {4}memo: \|-\n {6}The speaker borrows the vocabulary of border control\.\n\n {8}- compare the 2019 speech\n {6}# not a comment/,
    );
  });

  it('reads it back unchanged with the yaml library, the full reader and the fast reader', () => {
    const text = withMemo(PARAGRAPH);
    const plain = parse(text) as { annotations: { memo?: string }[] };
    assert.ok(plain.annotations.some((a) => a.memo === PARAGRAPH));
    const full = parseSidecarYaml(text, FILE).sidecar;
    const fast = parseCanonicalSidecar(text, FILE);
    assert.ok(fast, 'the fast reader takes our own block scalar');
    assert.deepEqual(fast, full);
    assert.ok(full?.annotations.some((a) => a.memo === PARAGRAPH));
    // and writing what was read gives the same bytes
    assert.ok(full);
    assert.equal(serializeSidecar(full), text);
  });

  it('keeps one-line memos and memos a block cannot hold exactly double-quoted', () => {
    assert.equal(memoYaml('one line'), '"one line"');
    for (const memo of [' leading space\nsecond', 'trailing break\n', '\nleading break', 'tab\there\nx', 'a\r\nb']) {
      assert.equal(isBlockSafe(memo), false, JSON.stringify(memo));
      assert.ok(memoYaml(memo).startsWith('"'), JSON.stringify(memo));
    }
  });

  it('property: any memo survives writing and both readers exactly', () => {
    const line = fc.stringMatching(/^[ -~а-яё数据主权\u00e9]{0,12}$/);
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), (lines) => {
        const memo = lines.join('\n');
        const text = withMemo(memo);
        const full = parseSidecarYaml(text, FILE);
        assert.equal(full.problems.length, 0, `${JSON.stringify(memo)}: ${JSON.stringify(full.problems)}`);
        assert.ok(
          full.sidecar?.annotations.some((a) => a.memo === memo),
          JSON.stringify(memo),
        );
        const fast = parseCanonicalSidecar(text, FILE);
        if (fast) assert.deepEqual(fast, full.sidecar);
        else assert.equal(isBlockSafe(memo) || memoYaml(memo).startsWith('"'), true);
      }),
      { numRuns: 300 },
    );
  });
});
