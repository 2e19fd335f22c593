import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { framePath, matcherTerms, parseCodebook } from '../../src/core/codebook';
import { formatProblem } from '../../src/core/input';

const SHIPPED = path.join(__dirname, '../../../codebook/sovereignty.yaml');

describe('codebook: the shipped sovereignty codebook', () => {
  const { codebook, problems } = parseCodebook(fs.readFileSync(SHIPPED, 'utf8'), 'codebook/sovereignty.yaml');

  it('loads with zero problems, warnings included', () => {
    assert.deepEqual(problems.map(formatProblem), []);
    assert.ok(codebook);
    assert.equal(codebook.id, 'sovereignty');
  });

  it('has cue terms for the matcher, and every parent is a frame of the codebook', () => {
    assert.ok(codebook);
    assert.ok(matcherTerms(codebook).length > 0);
    for (const f of codebook.frames) {
      const labels = framePath(codebook, f.id);
      assert.equal(labels[labels.length - 1], f.label);
      assert.equal(labels.length, f.parent === undefined ? 1 : framePath(codebook, f.parent).length + 1);
    }
  });
});
