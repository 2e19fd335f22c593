/** The `sovcode` command line: scan (JSON Lines and CSV), validate, help and errors, over the real core. */
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { sovcode } from './sovcodeRunner';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sovcode-cli-'));
}

const TEXT = 'Officials defended cyber sovereignty.\r\nОни говорили о цифровом суверенитете и 网络主权的 защите.\n';

describe('sovcode CLI', () => {
  it('scan prints one JSON line per match with canonical offsets and 1-based positions, as the CSV export', () => {
    const dir = tempDir();
    const file = join(dir, 'a.txt');
    writeFileSync(file, TEXT);
    const { code, out } = sovcode('scan', file);
    assert.equal(code, 0);
    const records = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const canonical = TEXT.replace(/\r\n/g, '\n');
    assert.ok(records.length >= 3, out);
    for (const r of records) {
      assert.deepEqual(Object.keys(r), ['file', 'start', 'end', 'line', 'column', 'term', 'frame']);
      assert.equal(canonical.slice(r['start'] as number, r['end'] as number), r['term']);
    }
    const terms = records.map((r) => r['term']);
    assert.ok(terms.includes('cyber sovereignty'), String(terms));
    assert.ok(terms.includes('цифровом суверенитете'), String(terms));
    assert.ok(terms.includes('网络主权'), String(terms));
    const ru = records.find((r) => r['term'] === 'цифровом суверенитете');
    assert.equal(ru?.['line'], 2, 'the second line');
    assert.equal(ru?.['column'], 'Они говорили о '.length + 1);
  });

  it('scan --format csv gives the same records, read back by an independent CSV parser', () => {
    const dir = tempDir();
    const file = join(dir, 'b.txt');
    writeFileSync(file, TEXT);
    const jsonl = sovcode('scan', file)
      .out.trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const { code, out } = sovcode('scan', '--format', 'csv', file);
    assert.equal(code, 0);
    const rows = parseCsv<Record<string, string>>(out, { columns: true });
    assert.equal(rows.length, jsonl.length);
    rows.forEach((row, i) => {
      const j = jsonl[i];
      assert.equal(row['term'], j['term']);
      assert.equal(Number(row['start']), j['start']);
      assert.equal(row['frame'], j['frame']);
    });
  });

  it('scan with a workspace codebook uses its frames', () => {
    const dir = tempDir();
    const codebook = join(dir, 'cb.yaml');
    writeFileSync(
      codebook,
      'codebook: t\ntitle: T\nframes:\n  - id: f\n    label: F\n    color: "#123456"\n    definition: d\n    terms: [ferr*]\n',
    );
    writeFileSync(join(dir, 't.txt'), 'Two ferries left.');
    const { code, out } = sovcode('scan', '--codebook', codebook, join(dir, 't.txt'));
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(out), {
      file: join(dir, 't.txt'),
      start: 4,
      end: 11,
      line: 1,
      column: 5,
      term: 'ferries',
      frame: 'f',
    });
  });

  it('validate reports codebook problems as file:line:column and exits 1', () => {
    const dir = tempDir();
    const codebook = join(dir, 'codebook.yaml');
    writeFileSync(
      codebook,
      'codebook: t\ntitle: T\nframes:\n  - id: f\n    label: F\n    colour: "#123456"\n    definition: d\n',
    );
    const { code, out } = sovcode('validate', dir);
    assert.equal(code, 1);
    assert.match(out, new RegExp(`^${codebook.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:6:5: error: .*colour`, 'm'));
  });

  it('validate checks sidecars against their source and passes a clean folder', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 's.txt'), 'A text about data sovereignty.\n');
    const sidecar = [
      '# Sovereignty Coder annotations',
      'version: 1',
      'source: s.txt',
      'sourceHash: sha256:0',
      'codebook: sovereignty',
      'offsets: utf16-lf',
      'annotations:',
      '  - id: a0000000001',
      '    frame: data',
      '    start: 13',
      '    end: 29',
      '    line: 1',
      '    column: 14',
      '    quote: "data sovereignty"',
      '    prefix: "A text about "',
      '    suffix: ".\\n"',
      '    coder: tester',
      '    created: 2026-11-23',
      '',
    ].join('\n');
    writeFileSync(join(dir, 's.txt.annotations.yaml'), sidecar);
    const clean = sovcode('validate', dir);
    assert.equal(clean.code, 0, clean.out);
    writeFileSync(join(dir, 's.txt'), 'Another text entirely, about ferries.\n');
    const moved = sovcode('validate', dir);
    assert.match(
      moved.out,
      /s\.txt\.annotations\.yaml:8:1: warning: annotation a0000000001: .*no longer in the text \(orphaned/,
    );
  });

  it('validate refuses a sidecar with conflict markers, naming the line', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'c.txt'), 'x');
    writeFileSync(
      join(dir, 'c.txt.annotations.yaml'),
      'version: 1\n<<<<<<< HEAD\nannotations: []\n=======\nannotations: []\n>>>>>>> b\n',
    );
    const { code, out } = sovcode('validate', join(dir, 'c.txt.annotations.yaml'));
    assert.equal(code, 1);
    assert.match(out, /c\.txt\.annotations\.yaml:2:1: error: .*conflict/i);
  });

  it('prints help, and clear errors with exit code 2 for unknown options, commands and missing files', () => {
    assert.equal(sovcode('--help').code, 0);
    assert.match(sovcode('scan', '--help').out, /Usage: sovcode scan/);
    assert.match(sovcode('validate', '--help').out, /Usage: sovcode validate/);
    const unknown = sovcode('scan', '--frobnicate', 'x');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /frobnicate/);
    assert.equal(sovcode('dance').code, 2);
    const missing = sovcode('scan', '/nonexistent/file.txt');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /\/nonexistent\/file\.txt: no such file/);
    const badFormat = sovcode('scan', '--format', 'xml', __filename);
    assert.equal(badFormat.code, 2);
    assert.match(badFormat.err, /unknown --format 'xml'/);
  });
});
