/**
 * Seeded fuzz of the two readers of user files (issue 12): thousands of byte and line mutations of a sample
 * sidecar and of the test codebook go through the same entry points as the CLI and VS Code (parse*Bytes, and a
 * sample of them through `sovcode validate`). Every input must be read in under 5 s, without an exception,
 * and be either accepted or refused with at least one error positioned at line and column ≥ 1. A sidecar that
 * is accepted must also survive being written and read back. Replay a failure with its seed and input number.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCodebookBytes } from '../../src/core/codebook';
import type { Problem } from '../../src/core/input';
import { hasErrors } from '../../src/core/input';
import { parseSidecar, parseSidecarBytes, serializeSidecar } from '../../src/core/sidecar';
import { FIXTURE_CODEBOOK, SAMPLE_SIDECAR } from './hostileInput';
import { sovcode } from './sovcodeRunner';

const SEED = 20261202;
const SIDECAR_INPUTS = 3000;
const CODEBOOK_INPUTS = 2000;
const CLI_EVERY = 50;
const LIMIT_MS = 5000;

/** mulberry32: small, fast and seedable, so every run tries the same inputs. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Bytes that mean something to UTF-8 or YAML, and lines that mean something to our readers. */
const BYTES = [
  0x00, 0x09, 0x0a, 0x0d, 0x20, 0x22, 0x23, 0x26, 0x27, 0x2a, 0x2d, 0x3a, 0x3e, 0x5b, 0x7b, 0x7c, 0x80, 0xbf, 0xc0,
  0xc3, 0xe4, 0xed, 0xef, 0xf0, 0xf4, 0xff,
];
const LINES = [
  '<<<<<<< HEAD',
  '=======',
  '>>>>>>> theirs',
  '&a [x, y]',
  '*a',
  '__proto__: 1',
  'constructor: 2',
  'version: 2',
  'version: "1"',
  'offsets: utf8',
  '  - id: a0000000001',
  'annotations:',
  'annotations: []',
  '    quote: "\\uDC1F"',
  '    start: -1',
  '    end: 99999999999',
  '    memo: !!js/function "x"',
  '---',
  '...',
  '  frames:',
  'frames: 7',
  '  - id: control',
  '    terms: [digital border*, "*"]',
  '    parent: control',
  '? complex',
  '"key": [1, {a: b}]',
  '\t- tab',
  'x: |',
  '  block',
  'x: >-',
  '%YAML 1.1',
  '#',
  '',
];

type Pick = <T>(list: readonly T[]) => T;

function mutateBytes(bytes: Buffer, rand: () => number, pick: Pick): Buffer {
  const at = Math.floor(rand() * (bytes.length + 1));
  const len = 1 + Math.floor(rand() * 16);
  switch (Math.floor(rand() * 5)) {
    case 0:
      return Buffer.concat([bytes.subarray(0, at), Buffer.from([pick(BYTES)]), bytes.subarray(at)]);
    case 1: {
      const copy = Buffer.from(bytes);
      if (at < copy.length) copy[at] = pick(BYTES);
      return copy;
    }
    case 2:
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + len)]);
    case 3:
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at, at + len), bytes.subarray(at)]);
    default:
      return bytes.subarray(0, at);
  }
}

function mutateLines(bytes: Buffer, rand: () => number, pick: Pick): Buffer {
  const lines = bytes.toString('latin1').split('\n'); // latin1 keeps every byte as it is
  const i = Math.floor(rand() * lines.length);
  const j = Math.floor(rand() * lines.length);
  switch (Math.floor(rand() * 5)) {
    case 0:
      lines.splice(i, 1);
      break;
    case 1:
      lines.splice(i, 0, lines[j] ?? '');
      break;
    case 2:
      [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
      break;
    case 3:
      lines[i] = rand() < 0.5 ? `  ${lines[i] ?? ''}` : (lines[i] ?? '').replace(/^ {1,2}/, '');
      break;
    default:
      lines.splice(i, 0, Buffer.from(pick(LINES), 'utf8').toString('latin1'));
  }
  return Buffer.from(lines.join('\n'), 'latin1');
}

function* mutants(sample: string, count: number, seed: number): Generator<{ n: number; bytes: Buffer }> {
  const rand = random(seed);
  const pick: Pick = (list) => list[Math.floor(rand() * list.length)];
  for (let n = 0; n < count; n++) {
    let bytes: Buffer = Buffer.from(sample, 'utf8');
    const steps = 1 + Math.floor(rand() * 4);
    for (let s = 0; s < steps; s++)
      bytes = rand() < 0.5 ? mutateBytes(bytes, rand, pick) : mutateLines(bytes, rand, pick);
    yield { n, bytes };
  }
}

/** The outcome rule: accepted, or refused with errors that each name the file and a real position. */
function checkOutcome(what: string, accepted: boolean, problems: readonly Problem[], file: string): void {
  if (!accepted) assert.ok(hasErrors(problems), `${what}: refused without an error`);
  for (const p of problems) {
    assert.equal(p.file, file, what);
    assert.ok(
      Number.isInteger(p.line) && p.line >= 1 && Number.isInteger(p.column) && p.column >= 1,
      `${what}: position ${p.line}:${p.column} (${p.message})`,
    );
    assert.ok(p.message.length > 0 && !/\n\s+at /.test(p.message), `${what}: a message, not a stack trace`);
  }
}

function timed<T>(what: string, read: () => T): T {
  const started = performance.now();
  const result = read();
  const ms = performance.now() - started;
  assert.ok(ms < LIMIT_MS, `${what}: ${ms.toFixed(0)} ms`);
  return result;
}

describe('fuzzing the sidecar and codebook readers', function () {
  this.timeout(120000);

  it(`${SIDECAR_INPUTS} mutated sidecars: accepted (and written back unchanged in meaning) or refused at a position`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'sovcode-fuzz-'));
    const file = join(dir, 'sample.txt.annotations.yaml');
    let accepted = 0;
    for (const { n, bytes } of mutants(SAMPLE_SIDECAR, SIDECAR_INPUTS, SEED)) {
      const what = `sidecar input ${n} (seed ${SEED})`;
      const parsed = timed(what, () => parseSidecarBytes(bytes, file));
      checkOutcome(what, parsed.sidecar !== undefined, parsed.problems, file);
      if (parsed.sidecar && !parsed.readOnly) {
        accepted++;
        const again = parseSidecar(serializeSidecar(parsed.sidecar), file);
        assert.deepEqual(again.sidecar?.annotations, parsed.sidecar.annotations, `${what}: written and read back`);
      }
      if (n % CLI_EVERY === 0) {
        writeFileSync(file, bytes);
        const r = sovcode('validate', file); // anything but a CliError would throw out of run() and fail here
        assert.ok([0, 1, 2].includes(r.code), `${what}: validate exit code ${r.code}`);
      }
    }
    console.log(
      `      ${SIDECAR_INPUTS} sidecars: ${accepted} accepted, ${SIDECAR_INPUTS - accepted} refused or read-only`,
    );
    assert.ok(accepted > 50 && accepted < SIDECAR_INPUTS, 'the mutations reach both outcomes');
  });

  it(`${CODEBOOK_INPUTS} mutated codebooks: accepted or refused at a position`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'sovcode-fuzz-'));
    const file = join(dir, 'codebook.yaml');
    let accepted = 0;
    for (const { n, bytes } of mutants(FIXTURE_CODEBOOK, CODEBOOK_INPUTS, SEED + 1)) {
      const what = `codebook input ${n} (seed ${SEED + 1})`;
      const parsed = timed(what, () => parseCodebookBytes(bytes, file));
      checkOutcome(what, parsed.codebook !== undefined, parsed.problems, file);
      if (parsed.codebook) accepted++;
      if (n % CLI_EVERY === 0) {
        writeFileSync(file, bytes);
        const r = sovcode('validate', file);
        assert.ok([0, 1, 2].includes(r.code), `${what}: validate exit code ${r.code}`);
      }
    }
    console.log(`      ${CODEBOOK_INPUTS} codebooks: ${accepted} accepted, ${CODEBOOK_INPUTS - accepted} refused`);
    assert.ok(accepted > 50 && accepted < CODEBOOK_INPUTS, 'the mutations reach both outcomes');
  });
});
