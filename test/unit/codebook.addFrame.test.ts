import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { addFrameToCodebook } from '../../src/core/codebook/addFrame';

const SHIPPED = readFileSync('codebook/sovereignty.yaml', 'utf8');
const FIXTURE = readFileSync('test/fixtures/workspace/codebook.yaml', 'utf8');

/** The lines `after` adds to `before`, when it only adds one contiguous block; throws otherwise. */
function addedBlock(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  assert.equal(head + tail, a.length, 'every line of the old file is kept, in order');
  return b.slice(head, b.length - tail);
}

describe('adding a frame to a codebook file', () => {
  it('appends a top-level frame as one block, keeping every other line and comment', () => {
    const result = addFrameToCodebook(FIXTURE, 'codebook.yaml', {
      id: 'border-talk',
      label: 'Border talk',
      color: '#8e24aa',
      definition: 'Speech about borders in general.',
    });
    assert.ok('text' in result, JSON.stringify(result.problems));
    assert.deepEqual(addedBlock(FIXTURE, result.text), [
      '  - id: "border-talk"',
      '    label: "Border talk"',
      '    color: "#8e24aa"',
      '    definition: "Speech about borders in general."',
      '    terms: []',
    ]);
    assert.ok(result.text.startsWith('# A small codebook for the integration and UI tests'));
    assert.equal(result.codebook.frames.at(-1)?.id, 'border-talk');
    // a frame with no terms is allowed, with the codebook's own warning at its line
    assert.ok(result.problems.some((p) => p.severity === 'warning' && /border-talk/.test(p.message)));
  });

  it('puts a child after its parent family in the shipped codebook, quoting what needs it', () => {
    const result = addFrameToCodebook(SHIPPED, 'sovereignty.yaml', {
      id: 'sovereign-cloud',
      label: 'Sovereign cloud: "ours"',
      color: '#0a7',
      parent: 'claims',
      definition: 'Cloud services presented as a sovereign asset — 主权云, суверенное облако.',
    });
    assert.ok('text' in result, JSON.stringify(result.problems));
    const block = addedBlock(SHIPPED, result.text);
    assert.ok(block.includes('  - id: "sovereign-cloud"'), block.join('\n'));
    assert.match(result.text, /\n\n {2}- id: "sovereign-cloud"\n/, 'set apart by a blank line like its neighbours');
    assert.ok(block.includes('    label: "Sovereign cloud: \\"ours\\""'), block.join('\n'));
    assert.ok(block.includes('    parent: "claims"'));
    const frame = result.codebook.frames.find((f) => f.id === 'sovereign-cloud');
    assert.equal(frame?.label, 'Sovereign cloud: "ours"');
    assert.equal(frame?.definition, 'Cloud services presented as a sovereign asset — 主权云, суверенное облако.');
    // after the last frame of the claims family, before the first frame of the next group
    const ids = result.codebook.frames.map((f) => f.id);
    const at = ids.indexOf('sovereign-cloud');
    assert.equal(result.codebook.frames[at - 1]?.parent ?? result.codebook.frames[at - 1]?.id, 'claims');
    assert.notEqual(result.codebook.frames[at + 1]?.parent, 'claims');
  });

  it('refuses a duplicate id, an unknown parent and a bad colour with the codebook checks, text unchanged', () => {
    const base = { label: 'X', definition: 'Y.', color: '#123456' };
    const duplicate = addFrameToCodebook(FIXTURE, 'codebook.yaml', { ...base, id: 'data-resource' });
    assert.ok(!('text' in duplicate));
    assert.ok(
      duplicate.problems.some((p) => /data-resource/.test(p.message) && p.line > 1),
      JSON.stringify(duplicate),
    );
    const orphan = addFrameToCodebook(FIXTURE, 'codebook.yaml', { ...base, id: 'x', parent: 'nowhere' });
    assert.ok(!('text' in orphan) && orphan.problems.some((p) => /nowhere/.test(p.message)));
    const colour = addFrameToCodebook(FIXTURE, 'codebook.yaml', { ...base, id: 'x', color: 'blue' });
    assert.ok(!('text' in colour) && colour.problems.some((p) => /colour/.test(p.message)));
    const badId = addFrameToCodebook(FIXTURE, 'codebook.yaml', { ...base, id: 'Not An Id' });
    assert.ok(!('text' in badId) && badId.problems.some((p) => /not a valid id/.test(p.message)));
  });

  it('refuses a codebook that already has errors', () => {
    const broken = addFrameToCodebook('codebook: x\n', 'c.yaml', {
      id: 'a',
      label: 'A',
      color: '#000',
      definition: 'D.',
    });
    assert.ok(!('text' in broken) && /fix them before adding/.test(broken.problems[0]?.message ?? ''));
  });

  it('adds to a file without a final line break', () => {
    const result = addFrameToCodebook(FIXTURE.trimEnd(), 'codebook.yaml', {
      id: 'last',
      label: 'Last',
      color: '#000',
      definition: 'D.',
    });
    assert.ok('text' in result, JSON.stringify(result.problems));
    assert.ok(result.text.endsWith('    terms: []\n'));
  });
});
