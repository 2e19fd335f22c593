import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { parseCanonicalSidecar, parseSidecar, parseSidecarYaml } from '../../src/core/sidecar';

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'sidecars');
const FILE = join(FIXTURES, 'multilingual.txt.annotations.yaml');
const CANONICAL = readFileSync(FILE, 'utf8');

/** Lines and values that trip YAML readers in different ways. */
const TRICKY = [
  '<<<<<<< HEAD',
  '=======',
  '>>>>>>> b',
  '    frame: &a x',
  '    frame: *a',
  '    frame: !!js/function "f"',
  '    __proto__: x',
  '    memo: 42',
  '    memo: null',
  '    memo: "a" # c',
  '    start: -1',
  '    start: 1.5',
  '    start: 0x10',
  '    end: 007',
  '    quote: ""',
  "    quote: 'single'",
  '    quote: "\\x41"',
  '    quote: "\\u00e9"',
  '    quote: "tab\there"',
  '    coder: true',
  '    coder: 123',
  '    coder: ~',
  '    created: 2026-02-30',
  '    status: fine',
  '    colour: red',
  '  - id: a0000000001',
  '---',
  '...',
  '',
  ' ',
  '#',
  '# c',
  'version: 2',
  'annotations: []',
  '    quote: "a\\"b',
  '    quote: "\u0085"',
  '    line: 0',
  '    prefix: "\u2028"',
  '\tfoo: bar',
  '    frame: "x"y',
  '    frame: a:',
  '    frame: a: b',
];

/** Half of the mutated files are written with CRLF line ends, as a Windows checkout would have them. */
function writtenWithCrlf(mutations: readonly (readonly [number, string, string])[]): boolean {
  return ((mutations[0]?.[0] ?? 0) & 1) === 1;
}

describe('sidecar fast reader', () => {
  it('reads the canonical fixture exactly like the full YAML reader', () => {
    const fast = parseCanonicalSidecar(CANONICAL, FILE);
    assert.ok(fast);
    const full = parseSidecarYaml(CANONICAL, FILE);
    assert.deepEqual(full.problems, []);
    assert.deepEqual(fast, full.sidecar);
  });

  it('gives up on every fixture with a problem, so the full reader reports it', () => {
    for (const name of readdirSync(FIXTURES).filter((n) => n.endsWith('.yaml') && !n.startsWith('multilingual'))) {
      const text = readFileSync(join(FIXTURES, name), 'utf8');
      assert.equal(parseCanonicalSidecar(text, join(FIXTURES, name)), undefined, name);
      assert.ok(parseSidecar(text, join(FIXTURES, name)).problems.length > 0, name);
    }
  });

  it('gives up when the file name does not match source, on a BOM, or on a carriage return that is not a line end', () => {
    assert.equal(parseCanonicalSidecar(CANONICAL, '/elsewhere/other.txt.annotations.yaml'), undefined);
    assert.equal(parseCanonicalSidecar('\uFEFF' + CANONICAL, FILE), undefined);
    assert.equal(parseCanonicalSidecar(CANONICAL.replace('\n', '\r'), FILE), undefined);
    assert.equal(parseCanonicalSidecar(CANONICAL.replace('\n', '\r\r\n'), FILE), undefined);
  });

  it('reads a CRLF checkout (core.autocrlf) itself, exactly like the full reader reads it', () => {
    const crlf = CANONICAL.replace(/\n/g, '\r\n');
    const fast = parseCanonicalSidecar(crlf, FILE);
    assert.ok(fast, 'a CRLF sidecar must not fall back to the slow YAML reader');
    assert.deepEqual(fast, parseCanonicalSidecar(CANONICAL, FILE));
    const full = parseSidecarYaml(crlf, FILE);
    assert.deepEqual(full.problems, []);
    assert.deepEqual(fast, full.sidecar);
    // mixed line ends (one block edited on Windows) are still one line break each to YAML
    const mixed = CANONICAL.replace('\n', '\r\n');
    assert.deepEqual(parseCanonicalSidecar(mixed, FILE), parseSidecarYaml(mixed, FILE).sidecar);
  });

  it('property: after any line mutation it either gives up or agrees with a clean full read', () => {
    const lines = CANONICAL.split('\n');
    const mutation = fc.tuple(
      fc.nat({ max: lines.length - 1 }),
      fc.constantFrom('delete', 'duplicate', 'insert', 'replace', 'swap', 'value'),
      fc.constantFrom(...TRICKY),
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const ls = [...lines];
        for (const [at, kind, tricky] of mutations) {
          const i = Math.min(at, ls.length - 1);
          if (kind === 'delete') ls.splice(i, 1);
          else if (kind === 'duplicate') ls.splice(i, 0, ls[i] ?? '');
          else if (kind === 'insert') ls.splice(i, 0, tricky);
          else if (kind === 'replace') ls[i] = tricky;
          else if (kind === 'swap' && i + 1 < ls.length) [ls[i], ls[i + 1]] = [ls[i + 1] ?? '', ls[i] ?? ''];
          else if (kind === 'value') ls[i] = (ls[i] ?? '').replace(/: .*$/, tricky.replace(/^[^:]*/, ''));
        }
        const text = ls.join(writtenWithCrlf(mutations) ? '\r\n' : '\n');
        const fast = parseCanonicalSidecar(text, FILE);
        if (fast === undefined) return;
        const full = parseSidecarYaml(text, FILE);
        assert.deepEqual(full.problems, [], text);
        assert.deepEqual(fast, full.sidecar);
      }),
      { numRuns: 3000 },
    );
  });
});
