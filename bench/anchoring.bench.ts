/**
 * Anchoring benchmark (a script, not a test): `npm run bench:anchoring` (`-- --n 20` for a shorter run).
 * Generates edits with known truth on our own English, Russian and Chinese documents (bench/anchoring/), re-
 * anchors each annotation with ours and with a port of Hypothesis's matchQuote in the same run, prints each
 * kind side by side, times 1,000 and 10,000 annotations after one character inserted at the top, and ends
 * with `N passed, N failed` against the targets of issues 18 and 10.
 */
import { runAnchoringBench } from './anchoring/run';

const at = process.argv.indexOf('--n');
const scale = at > 0 ? Number(process.argv[at + 1]) : 1;
const report = runAnchoringBench({
  perKind: Number.isFinite(scale) && scale !== 1 ? scale : undefined,
  log: (line) => console.log(line),
});
console.log(`${report.passed} passed, ${report.failed} failed`);
process.exitCode = report.failed > 0 ? 1 : 0;
