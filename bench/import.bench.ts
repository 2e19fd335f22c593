/**
 * Import benchmark (a script, not a test): `npm run bench:import`.
 *
 * Generates a 300-page two-column PDF with running headers and page numbers, and a DOCX of about 5 MB, then
 * converts each in process and through the import worker (as the CLI and VS Code do), printing the time and,
 * for the worker runs, the longest stall of this thread's event loop while the worker converts (what the
 * extension host would feel; it must stay under 50 ms). A baseline in the same run: reading the same bytes
 * and hashing them, the floor of any import.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { convertOriginal } from '../src/core/import/convert';
import { workerConverter } from '../src/core/import/workerClient';
import { makeDocx, type DocBlock } from '../test/unit/importFixtures/officeWriter';
import { layoutColumn, makePdf, type PlacedText } from '../test/unit/importFixtures/pdfWriter';

const WORDS =
  'sovereignty state border treaty council delegate region autonomy federation court data platform law nation people vote'.split(
    ' ',
  );

function sentence(seed: number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[(seed * 7 + i * 13) % WORDS.length] ?? 'word');
  return `${out.join(' ')}.`;
}

function bigPdf(pages: number): Uint8Array {
  return makePdf({
    pages: Array.from({ length: pages }, (_, p) => {
      const header: PlacedText[] = [
        { x: 60, y: 800, size: 8, text: 'Benchmark Journal of Sovereignty' },
        { x: 290, y: 40, size: 8, text: String(p + 1) },
      ];
      const column = (offset: number): string[] =>
        Array.from({ length: 4 }, (_, i) => sentence(p * 10 + i + offset, 45));
      return {
        texts: [...header, ...layoutColumn(column(0), 60, 760, 220, 9), ...layoutColumn(column(5), 320, 760, 220, 9)],
      };
    }),
  });
}

/** Seeded pseudo-random words from syllables: text that compresses like prose (about 3x), not like a repeated line. */
function proseMaker(seed: number): (words: number) => string {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const syllables =
    'so ve re ign ty sta te bor der tre a ty coun cil de le gate re gion au to no my fe de ra tion'.split(' ');
  const word = (): string =>
    Array.from(
      { length: 1 + Math.floor(next() * 3) },
      () => syllables[Math.floor(next() * syllables.length)] ?? 'a',
    ).join('');
  return (words) => `${Array.from({ length: words }, word).join(' ')}.`;
}

function docxOf(count: number): Uint8Array {
  const prose = proseMaker(42);
  const blocks: DocBlock[] = Array.from({ length: count }, (_, i) =>
    i % 20 === 0
      ? { heading: `Section ${i / 20 + 1}` }
      : { paragraph: prose(60), ...(i % 50 === 1 ? { footnote: prose(12) } : {}) },
  );
  return makeDocx(blocks, { title: 'Benchmark', author: 'Bench', created: '2024-01-01' });
}

/** A DOCX of about `targetBytes`: the size of a small one scaled up (zipped size grows about linearly). */
function bigDocx(targetBytes: number): Uint8Array {
  const probe = 2000;
  return docxOf(Math.ceil((probe * targetBytes) / docxOf(probe).length));
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

async function measure(name: string, file: string, bytes: Uint8Array): Promise<void> {
  const floor = await timed(() => Promise.resolve(createHash('sha256').update(bytes).digest('hex')));
  // the worker run first, so the in-process run's garbage is not collected on this thread during it
  const worker = workerConverter(join(__dirname, '..', 'src', 'core', 'import', 'worker.js'));
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const inWorker = await timed(() => worker(file, bytes, {}));
  lag.disable();
  const inProcess = await timed(() => convertOriginal(file, bytes));
  const paragraphs = inProcess.value.text.split('\n').length - 1;
  console.log(`${name}: ${(bytes.length / 1e6).toFixed(2)} MB, ${paragraphs} paragraphs out`);
  console.log(
    `  hash only (floor) ${floor.ms.toFixed(0)} ms; in process ${inProcess.ms.toFixed(0)} ms; in the worker ${inWorker.ms.toFixed(0)} ms`,
  );
  console.log(
    `  longest event-loop stall of the calling thread during the worker run: ${(lag.max / 1e6).toFixed(1)} ms`,
  );
}

async function main(): Promise<void> {
  const which = process.argv[2];
  if (which !== 'docx') await measure('300-page two-column PDF', 'bench.pdf', bigPdf(300));
  if (which !== 'pdf') await measure('DOCX of about 5 MB', 'bench.docx', bigDocx(5 * 1024 * 1024));
}

void main();
