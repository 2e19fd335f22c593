/**
 * Strict UTF-8 for sidecars and codebooks (issue 12): every kind of bad byte is refused at its line and column,
 * in the core, in each CLI command, and the file is left as it was; the fault finder agrees with the platform's
 * own fatal decoder on random bytes.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCodebookBytes } from '../../src/core/codebook';
import { decodeUtf8File, findUtf8Fault } from '../../src/core/input';
import { nodeFilePort, parseSidecarBytes, writeSidecarSafely } from '../../src/core/sidecar';
import { FIXTURE_CODEBOOK, plantBytes, SAMPLE_SIDECAR, SAMPLE_TEXT } from './hostileInput';
import { sovcode } from './sovcodeRunner';

/** Where to plant which bytes in the sample sidecar, and what the message must say. */
const SIDECAR_CASES: Array<{ name: string; after: string; bad: number[]; reason: RegExp }> = [
  {
    name: 'a lone continuation byte in a quote',
    after: 'quote: "digital',
    bad: [0x80],
    reason: /80 is a continuation byte/,
  },
  { name: 'a Latin-1 byte in a coder', after: 'coder: "бор', bad: [0xe9], reason: /E9 is a character cut short/ },
  {
    name: 'a cut character in a memo',
    after: 'memo: "said',
    bad: [0xe4, 0xb8],
    reason: /E4 B8 are a character cut short/,
  },
  { name: 'an invalid byte in a comment', after: '# checked', bad: [0xff], reason: /FF is a byte that never occurs/ },
  {
    name: 'an encoded surrogate',
    after: 'quote: "网络',
    bad: [0xed, 0xa0, 0x80],
    reason: /ED A0 are an encoded surrogate/,
  },
  { name: 'an overlong slash', after: 'source: sample', bad: [0xc0, 0xaf], reason: /C0 is an overlong encoding/ },
  {
    name: 'an overlong three-byte form',
    after: 'codebook: sover',
    bad: [0xe0, 0x80, 0xaf],
    reason: /E0 80 are an overlong encoding/,
  },
  {
    name: 'a code point above U+10FFFF',
    after: 'frame: territory',
    bad: [0xf4, 0x90, 0x80, 0x80],
    reason: /F4 90 are a code point above/,
  },
  { name: 'a NUL byte', after: 'quote: "цифровом', bad: [0x00], reason: /00 is a NUL byte/ },
];

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sovcode-utf8-'));
}

describe('strict UTF-8 for sidecars and codebooks', () => {
  for (const c of SIDECAR_CASES) {
    it(`refuses a sidecar with ${c.name} at its line and column`, () => {
      const { bytes, line, column } = plantBytes(SAMPLE_SIDECAR, c.after, c.bad);
      const parsed = parseSidecarBytes(bytes, 'sample.txt.annotations.yaml');
      assert.equal(parsed.sidecar, undefined, 'nothing of the file is used');
      assert.equal(parsed.readOnly, true);
      assert.equal(parsed.problems.length, 1);
      const p = parsed.problems[0];
      assert.deepEqual(
        [p?.file, p?.line, p?.column, p?.severity],
        ['sample.txt.annotations.yaml', line, column, 'error'],
      );
      assert.match(p?.message ?? '', /^not valid UTF-8: /);
      assert.match(p?.message ?? '', c.reason);
      assert.ok(!(p?.message ?? '').includes(c.after), 'the message quotes no text of the file');
    });
  }

  it('refuses a sidecar whose last character is cut off by the end of the file', () => {
    const whole = Buffer.from(SAMPLE_SIDECAR.trimEnd() + ' # 主', 'utf8');
    const cut = whole.subarray(0, whole.length - 1);
    const parsed = parseSidecarBytes(cut, 'cut.annotations.yaml');
    const lines = SAMPLE_SIDECAR.trimEnd().split('\n');
    assert.equal(parsed.problems[0]?.line, lines.length);
    assert.equal(parsed.problems[0]?.column, (lines.at(-1) ?? '').length + 4);
    assert.match(parsed.problems[0]?.message ?? '', /E4 B8 are a character cut off by the end of the file/);
  });

  it('counts the further bad bytes after the first one', () => {
    const bytes = Buffer.from(SAMPLE_SIDECAR, 'utf8');
    for (const word of ['harbour', 'said', 'twice']) bytes[bytes.indexOf(word)] = 0xff; // three ASCII letters overwritten
    const decoded = decodeUtf8File(bytes, 'f', 'annotation file');
    assert.equal(decoded.ok, false);
    if (!decoded.ok)
      assert.match(decoded.problem.message, /byte FF is a byte that never occurs in UTF-8, and 2 more further on/);
  });

  it('still reads a valid sidecar with a BOM, keeping the BOM so that the bytes round-trip', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE_SIDECAR, 'utf8')]);
    const parsed = parseSidecarBytes(bytes, 'sample.txt.annotations.yaml');
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.sidecar?.annotations.length, 4);
    assert.deepEqual(Buffer.from(parsed.text, 'utf8'), bytes);
  });

  it('refuses a codebook with a bad byte in a term, and one with a NUL byte, at line and column', () => {
    const inTerm = plantBytes(FIXTURE_CODEBOOK, 'label: Borders', [0xc3, 0x28]);
    const r = parseCodebookBytes(inTerm.bytes, 'codebook.yaml');
    assert.equal(r.codebook, undefined);
    assert.deepEqual(
      r.problems.map((p) => [p.line, p.column]),
      [[inTerm.line, inTerm.column]],
    );
    assert.match(r.problems[0]?.message ?? '', /C3 is a character cut short.*The codebook is not read/);
    const nul = plantBytes(FIXTURE_CODEBOOK, 'title: "Test', [0]);
    assert.deepEqual(
      parseCodebookBytes(nul.bytes, 'codebook.yaml').problems.map((p) => [p.line, p.column]),
      [[nul.line, nul.column]],
    );
  });

  it('finds the first fault exactly where the platform decoder (fatal: true) fails, on 3000 random byte strings', () => {
    const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const lenient = new TextDecoder('utf-8', { ignoreBOM: true });
    let seed = 12;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pieces = [
      [0x41],
      [0x0a],
      [0xc3, 0xa9],
      [0xe4, 0xb8, 0xad],
      [0xf0, 0x9f, 0x90, 0x9f],
      [0x80],
      [0xc0],
      [0xed, 0xa0],
      [0xe0, 0x80],
      [0xf4, 0x90],
      [0xf8],
      [0xe4],
      [0xf0, 0x9f],
    ];
    let faulty = 0;
    for (let n = 0; n < 3000; n++) {
      const bytes = Uint8Array.from(
        Array.from(
          { length: 1 + Math.floor(random() * 12) },
          () => pieces[Math.floor(random() * pieces.length)] ?? [],
        ).flat(),
      );
      const fault = findUtf8Fault(bytes);
      let platformOk = true;
      try {
        strict.decode(bytes);
      } catch {
        platformOk = false;
      }
      assert.equal(fault === undefined, platformOk, `bytes ${Buffer.from(bytes).toString('hex')}`);
      if (fault === undefined) continue;
      faulty++;
      assert.doesNotThrow(() => strict.decode(bytes.subarray(0, fault.offset)), 'everything before the fault is valid');
      assert.ok(
        lenient.decode(bytes.subarray(fault.offset)).startsWith('\uFFFD'),
        `the platform replaces the bytes at ${fault.offset} of ${Buffer.from(bytes).toString('hex')}`,
      );
    }
    assert.ok(faulty > 1000 && faulty < 3000, `a mix of good and bad strings (${faulty} bad)`);
  });

  it('sovcode validate, export, agreement and scan refuse the file naming file:line:column, and leave it untouched', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sample.txt'), SAMPLE_TEXT);
    const sidecar = join(dir, 'sample.txt.annotations.yaml');
    const { bytes, line, column } = plantBytes(SAMPLE_SIDECAR, 'coder: "бор', [0xe9]);
    writeFileSync(sidecar, bytes);
    const where = `${sidecar}:${line}:${column}: error: not valid UTF-8`;
    const validate = sovcode('validate', dir);
    assert.equal(validate.code, 1);
    assert.ok(validate.out.includes(where), validate.out);
    for (const args of [
      ['export', dir],
      ['agreement', dir],
    ]) {
      const r = sovcode(...args);
      assert.equal(r.code, 2, args[0]);
      assert.ok(r.err.includes(where), r.err);
      assert.equal(r.out, '', `${args[0]} printed nothing`);
    }
    const codebook = join(dir, 'book.yaml');
    const bad = plantBytes(FIXTURE_CODEBOOK, 'title: "Test', [0xff]);
    writeFileSync(codebook, bad.bytes);
    const scan = sovcode('scan', '--codebook', codebook, join(dir, 'sample.txt'));
    assert.equal(scan.code, 2);
    assert.ok(scan.err.includes(`${codebook}:${bad.line}:${bad.column}: error: not valid UTF-8`), scan.err);
    assert.deepEqual(readFileSync(sidecar), bytes, 'the sidecar is byte for byte as it was');
    assert.deepEqual(readFileSync(codebook), bad.bytes);
  });

  it('a write that expects the text read before refuses when the file on disk is no longer valid UTF-8', async () => {
    const dir = tempDir();
    const target = join(dir, 'sample.txt.annotations.yaml');
    writeFileSync(target, SAMPLE_SIDECAR);
    const corrupted = plantBytes(SAMPLE_SIDECAR, 'quote: "digital', [0xff]).bytes;
    writeFileSync(target, corrupted);
    const result = await writeSidecarSafely(
      nodeFilePort,
      target,
      SAMPLE_SIDECAR.replace('alice', 'alina'),
      SAMPLE_SIDECAR,
    );
    assert.equal(result.ok ? 'ok' : result.reason, 'changed-on-disk');
    assert.deepEqual(readFileSync(target), corrupted);
  });
});
