/**
 * Sidecar benchmark (a script, not a test): `npm run bench:sidecar`. Loading and saving a sidecar of 10,000
 * annotations over a 1 MB multilingual text (issue 10, target 4: load < 300 ms with LF and with CRLF line
 * ends, save < 150 ms), against the full YAML reader on the same file in the same run (what every load cost
 * before the fast reader, and what a CRLF file cost before it took CRLF). Medians of repeated runs.
 */
import { createAnnotation, type Annotation } from '../src/core/annotations';
import { parseSidecar, parseSidecarYaml, serializeSidecar, type Sidecar } from '../src/core/sidecar';
import { textHash } from '../src/core/text';
import { makeText } from './fixtures';
import { isMain, quantile, Report, stopwatch } from './report';

const FILE = '/bench/speech.txt.annotations.yaml';

function timed(runs: number, f: () => unknown): number {
  f();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const elapsed = stopwatch();
    f();
    ts.push(elapsed());
  }
  return quantile(ts, 0.5);
}

/** `count` annotations spread over the text, 5–60 units long, never splitting a surrogate pair. */
function annotate(text: string, count: number): Annotation[] {
  const out: Annotation[] = [];
  const step = Math.floor(text.length / count);
  for (let i = 0; i < count; i++) {
    let start = i * step;
    let end = Math.min(text.length, start + 5 + (i % 56));
    if ((text.charCodeAt(start) & 0xfc00) === 0xdc00) start++;
    if ((text.charCodeAt(end) & 0xfc00) === 0xdc00) end++;
    const a = createAnnotation(
      text,
      start,
      end,
      `frame${i % 12}`,
      i % 3 === 0 ? 'Ana Коваль' : 'li.wei',
      '2026-03-01',
      `a${i.toString().padStart(10, '0')}`,
    );
    if (i % 7 === 0) a.memo = `memo ${i}: "quoted" and\tnew\nline`;
    out.push(a);
  }
  return out;
}

export function runSidecarBench(chars: number, count: number, runs: number, report: Report): void {
  const text = makeText(chars);
  const sidecar: Sidecar = {
    version: 1,
    source: 'speech.txt',
    sourceHash: textHash(text),
    codebook: 'sovereignty',
    annotations: annotate(text, count),
  };
  const lf = serializeSidecar(sidecar, text);
  const crlf = lf.replace(/\n/g, '\r\n');
  report.note(
    `${count} annotations over ${(text.length / 1e6).toFixed(2)} M units; sidecar ${(lf.length / 1e6).toFixed(2)} M chars`,
  );
  const yamlMs = timed(Math.max(1, Math.floor(runs / 5)), () => parseSidecarYaml(lf, FILE));
  const baseline = { name: 'full YAML reader', value: yamlMs };
  for (const [name, file] of [
    ['LF', lf],
    ['CRLF', crlf],
  ] as const) {
    const parsed = parseSidecar(file, FILE);
    if (parsed.sidecar?.annotations.length !== count) throw new Error(`bench: the ${name} sidecar did not load`);
    const ms = timed(runs, () => parseSidecar(file, FILE));
    report.add({
      name: `load ${count} annotations (${name})`,
      value: ms,
      unit: 'ms',
      better: 'lower',
      baseline,
      target: { text: '< 300 ms', pass: (v) => v < 300 },
    });
  }
  const saveMs = timed(runs, () => serializeSidecar(sidecar, text));
  report.add({
    name: `save ${count} annotations (serialise with line/column and source hash)`,
    value: saveMs,
    unit: 'ms',
    better: 'lower',
    target: { text: '< 150 ms', pass: (v) => v < 150 },
  });
}

if (isMain(module)) {
  const report = new Report();
  runSidecarBench(1_000_000, 10_000, 11, report);
  process.exitCode = report.finish() > 0 ? 1 : 0;
}
