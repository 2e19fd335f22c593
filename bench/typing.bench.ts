/**
 * Typing benchmark (a script, not a test): `npm run bench:typing`. What the editor does on each keystroke in a
 * 10 MB document with 50 and 5,000 cue terms, against a baseline measured in the same run: scanning the whole
 * document again, which is what an extension without incremental matching would do per keystroke.
 *
 * Measured (medians of 201 keystrokes each): updateMatches for one character typed in the middle of the
 * document, a paste of a paragraph, and a deletion of a line. The ratio to the full scan says how much typing
 * latency incremental matching saves; a keystroke's budget is about 16 ms (one frame).
 */
import { Matcher, updateMatches, type TermMatch, type TextChange } from '../src/core/matcher';
import { codebook, makeText, median } from './fixtures';

interface Edit {
  name: string;
  change: (text: string, at: number) => TextChange;
}

const EDITS: Edit[] = [
  { name: 'type one character', change: (_t, at) => ({ rangeOffset: at, rangeLength: 0, text: 'x' }) },
  { name: 'paste a paragraph (400 chars)', change: (_t, at) => ({ rangeOffset: at, rangeLength: 0, text: 'the cyber sovereignty of the Global South and data localisation '.repeat(6) }) },
  { name: 'delete a line', change: (t, at) => ({ rangeOffset: at, rangeLength: t.indexOf('\n', at) - at + 1, text: '' }) },
];

function applyChange(text: string, c: TextChange): string {
  return text.slice(0, c.rangeOffset) + c.text + text.slice(c.rangeOffset + c.rangeLength);
}

/** Median ms of `runs` edits at different places in the middle half of the text (each on the original text). */
function timeEdits(m: Matcher, text: string, matches: TermMatch[], edit: Edit, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const line = text.indexOf('\n', Math.floor(text.length * (0.25 + (0.5 * i) / runs))) + 1;
    const c = edit.change(text, line + 10);
    const after = applyChange(text, c);
    // a concatenation is a rope in V8; the editor hands over a flat string, so flatten it outside the timing
    if (after.indexOf('\u0000') === -2) console.log('unreachable');
    const t0 = process.hrtime.bigint();
    updateMatches(matches, [c], after, m);
    if (i > 0) times.push(Number(process.hrtime.bigint() - t0) / 1e6); // the first run warms up
  }
  return median(times);
}

function main(): void {
  const text = makeText(10_000_000);
  console.log(`document: ${(text.length / 1e6).toFixed(1)} M UTF-16 units`);
  const rows: string[][] = [['per keystroke (median ms)', '50 terms', '5,000 terms']];
  const results = [50, 5000].map((n) => {
    const m = Matcher.compile(codebook(n));
    const matches = m.find(text);
    const full: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = process.hrtime.bigint();
      m.find(text);
      full.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    return { matches: matches.length, full: median(full), edits: EDITS.map((e) => timeEdits(m, text, matches, e, 201)) };
  });
  const [a, b] = results as [(typeof results)[0], (typeof results)[0]];
  rows.push(['matches in the document', String(a.matches), String(b.matches)]);
  rows.push(['baseline: scan the whole document again', a.full.toFixed(1), b.full.toFixed(1)]);
  EDITS.forEach((e, i) => {
    rows.push([`updateMatches: ${e.name}`, (a.edits[i]).toFixed(3), (b.edits[i]).toFixed(3)]);
  });
  rows.push(['full scan / incremental (type one character)', `${(a.full / (a.edits[0])).toFixed(0)}x`, `${(b.full / (b.edits[0])).toFixed(0)}x`]);
  const width = Math.max(...rows.map((r) => (r[0]).length));
  for (const r of rows) console.log(`${(r[0]).padEnd(width)}  ${(r[1]).padStart(10)}  ${(r[2]).padStart(12)}`);
}

main();
