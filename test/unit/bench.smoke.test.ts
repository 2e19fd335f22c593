/**
 * The benchmarks are scripts kept out of `npm test` (slow, noisy); this runs each at a tiny size so they cannot
 * rot: they must run and print one verdict line per figure and the final `N passed, N failed` line. Nothing
 * here asserts a speed (that is the benchmarks' own job, at full size).
 */
import { strict as assert } from 'node:assert';
import { runAssistBench } from '../../bench/assist.bench';
import { runMatcherBench } from '../../bench/matcher.bench';
import { Report } from '../../bench/report';
import { runSidecarBench } from '../../bench/sidecar.bench';
import { runTypingBench } from '../../bench/typing.bench';
import { runWorkspaceBench } from '../../bench/workspace.bench';

/** Runs a bench into a Report that collects its lines; returns the lines and the figures' verdicts. */
function smoke(run: (report: Report) => void): { lines: string[]; verdicts: string[] } {
  const lines: string[] = [];
  const report = new Report((l) => lines.push(l));
  run(report);
  const failed = report.finish();
  const verdicts = lines.filter((l) => /^(PASS|FAIL) {2}/.test(l));
  assert.match(lines[lines.length - 1], /^\d+ passed, \d+ failed$/);
  assert.equal(lines[lines.length - 1], `${verdicts.length - failed} passed, ${failed} failed`);
  for (const v of verdicts) assert.match(v, /\(target .+\)$/, v);
  return { lines, verdicts };
}

describe('benchmarks (smoke run at tiny sizes)', () => {
  it('matcher: find() against the bare loop and one RegExp per term', () => {
    const { verdicts } = smoke((r) =>
      runMatcherBench({ texts: [20_000], termCounts: [50, 500], regexSlice: () => 2_000, runs: 1 }, r),
    );
    assert.equal(verdicts.length, 3);
    assert.ok(
      verdicts.every((v) => /baseline .+ ratio/.test(v)),
      'each figure has its baseline and ratio',
    );
  });

  it('typing: updateMatches per edit against a full re-scan', () => {
    const { verdicts } = smoke((r) => runTypingBench(20_000, [50], 3, r));
    assert.equal(verdicts.length, 3);
  });

  it('sidecar: load LF and CRLF against the full YAML reader, and save', () => {
    const { verdicts } = smoke((r) => runSidecarBench(20_000, 50, 1, r));
    assert.equal(verdicts.length, 3);
  });

  it('workspace: sovcode export and scan in a child process', function () {
    this.timeout(60_000);
    const { verdicts } = smoke((r) =>
      runWorkspaceBench(
        { texts: 3, annotationsPerText: 5, charsPerText: 2_000, scanFiles: 2, scanCharsPerFile: 5_000, runs: 1 },
        r,
      ),
    );
    assert.equal(verdicts.length, 3);
  });

  it('assist: training and suggesting against their floors', () => {
    const { verdicts } = smoke((r) => runAssistBench(200, 20_000, 1, r));
    assert.equal(verdicts.length, 2);
  });
});
