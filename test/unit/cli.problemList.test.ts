/**
 * The summary of a long problem list (src/cli/problemList.ts) at the size an export of 100,000 annotations
 * meets: counts per kind in the order the kinds first appear, the first few of each kind in their own order,
 * every error in full. Grouping used to copy a kind's list per problem, which made this size take 20 s.
 */
import * as assert from 'node:assert/strict';
import type { Problem } from '../../src/core/input';
import { problemLines, SHOWN_PER_KIND } from '../../src/cli/problemList';

function warning(i: number, kind: string | undefined): Problem {
  return { file: `t${i}.txt.annotations.yaml`, line: i + 1, column: 1, severity: 'warning', message: `w${i}`, kind };
}

describe('problem list summary', () => {
  it('groups 100,000 warnings by kind, keeping each kind in order, and prints every error', () => {
    const problems: Problem[] = [];
    for (let i = 0; i < 100_000; i++) problems.push(warning(i, i % 3 === 0 ? 'moved' : undefined));
    problems.push({ file: 'bad.yaml', line: 3, column: 2, severity: 'error', message: 'broken' });
    const lines = problemLines(problems, false);
    assert.equal(
      lines[0],
      `100001 problems: 1 error(s), warnings: 33334 moved, 66666 other (the first ${SHOWN_PER_KIND} of each kind follow; --verbose lists all)`,
    );
    assert.equal(lines[1], 'bad.yaml:3:2: error: broken');
    const moved = lines.slice(2, 2 + SHOWN_PER_KIND).map((l) => /: w(\d+)$/.exec(l)?.[1]);
    assert.deepEqual(moved, ['0', '3', '6', '9', '12'].slice(0, SHOWN_PER_KIND));
    assert.equal(lines[2 + SHOWN_PER_KIND], `… and ${33334 - SHOWN_PER_KIND} more 'moved' warning(s)`);
    const other = lines.slice(3 + SHOWN_PER_KIND, 3 + 2 * SHOWN_PER_KIND).map((l) => /: w(\d+)$/.exec(l)?.[1]);
    assert.deepEqual(other, ['1', '2', '4', '5', '7'].slice(0, SHOWN_PER_KIND));
    assert.equal(lines.at(-1), `… and ${66666 - SHOWN_PER_KIND} more 'other' warning(s)`);
    assert.equal(lines.length, 3 + 2 * (SHOWN_PER_KIND + 1) - 1);
  });
});
