/**
 * A small run of the anchoring benchmark (bench/anchoring.bench.ts) inside the unit suite, so that its
 * generator, the Hypothesis baseline and the scoring cannot rot, plus checks of the folding it relies on.
 * The full run and its targets are `npm run bench:anchoring`; timings are not asserted here.
 */
import * as assert from 'node:assert/strict';
import { runAnchoringBench } from '../../bench/anchoring/run';
import { fold, foldedCore, originalRange, sameUpToWhitespace } from '../../src/core/anchoring/whitespace';

describe('Anchoring benchmark (smoke run)', () => {
  it('runs every kind in every script with ours and the baseline, and places nothing silently wrong', () => {
    const lines: string[] = [];
    const report = runAnchoringBench({ perKind: 3, speedSizes: [200], log: (line) => lines.push(line) });
    assert.equal(report.tallies.size, 7);
    for (const [kind, t] of report.tallies) {
      assert.equal(t.n, 3, kind);
      assert.equal(t.oursSilentlyWrong, 0, `${kind}: ${lines.join('\n')}`);
    }
    assert.ok(
      lines.some(
        (l) =>
          l.startsWith('200 annotations after a 1-character insert at the top: ours') &&
          l.includes('200 moved, 0 ambiguous'),
      ),
      lines.join('\n'),
    );
  });
});

describe('Whitespace-blind folding', () => {
  it('folds runs of whitespace to one space and drops them between CJK characters, mapping back to exact offsets', () => {
    const text = 'cyber \n\t sovereignty 网络\n主权 and 网络 policy';
    const f = fold(text);
    assert.equal(f.text, 'cyber sovereignty 网络主权 and 网络 policy');
    const at = f.text.indexOf('sovereignty 网络主权');
    const range = originalRange(f, at, at + 'sovereignty 网络主权'.length);
    assert.equal(text.slice(range.start, range.end), 'sovereignty 网络\n主权');
    assert.equal(foldedCore('  data\nlocalisation \n'), 'data localisation');
    assert.ok(sameUpToWhitespace('数据\n本地化', '数据本地化'));
    assert.ok(!sameUpToWhitespace('data localisation', 'datalocalisation'));
  });
});
