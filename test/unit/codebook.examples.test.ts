/**
 * A codebook that tests itself: each frame's examples are checked against its cues when the codebook loads and
 * in `sovcode validate`. Warnings at the example's line for an example no cue of its frame finds, or whose first
 * cue belongs to another frame; none for the shipped codebook, so CI keeps its examples and cues in step.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCodebook } from '../../src/core/codebook';
import { exampleProblems } from '../../src/core/codebookTests';

const CODEBOOK = `codebook: t
title: T
frames:
  - id: group
    label: Group
    color: "#123456"
    definition: A group.
    examples:
      - "A plain digital sovereignty claim."
  - id: data
    label: Data
    color: "#654321"
    parent: group
    definition: Data at home.
    examples:
      - "Data localisation laws keep the data at home."
      - "Our data must stay in the country."
      - "Great Firewall first, then data localization."
    terms:
      - data localization
  - id: territory
    label: Territory
    color: "#abcdef"
    parent: group
    definition: Borders on the network.
    terms:
      - Great Firewall
`;

describe('codebook examples as tests', () => {
  it('warns at the line of an example its frame does not cue, or that another frame cues first', () => {
    const { codebook } = parseCodebook(CODEBOOK, 'cb.yaml');
    assert.ok(codebook);
    const problems = exampleProblems(codebook);
    assert.deepEqual(
      problems.map((p) => `${p.line}:${p.column} ${p.severity}`),
      ['9:10 warning', '17:10 warning', '18:10 warning'],
    );
    assert.match(problems[0].message, /no cue of frame 'group' finds this example/);
    assert.match(problems[1].message, /no cue of frame 'data' finds this example/);
    assert.match(problems[2].message, /the first cue in this example is 'Great Firewall' of frame 'territory'/);
  });

  it('counts a cue of a nested frame for its group, and an inflected form (localisation) as the cue', () => {
    const { codebook } = parseCodebook(
      CODEBOOK.replace('A plain digital sovereignty claim.', 'Data localization, as a claim.'),
      'cb.yaml',
    );
    assert.ok(codebook);
    assert.deepEqual(
      exampleProblems(codebook).map((p) => p.line),
      [17, 18],
    );
  });

  it('the shipped codebook and the sample copy pass their own examples', () => {
    for (const file of ['codebook/sovereignty.yaml', 'sample/codebook.yaml']) {
      const { codebook } = parseCodebook(readFileSync(join(__dirname, '..', '..', '..', file), 'utf8'), file);
      assert.ok(codebook, file);
      assert.deepEqual(exampleProblems(codebook), [], file);
      assert.ok(
        codebook.frames.every((f) => f.examples.length > 0),
        `${file}: every frame has examples`,
      );
    }
  });
});
