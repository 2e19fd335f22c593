/**
 * Typing benchmark (a script, not a test): `npm run bench:typing`. What the core does on each keystroke in a
 * 10 MB document with 50 and 5,000 cue terms (issue 10, target 2: p95 < 1 ms), against a baseline measured in
 * the same run: scanning the whole document again, which is what an extension without incremental matching
 * would do per keystroke.
 *
 * Each kind of edit (one character typed, a paragraph pasted, a line deleted) is made 101 times in a row at
 * places spread over the document, on one MatchIndex as in the editor; the text is rebuilt and flattened
 * outside the timing (the editor hands over excerpts of a flat text). The smoke test runs it at a tiny size.
 */
import { Matcher, MatchIndex, stringSource, updateMatches, type TextChange } from '../src/core/matcher';
import { codebook, makeText } from './fixtures';
import { isMain, quantile, Report, stopwatch } from './report';

interface Edit {
  name: string;
  change: (text: string, at: number) => TextChange;
}

const EDITS: Edit[] = [
  { name: 'type one character', change: (_t, at) => ({ rangeOffset: at, rangeLength: 0, text: 'x' }) },
  {
    name: 'paste a paragraph (400 chars)',
    change: (_t, at) => ({
      rangeOffset: at,
      rangeLength: 0,
      text: 'the cyber sovereignty of the Global South and data localisation '.repeat(6),
    }),
  },
  {
    name: 'delete a line',
    change: (t, at) => ({ rangeOffset: at, rangeLength: Math.max(0, t.indexOf('\n', at) - at + 1), text: '' }),
  },
];

/**
 * Edits made before the timed ones, so that the JIT has compiled the update path (the editor's is hot). 40, not
 * 10: the update re-scans through Scanner, which find() no longer runs (fullScan.ts), so the three full scans
 * before no longer warm it up; with 10 the first timed edits ran half-compiled code (p95 1.5 ms, median 0.2).
 */
const WARM_UP = 40;

/** Per-edit times in ms of `runs` edits spread over the text, applied one after another. */
function timeEdits(m: Matcher, start: string, edit: Edit, runs: number): number[] {
  let text = start;
  const index = new MatchIndex(m.find(text));
  const times: number[] = [];
  for (let i = -WARM_UP; i < runs; i++) {
    const line = text.indexOf('\n', Math.floor(text.length * (0.1 + (0.8 * Math.max(0, i)) / runs))) + 1;
    const c = edit.change(text, Math.min(text.length, line + 10));
    text = text.slice(0, c.rangeOffset) + c.text + text.slice(c.rangeOffset + c.rangeLength);
    text.indexOf('\u0000'); // flattens the concatenation (a rope in V8) outside the timing
    const elapsed = stopwatch();
    updateMatches(index, [c], stringSource(text), m);
    if (i >= 0) times.push(elapsed());
  }
  return times;
}

export function runTypingBench(chars: number, termCounts: readonly number[], runs: number, report: Report): void {
  const text = makeText(chars);
  report.note(`document: ${(text.length / 1e6).toFixed(2)} M UTF-16 units; ${runs} edits of each kind`);
  for (const n of termCounts) {
    const m = Matcher.compile(codebook(n));
    const full: number[] = [];
    for (let i = 0; i < 3; i++) {
      const elapsed = stopwatch();
      m.find(text);
      full.push(elapsed());
    }
    const fullMs = quantile(full, 0.5);
    for (const e of EDITS) {
      const times = timeEdits(m, text, e, runs);
      const baseline = { name: 'full re-scan (median)', value: fullMs };
      report.add({
        name: `${n} terms, ${e.name}: updateMatches p95`,
        value: quantile(times, 0.95),
        unit: 'ms',
        better: 'lower',
        baseline,
        target: { text: 'p95 < 1 ms', pass: (v) => v < 1 },
      });
      report.note(`median ${quantile(times, 0.5).toFixed(4)} ms`);
    }
  }
}

if (isMain(module)) {
  const report = new Report();
  runTypingBench(10_000_000, [50, 5000], 101, report);
  process.exitCode = report.finish() > 0 ? 1 : 0;
}
