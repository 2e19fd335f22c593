import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSidecar, SIDECAR_MAX_BYTES } from '../../src/core/sidecar';
import type { ParsedSidecar } from '../../src/core/sidecar';

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'sidecars');
const HASH = 'sha256:' + 'ab'.repeat(32);

function fixture(name: string): { file: string; text: string } {
  const file = join(FIXTURES, name);
  return { file, text: readFileSync(file, 'utf8') };
}

/** 1-based line of the n-th (0-based) line containing `needle`. */
function lineOf(text: string, needle: string, nth = 0): number {
  const hits = text
    .split('\n')
    .map((l, i) => (l.includes(needle) ? i + 1 : 0))
    .filter((n) => n > 0);
  assert.ok(hits[nth] !== undefined, `no ${nth}th line with ${needle}`);
  return hits[nth];
}

function sidecarText(top: string, annotations: string): string {
  return `version: 1\nsource: s.txt\nsourceHash: ${HASH}\ncodebook: sovereignty\noffsets: utf16-lf\n${top}annotations:\n${annotations}`;
}

const GOOD_BLOCK =
  '  - id: a0000000001\n    frame: f\n    start: 0\n    end: 4\n    quote: "Text"\n    prefix: ""\n    suffix: ""\n    coder: c\n    created: 2026-01-01\n';

function parse(text: string, file = 's.txt.annotations.yaml'): ParsedSidecar {
  return parseSidecar(text, file);
}

describe('sidecar parsing', () => {
  it('reports each per-annotation problem at its position while the others load, read-only', () => {
    const { file, text } = fixture('bad-entries.txt.annotations.yaml');
    const r = parseSidecar(text, file);
    assert.deepEqual(
      r.sidecar?.annotations.map((a) => a.id),
      ['aok0000001a', 'aok0000002z'],
    );
    assert.equal(r.readOnly, true);
    const expected: Array<[number, RegExp]> = [
      [lineOf(text, 'id: amissing01b'), /amissing01b: missing 'quote'/],
      [lineOf(text, 'colour: red'), /aextrakey1c: unknown key 'colour'/],
      [lineOf(text, 'start: 16'), /abackward1d: start 16, end 10: start is after end/],
      [lineOf(text, 'start: -4'), /anegative1e: 'start' must be a whole number ≥ 0 \(found -4\)/],
      [lineOf(text, 'quote: ""'), /aemptyquo1f: 'quote' must be a non-empty string/],
      [lineOf(text, 'id: aok0000001a', 1), /aok0000001a: duplicate id \(first used by item 1\)/],
      [lineOf(text, 'created: 2026-02-30'), /abaddate01g: 'created' must be a date written YYYY-MM-DD/],
      [lineOf(text, 'memo: 42'), /abadmemo01h: 'memo' must be a string \(found 42\)/],
    ];
    assert.equal(r.problems.length, expected.length, JSON.stringify(r.problems, null, 1));
    r.problems.forEach((p, i) => {
      const [line, message] = expected[i];
      assert.equal(p.file, file);
      assert.equal(p.severity, 'error');
      assert.equal(p.line, line, p.message);
      assert.ok(p.column >= 5, `column ${p.column}`);
      assert.match(p.message, message);
    });
  });

  it('refuses conflict markers with their lines, and parsing leaves the bytes on disk alone', () => {
    const { file, text } = fixture('conflict.txt.annotations.yaml');
    const before = readFileSync(file);
    const r = parseSidecar(text, file);
    assert.equal(r.sidecar, undefined);
    assert.equal(r.readOnly, true);
    assert.deepEqual(
      r.problems.map((p) => p.line),
      [lineOf(text, '<<<<<<<'), lineOf(text, '======='), lineOf(text, '>>>>>>>')],
    );
    assert.match(r.problems[0]?.message ?? '', /conflict/);
    assert.deepEqual(readFileSync(file), before);
  });

  it('refuses an alias bomb fast', () => {
    const { file, text } = fixture('alias-bomb.txt.annotations.yaml');
    const t0 = process.hrtime.bigint();
    const r = parseSidecar(text, file);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    assert.equal(r.sidecar, undefined);
    assert.ok(r.problems.some((p) => /alias|anchor/.test(p.message)));
    assert.ok(ms < 1000, `${ms} ms`);
  });

  it('refuses !!js/function and other tags without executing anything', () => {
    const { file, text } = fixture('js-function.txt.annotations.yaml');
    const r = parseSidecar(text, file);
    assert.equal(r.sidecar, undefined);
    assert.ok(
      r.problems.some((p) => p.line === lineOf(text, '!!js/function') && /tag/.test(p.message)),
      JSON.stringify(r.problems),
    );
    assert.equal(parse(sidecarText('', GOOD_BLOCK.replace('frame: f', 'frame: !foo f'))).sidecar, undefined);
  });

  it('refuses __proto__ keys and pollutes no prototype', () => {
    const { file, text } = fixture('proto.txt.annotations.yaml');
    const r = parseSidecar(text, file);
    assert.equal(r.sidecar, undefined);
    assert.ok(r.problems.some((p) => p.line === lineOf(text, '__proto__') && /__proto__/.test(p.message)));
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });

  it('flags source: ../../etc/passwd and absolute paths, and never uses them', () => {
    const { file, text } = fixture('traversal.txt.annotations.yaml');
    const r = parseSidecar(text, file);
    assert.equal(r.sidecar?.source, 'traversal.txt');
    assert.equal(r.readOnly, true);
    assert.equal(r.problems[0]?.line, 3);
    assert.match(r.problems[0]?.message ?? '', /'\.\.'.*ignored/);
    for (const bad of ['/etc/passwd', 'C:\\Windows\\win.ini', 'file:///etc/passwd', 'sub/s.txt']) {
      const p = parse(sidecarText('', GOOD_BLOCK).replace('source: s.txt', `source: "${bad.replace(/\\/g, '\\\\')}"`));
      assert.equal(p.sidecar?.source, 's.txt', bad);
      assert.equal(p.problems[0]?.severity, 'error', bad);
    }
  });

  it('warns (not read-only) when source names another file, and takes the name from the path', () => {
    const r = parse(
      sidecarText('', GOOD_BLOCK).replace('source: s.txt', 'source: old-name.txt'),
      '/w/speech.txt.annotations.yaml',
    );
    assert.equal(r.readOnly, false);
    assert.equal(r.sidecar?.source, 'speech.txt');
    assert.deepEqual(
      r.problems.map((p) => [p.severity, p.line]),
      [['warning', 2]],
    );
  });

  it('refuses an unknown or missing version, and an unknown offset unit', () => {
    const good = sidecarText('', GOOD_BLOCK);
    assert.equal(parse(good).sidecar?.annotations.length, 1);
    for (const [text, message] of [
      [good.replace('version: 1', 'version: 2'), /unsupported sidecar version 2/],
      [
        good.replace('version: 1', 'version: "1"'),
        /^'version' is the string "1", where a number is expected: write version: 1 without quotes$/,
      ],
      [good.replace('version: 1\n', ''), /missing 'version'/],
      [good.replace('offsets: utf16-lf', 'offsets: utf8-bytes'), /unknown offset unit 'utf8-bytes'/],
    ] as const) {
      const r = parse(text);
      assert.equal(r.sidecar, undefined);
      assert.equal(r.readOnly, true);
      assert.match(r.problems[0]?.message ?? '', message);
    }
  });

  it('refuses duplicate keys and several documents with positions', () => {
    const dup = parse(sidecarText('', GOOD_BLOCK.replace('    coder: c\n', '    coder: c\n    coder: d\n')));
    assert.equal(dup.sidecar, undefined);
    assert.match(dup.problems[0]?.message ?? '', /duplicate key/);
    assert.equal(dup.problems[0]?.line, 15);
    const multi = parse(sidecarText('', GOOD_BLOCK) + '---\nversion: 1\n');
    assert.equal(multi.sidecar, undefined);
    assert.match(multi.problems.map((p) => p.message).join(' '), /several YAML documents/);
  });

  it('refuses files over the size cap before parsing', () => {
    const big = sidecarText('', GOOD_BLOCK) + '#' + 'x'.repeat(SIDECAR_MAX_BYTES);
    const r = parse(big);
    assert.equal(r.sidecar, undefined);
    assert.match(r.problems[0]?.message ?? '', /over the limit/);
  });

  it('reports unknown top-level keys, bad hashes and non-list annotations', () => {
    const extra = parse(sidecarText('modified: 2026-01-01\n', GOOD_BLOCK));
    assert.equal(extra.readOnly, true);
    assert.equal(extra.sidecar?.annotations.length, 1);
    assert.match(extra.problems[0]?.message ?? '', /unknown key 'modified'/);
    const hash = parse(sidecarText('', GOOD_BLOCK).replace(HASH, 'md5:abc'));
    assert.deepEqual(
      hash.problems.map((p) => [p.severity, p.line]),
      [['warning', 3]],
    );
    assert.equal(hash.readOnly, false, 'the hash is recomputed on save, so nothing is lost by writing');
    const notList = parse(sidecarText('', '  id: x\n'));
    assert.match(notList.problems[0]?.message ?? '', /must be a list/);
  });

  it('accepts zero-width orphans only, sorts unsorted files, and keeps unknown frames as they are', () => {
    const orphan =
      GOOD_BLOCK.replace('id: a0000000001', 'id: a0000000002').replace('end: 4', 'end: 0') + '    status: orphaned\n';
    const later = GOOD_BLOCK.replace('id: a0000000001', 'id: a0000000003')
      .replace('start: 0', 'start: 2')
      .replace('end: 4', 'end: 6')
      .replace('frame: f', 'frame: gone-frame');
    const r = parse(sidecarText('', later + GOOD_BLOCK + orphan));
    assert.deepEqual(r.problems, []);
    assert.deepEqual(
      r.sidecar?.annotations.map((a) => a.id),
      ['a0000000002', 'a0000000001', 'a0000000003'],
    );
    assert.equal(r.sidecar?.annotations[2]?.frame, 'gone-frame');
    const empty = parse(sidecarText('', GOOD_BLOCK.replace('end: 4', 'end: 0')));
    assert.match(empty.problems[0]?.message ?? '', /empty span is allowed only for an orphaned annotation/);
  });

  it('reads a status and rejects an unknown one', () => {
    const ok = parse(sidecarText('', GOOD_BLOCK + '    status: needs-review\n'));
    assert.equal(ok.sidecar?.annotations[0]?.status, 'needs-review');
    const bad = parse(sidecarText('', GOOD_BLOCK + '    status: fine\n'));
    assert.equal(bad.sidecar?.annotations.length, 0);
    assert.match(bad.problems[0]?.message ?? '', /'status' must be one of needs-review, orphaned/);
  });
});
