import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { CODEBOOK_MAX_BYTES, parseCodebook } from '../../src/core/codebook';

const FIXTURES = path.join(__dirname, '../../../test/fixtures/codebooks');
const VALID = fs.readFileSync(path.join(FIXTURES, 'valid-full.yaml'), 'utf8');

/** Parses and returns the problems and the time taken, checking the contract on the way. */
function timed(text: string): { problems: string[]; ms: number } {
  const start = process.hrtime.bigint();
  const result = parseCodebook(text, 'hostile.yaml');
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  assert.equal(result.codebook, undefined);
  return { problems: result.problems.map((p) => `${p.line}:${p.column} ${p.message}`), ms };
}

function assertNoPollution(): void {
  const probe: Record<string, unknown> = {};
  assert.equal(probe['polluted'], undefined);
  assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
  assert.equal((globalThis as Record<string, unknown>)['pwned'], undefined);
}

describe('codebook: hostile YAML', () => {
  it('rejects an alias bomb of 10 levels fast, naming the aliases', () => {
    const lines = ['codebook: bomb', 'title: Bomb', 'l0: &l0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 10; i++)
      lines.push(
        `l${i}: &l${i} [${Array<string>(10)
          .fill(`*l${i - 1}`)
          .join(', ')}]`,
      );
    lines.push('frames: [*l10]');
    const { problems, ms } = timed(lines.join('\n'));
    assert.ok(ms < 500, `took ${ms} ms`);
    assert.ok(
      problems.includes('3:9 YAML anchors (&l0) are not allowed in this file'),
      problems.slice(0, 3).join('\n'),
    );
    assert.ok(problems.includes('4:10 YAML aliases (*name) are not allowed in this file'));
    assert.ok(problems.includes('14:10 YAML aliases (*name) are not allowed in this file'));
  });

  it('rejects !!js/function and custom tags without running anything', () => {
    const text = 'codebook: !!js/function "function () { globalThis.pwned = true }"\ntitle: !foo T\nframes: []\n';
    const { problems } = timed(text);
    assert.ok(
      problems.some((p) => p.startsWith('1:11 ') && p.includes('js/function')),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => p.startsWith('2:8 ') && p.includes('!foo')),
      problems.join('\n'),
    );
    assertNoPollution();
  });

  it('rejects __proto__, constructor and prototype keys with positions, and pollutes nothing', () => {
    const text = [
      'codebook: p',
      'title: P',
      '__proto__:',
      '  polluted: yes',
      'frames:',
      '  - id: a',
      '    label: A',
      '    color: "#000"',
      '    definition: D',
      '    terms: [x1]',
      '    constructor: {prototype: {polluted: yes}}',
    ].join('\n');
    const { problems } = timed(text);
    assert.deepEqual(problems, [
      "3:1 the key '__proto__' is not allowed",
      "11:5 the key 'constructor' is not allowed",
      "11:19 the key 'prototype' is not allowed",
    ]);
    assertNoPollution();
  });

  it('refuses a file over the size cap before parsing it', () => {
    const { problems, ms } = timed(`${VALID}#${'x'.repeat(CODEBOOK_MAX_BYTES)}\n`);
    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? '', /^1:1 file is \d+ bytes, over the limit of 2097152 bytes$/);
    assert.ok(ms < 200, `took ${ms} ms`);
  });

  it('counts the cap in UTF-8 bytes, not characters', () => {
    const padding = '网'.repeat(Math.ceil(CODEBOOK_MAX_BYTES / 3) + 1);
    assert.ok(padding.length < CODEBOOK_MAX_BYTES);
    assert.match(timed(`${VALID}# ${padding}\n`).problems[0] ?? '', /over the limit/);
  });

  it('loads a valid file just under the cap in bounded time', () => {
    const comment = `# ${'x'.repeat(998)}\n`;
    const text = VALID + comment.repeat(Math.floor((CODEBOOK_MAX_BYTES - Buffer.byteLength(VALID)) / comment.length));
    assert.ok(Buffer.byteLength(text) <= CODEBOOK_MAX_BYTES);
    const start = Date.now();
    const { codebook, problems } = parseCodebook(text, 'big.yaml');
    assert.deepEqual(problems, []);
    assert.equal(codebook?.frames.length, 11);
    assert.ok(Date.now() - start < 2000, `took ${Date.now() - start} ms`);
  });

  it('reports deep nesting as a problem instead of overflowing the stack', () => {
    const { problems, ms } = timed(`codebook: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    assert.ok(problems.length > 0);
    assert.ok(ms < 2000, `took ${ms} ms`);
  });

  it('never throws, and positions stay inside the file, for damaged copies of a valid codebook', () => {
    const lines = VALID.split('\n');
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.nat(lines.length - 1),
            op: fc.constantFrom('drop', 'dup', 'indent', 'garble'),
            s: fc.string({ maxLength: 6 }),
          }),
          { maxLength: 6 },
        ),
        (edits) => {
          const copy = [...lines];
          for (const { at, op, s } of edits) {
            const i = at % copy.length;
            if (op === 'drop') copy.splice(i, 1);
            else if (op === 'dup') copy.splice(i, 0, copy[i] ?? '');
            else if (op === 'indent') copy[i] = ` ${copy[i] ?? ''}`;
            else copy[i] = `${copy[i] ?? ''}${s}`;
          }
          const text = copy.join('\n');
          const { codebook, problems } = parseCodebook(text, 'f.yaml');
          const lineCount = text.split(/\r\n|\n|\r/).length;
          for (const p of problems) {
            assert.ok(p.line >= 1 && p.line <= lineCount + 1, `${p.line}:${p.column} ${p.message}`);
            assert.ok(p.column >= 1);
          }
          assert.equal(
            codebook === undefined,
            problems.some((p) => p.severity === 'error'),
          );
        },
      ),
      { numRuns: 100 },
    );
    assertNoPollution();
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'grapheme' }), (text) => {
        const { problems } = parseCodebook(text, 'f.yaml');
        assert.ok(problems.length > 0);
      }),
      { numRuns: 500 },
    );
  });
});
