import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { isBlockSafe } from '../../src/core/sidecar/serialize';
import { createAnnotation } from '../../src/core/annotations';
import type { Annotation } from '../../src/core/annotations';
import {
  mustEscape,
  parseCanonicalSidecar,
  parseSidecar,
  parseSidecarYaml,
  quoteYaml,
  serializeSidecar,
} from '../../src/core/sidecar';
import type { Sidecar } from '../../src/core/sidecar';
import { canonicalText, textHash } from '../../src/core/text';

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'sidecars');
const SIDECAR_FILE = join(FIXTURES, 'multilingual.txt.annotations.yaml');
const fixtureYaml = readFileSync(SIDECAR_FILE, 'utf8');
const fixtureText = canonicalText(readFileSync(join(FIXTURES, 'multilingual.txt'), 'utf8'));

/** The annotation keys in the order docs/sidecar-format.md gives (reviewer's keys first), stated here on its own. */
const WRITTEN_KEY_ORDER = [
  'id',
  'frame',
  'quote',
  'coder',
  'created',
  'modified',
  'modifiedBy',
  'retaggedBy',
  'start',
  'end',
  'line',
  'column',
  'prefix',
  'suffix',
  'memo',
  'status',
  'conflictWith',
];

function load(yaml: string, file = SIDECAR_FILE): Sidecar {
  const parsed = parseSidecar(yaml, file);
  assert.deepEqual(parsed.problems, []);
  assert.ok(parsed.sidecar);
  return parsed.sidecar;
}

/** True when `after` is `before` with one contiguous run of lines inserted; returns that run. */
function insertedRun(before: string[], after: string[]): string[] | undefined {
  let head = 0;
  while (head < before.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  if (head + tail !== before.length) return undefined;
  return after.slice(head, after.length - tail);
}

describe('sidecar serialization', () => {
  it('quotes every code unit as the escaping rules say, fast path or not', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      const plain = !(ch === '"' || ch === '\\' || mustEscape(c) || (c >= 0xd800 && c <= 0xdfff));
      assert.equal(quoteYaml(`a${ch}b`) === `"a${ch}b"`, plain, `U+${c.toString(16)}`);
    }
    assert.equal(quoteYaml('😀 ok'), '"😀 ok"', 'a surrogate pair is written as it is');
  });

  it('loads the multilingual fixture with every quote equal to its text', () => {
    const s = load(fixtureYaml);
    assert.equal(s.annotations.length, 10);
    for (const a of s.annotations) assert.equal(fixtureText.slice(a.start, a.end), a.quote, a.id);
    assert.equal(s.sourceHash, textHash(fixtureText));
    const memo = s.annotations.find((a) => a.id === 'a3k9x0q2m7c')?.memo;
    assert.equal(
      memo,
      'Quoted as a slogan: "respect" is the norm claimed.\nSecond line of the memo, with a backslash \\ and a tab\there.',
    );
    assert.equal(s.annotations.find((a) => a.id === 'ag9s7d5f3h1')?.quote, '👩\u200D💻');
  });

  it('load + save is byte-identical (CJK, Cyrillic, emoji, quotes, newlines, backslashes)', () => {
    assert.equal(serializeSidecar(load(fixtureYaml), fixtureText), fixtureYaml);
  });

  it('gives the same bytes when the source has CRLF line endings and a BOM', () => {
    const crlf = '\uFEFF' + fixtureText.replace(/\n/g, '\r\n');
    assert.equal(serializeSidecar(load(fixtureYaml), crlf), fixtureYaml);
  });

  it('writes the fixed key order, one double-quoted line per free-text value, LF and a final newline', () => {
    assert.ok(fixtureYaml.endsWith('\n') && !fixtureYaml.endsWith('\n\n'));
    assert.ok(!fixtureYaml.includes('\r'));
    assert.deepEqual(fixtureYaml.split('\n').slice(0, 7), [
      '# Sovereignty Coder annotations: one block per coding decision (docs/sidecar-format.md)',
      'version: 1',
      'source: multilingual.txt',
      `sourceHash: ${textHash(fixtureText)}`,
      'codebook: sovereignty',
      'offsets: utf16-lf',
      'annotations:',
    ]);
    const keys = fixtureYaml
      .split('\n')
      .filter((l) => l.startsWith('    ') || l.startsWith('  - '))
      .map(
        (l) =>
          l
            .replace(/^ {2}- /, '    ')
            .trim()
            .split(':')[0],
      );
    const order = WRITTEN_KEY_ORDER;
    for (let i = 1; i < keys.length; i++) {
      if (keys[i] !== 'id')
        assert.ok(order.indexOf(keys[i]) > order.indexOf(keys[i - 1]), `${keys[i - 1]} before ${keys[i]}`);
    }
    for (const line of fixtureYaml.split('\n').filter((l) => /^ {4}(quote|prefix|suffix|memo): /.test(l))) {
      assert.match(line, /^ {4}\w+: "(?:[^"\\]|\\.)*"$/);
    }
  });

  it('recomputes line and column (1-based, UTF-16) from the text', () => {
    const s = load(fixtureYaml);
    const moved = { ...s, annotations: s.annotations.map((a) => ({ ...a })) };
    const out = serializeSidecar(moved, fixtureText);
    const block = out.slice(out.indexOf('id: ae8k1j3h5g6'));
    assert.match(block, /line: 3\n {4}column: 20\n/);
  });

  it('orders blocks by start, end, frame, id whatever the input order', () => {
    const s = load(fixtureYaml);
    const shuffled = { ...s, annotations: [...s.annotations].reverse() };
    assert.equal(serializeSidecar(shuffled, fixtureText), fixtureYaml);
  });

  it('writes annotations: [] when empty, and leaves line/column out without the text', () => {
    const empty = serializeSidecar({
      version: 1,
      source: 'a.txt',
      sourceHash: textHash(''),
      codebook: 'sovereignty',
      annotations: [],
    });
    assert.ok(empty.endsWith('offsets: utf16-lf\nannotations: []\n'));
    const noText = serializeSidecar(load(fixtureYaml));
    assert.ok(!/^ {4}(line|column):/m.test(noText));
    assert.equal(serializeSidecar(load(noText), fixtureText), fixtureYaml);
  });

  it('adding one annotation adds only its own block, nothing else', () => {
    const s = load(fixtureYaml);
    const start = fixtureText.indexOf('数据本地化');
    const added = createAnnotation(
      fixtureText,
      start,
      start + 5,
      'data-sovereignty',
      'bob',
      '2026-12-05',
      'ak5m7p9r1t3',
    );
    const after = serializeSidecar({ ...s, annotations: [...s.annotations, added] }, fixtureText);
    const run = insertedRun(fixtureYaml.split('\n'), after.split('\n'));
    assert.ok(run, 'the old file is the new one minus one contiguous run of lines');
    assert.equal(run.filter((l) => l.startsWith('  - id: ')).length, 1);
    assert.ok(run.every((l) => l.startsWith('    ') || l.startsWith('  - ')));
    const blockLines = after.split('\n').filter((l) => !fixtureYaml.split('\n').includes(l));
    assert.ok(blockLines.every((l) => run.includes(l)));
  });

  it('escapes controls, bidi and invisible characters and lone surrogates, and reads them back exactly', () => {
    assert.equal(quoteYaml('a"b\\c\nd\te\r'), '"a\\"b\\\\c\\nd\\te\\r"');
    assert.equal(quoteYaml('x\u202Ey\u0000\uFEFF\u00A0'), '"x\\u202Ey\\u0000\\uFEFF\\u00A0"');
    assert.equal(quoteYaml('\uD800'), '"\\uD800"');
    assert.equal(quoteYaml('😀网ы'), '"😀网ы"');
  });

  it('property: any memo, quote, frame and coder survive serialize → parse → serialize unchanged', () => {
    const utf16 = fc
      .array(fc.integer({ min: 0, max: 0xffff }), { minLength: 1, maxLength: 40 })
      .map((units) => String.fromCharCode(...units));
    const mixed = fc.oneof(
      utf16,
      fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
      fc.constantFrom('true', '123', 'null', 'a: b', '- x', '#c', '~', "'q'", '0x1F', '1e3', 'yes', '2026-01-01'),
    );
    // a quote is a slice of a text decoded from UTF-8, so it never holds a lone surrogate (one that does is refused:
    // sidecar.splitCharacter.test.ts); memo, frame and coder may hold anything
    const quotes = mixed.map((q) => q.replace(/\p{Cs}/gu, '\uFFFD'));
    fc.assert(
      fc.property(mixed, quotes, mixed, mixed, (memo, quote, frame, coder) => {
        const a: Annotation = {
          id: 'a0000000001',
          frame,
          start: 0,
          end: 3,
          quote,
          prefix: memo,
          suffix: quote,
          coder,
          created: '2026-01-01',
          memo,
        };
        const s: Sidecar = {
          version: 1,
          source: 'x.txt',
          sourceHash: textHash('abc'),
          codebook: frame,
          annotations: [a],
        };
        const yaml = serializeSidecar(s);
        // a memo of several lines is a block scalar: its lines after the first are the only extra ones
        const memoLines = isBlockSafe(memo) ? memo.split('\n').length : 0;
        assert.equal(
          yaml.split('\n').length,
          18 + memoLines,
          "one line per key (7 + 10 + the empty string after the final newline), plus a block memo's lines",
        );
        const back = parseSidecar(yaml, 'x.txt.annotations.yaml');
        assert.deepEqual(back.problems, []);
        assert.ok(parseCanonicalSidecar(yaml, 'x.txt.annotations.yaml'), 'our own output is read by the fast reader');
        assert.deepEqual(parseSidecarYaml(yaml, 'x.txt.annotations.yaml'), back, 'and the full reader agrees');
        assert.deepEqual(back.sidecar?.annotations[0], a);
        assert.equal(back.sidecar?.codebook, frame);
        assert.equal(serializeSidecar(back.sidecar), yaml);
      }),
      { numRuns: 1500 },
    );
  });

  describe('documentation', () => {
    const DOCS = join(__dirname, '..', '..', '..', 'docs');

    it('the worked example in docs/sidecar-format.md is exactly what the serializer writes', () => {
      const doc = readFileSync(join(DOCS, 'sidecar-format.md'), 'utf8');
      const example = doc.slice(doc.indexOf('## Worked example'));
      const text = /```text\n([\s\S]*?)```/.exec(example)?.[1];
      const yaml = /```yaml\n([\s\S]*?)```/.exec(example)?.[1];
      assert.ok(text !== undefined && yaml !== undefined);
      assert.equal(serializeSidecar(load(yaml, '/docs/speech.txt.annotations.yaml'), text), yaml);
      for (const a of load(yaml, '/docs/speech.txt.annotations.yaml').annotations)
        assert.equal(text.slice(a.start, a.end), a.quote);
    });

    it('docs/sidecar.schema.json lists the keys the reader knows, with the same required ones', () => {
      const schema = JSON.parse(readFileSync(join(DOCS, 'sidecar.schema.json'), 'utf8')) as {
        required: string[];
        properties: Record<string, unknown>;
        $defs: { annotation: { required: string[]; properties: Record<string, unknown> } };
      };
      assert.deepEqual(Object.keys(schema.properties), [
        'version',
        'source',
        'sourceHash',
        'codebook',
        'offsets',
        'done',
        'annotations',
      ]);
      // every key is required but the optional done marks
      assert.deepEqual(
        schema.required,
        Object.keys(schema.properties).filter((k) => k !== 'done'),
      );
      assert.deepEqual(Object.keys(schema.$defs.annotation.properties), WRITTEN_KEY_ORDER);
      assert.deepEqual(schema.$defs.annotation.required, [
        'id',
        'frame',
        'start',
        'end',
        'quote',
        'prefix',
        'suffix',
        'coder',
        'created',
      ]);
    });
  });
});
