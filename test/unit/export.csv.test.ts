/**
 * The analysts' CSV of coded segments: every annotation is a row with its anchoring status (orphans and unknown
 * frames included), hostile cell content is neutralised (reliability case 23), and an independent parser
 * (csv-parse) reads back the same values and the same row count. Also `sovcode export` end to end.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { createAnnotation, type Annotation } from '../../src/core/annotations';
import { parseCodebook, type Codebook } from '../../src/core/codebook';
import { codedSegments } from '../../src/core/documents';
import { SEGMENT_COLUMNS, segmentsToCsv } from '../../src/core/export/segmentsCsv';
import { serializeSidecar } from '../../src/core/sidecar';
import { sovcode } from './sovcodeRunner';

const CODEBOOK_YAML = `codebook: test-book
title: Test codebook
version: "1"
frames:
  - id: claims
    label: Claims
    color: "#1565c0"
    definition: Group.
  - id: territory
    label: Territory
    parent: claims
    color: "#2e7d32"
    definition: Digital space as territory.
    terms: [information space, цифров* суверенитет*, 网络主权]
`;

function codebook(): Codebook {
  const { codebook: cb, problems } = parseCodebook(CODEBOOK_YAML, 'codebook.yaml');
  assert.ok(cb, JSON.stringify(problems));
  return cb;
}

const TEXT = 'We speak of the information space.\nОни защищают цифровой суверенитет.\n维护网络主权。\n';
const at = (quote: string, frame = 'territory', id?: string): Annotation => {
  const start = TEXT.indexOf(quote);
  return createAnnotation(TEXT, start, start + quote.length, frame, 'alice', '2026-11-30', id);
};

describe('export: coded segments as CSV', () => {
  it('gives every annotation one row, with its status after checking the current text', () => {
    const stale: Annotation = {
      ...at('information space', 'territory', 'a0000000003'),
      quote: 'a sentence that was deleted',
      start: 3,
      end: 30,
    };
    const review: Annotation = { ...at('网络主权', 'territory', 'a0000000004'), status: 'needs-review' };
    const unknown = at('цифровой суверенитет', 'old-frame', 'a0000000005');
    const edited = 'A new first line.\n' + TEXT;
    const documents = [
      {
        path: 'b.txt',
        text: edited,
        annotations: [at('information space', 'territory', 'a0000000001'), stale, review, unknown],
      },
      { path: 'a.txt', text: undefined, annotations: [at('information space', 'territory', 'a0000000002')] },
    ];
    const segments = codedSegments(codebook(), documents);
    assert.deepEqual(
      segments.map((s) => [s.document, s.annotation.id, s.status]),
      [
        ['a.txt', 'a0000000002', 'source-missing'],
        ['b.txt', 'a0000000001', 'moved'],
        ['b.txt', 'a0000000003', 'orphaned'],
        ['b.txt', 'a0000000004', 'needs-review'],
        ['b.txt', 'a0000000005', 'moved'],
      ],
    );
    const moved = segments[1];
    assert.equal(edited.slice(moved.start, moved.end), 'information space');
    assert.equal(moved.line, 2, 'line counted in the current text, 1-based');
    assert.equal(moved.column, 'We speak of the '.length + 1);
    assert.equal(segments[4].frameLabel, undefined, 'a frame the codebook no longer has keeps its raw id and no label');
    assert.equal(segments[1].framePath, 'Claims › Territory');

    const rows = parseCsv<Record<string, string>>(segmentsToCsv(segments, documents, codebook()), { columns: true });
    assert.equal(rows.length, 5, 'one row per annotation, orphans included');
    assert.deepEqual(Object.keys(rows[0] ?? {}), [...SEGMENT_COLUMNS]);
    assert.equal(rows[2]?.['status'], 'orphaned');
    assert.equal(rows[2]?.['quote'], 'a sentence that was deleted', 'an orphan keeps its coded quote');
    assert.equal(rows[4]?.['frame_id'], 'old-frame');
    assert.equal(rows[4]?.['frame_in_codebook'], 'no');
    assert.equal(rows[4]?.['frame_label'], '');
    assert.equal(rows[0]?.['line'], '', 'no line number without a text to count lines in');
    assert.equal(rows[1]?.['codebook'], 'test-book');
  });

  it('neutralises formula-like cells and keeps commas, quotes, line breaks and any script intact (case 23)', () => {
    const hostile = [
      '=HYPERLINK("http://evil.example","x")',
      '+1+2',
      '-2+3',
      '@SUM(A1)',
      '\tindent',
      '\rreturn',
      '\nnewline',
      '\0nul',
      '＝１＋１',
      '＋full',
      '－full',
      '＠full',
      'a, "quoted", and\r\nmulti-line',
      'Цифровой суверенитет',
      '网络主权',
      'emoji 👩🏽‍💻 e\u0301',
      "'already an apostrophe",
    ];
    const base = at('information space');
    const annotations = hostile.map((memo, i) => ({
      ...base,
      id: `a00000000${String(i).padStart(2, '0')}`,
      memo,
      quote: memo,
      coder: memo,
    }));
    const documents = [{ path: '=cmd|calc.txt', text: undefined, annotations }];
    const csv = segmentsToCsv(codedSegments(codebook(), documents), documents, codebook());
    const rows = parseCsv<Record<string, string>>(csv, { columns: true, relax_quotes: false });
    assert.equal(rows.length, hostile.length, 'the same row count as annotations');
    rows.forEach((row, i) => {
      const original = hostile[i];
      const expected = /^[=+\-@\t\r\n\0＝＋－＠']/u.test(original) ? `'${original}` : original;
      for (const column of ['quote', 'memo', 'coder']) assert.equal(row[column], expected, `${column} of row ${i}`);
      assert.equal(row['document'], "'=cmd|calc.txt");
    });
    assert.ok(csv.split('\r\n').length > hostile.length, 'rows end with CRLF');

    // A second reader from another ecosystem: Python's csv module (what pandas users' files pass through).
    const python = spawnSync(
      'python3',
      [
        '-c',
        'import csv, io, json, sys; print(json.dumps(list(csv.DictReader(io.StringIO(sys.stdin.read(), newline="")))))',
      ],
      { input: csv, encoding: 'utf8' },
    );
    assert.equal(python.status, 0, python.stderr);
    assert.deepEqual(JSON.parse(python.stdout), rows, "Python's csv module reads the same rows and values");
  });
});

describe('sovcode export', () => {
  function workspace(): string {
    const dir = mkdtempSync(join(tmpdir(), 'sovcode-export-'));
    writeFileSync(join(dir, 'codebook.yaml'), CODEBOOK_YAML);
    mkdirSync(join(dir, 'texts'));
    writeFileSync(join(dir, 'texts', 'one.txt'), TEXT.replace(/\n/g, '\r\n'));
    const annotations = [at('information space', 'territory', 'a0000000001'), at('网络主权', 'gone', 'a0000000002')];
    writeFileSync(
      join(dir, 'texts', 'one.txt.annotations.yaml'),
      serializeSidecar({ version: 1, source: 'one.txt', sourceHash: '', codebook: 'test-book', annotations }, TEXT),
    );
    return dir;
  }

  it('exports every sidecar below a folder with the workspace codebook, and warns of unknown frames', () => {
    const dir = workspace();
    const { code, out, err } = sovcode('export', dir);
    assert.equal(code, 0, err);
    const rows = parseCsv<Record<string, string>>(out, { columns: true });
    assert.deepEqual(
      rows.map((r) => [r['quote'], r['frame_label'], r['status']]),
      [
        ['information space', 'Territory', 'anchored'],
        ['网络主权', '', 'anchored'],
      ],
    );
    assert.ok(
      rows.every((r) => r['document']?.endsWith('texts/one.txt')),
      out,
    );
    assert.match(err, /frame 'gone' is not in codebook 'test-book'/);
  });

  it('writes --output, and takes a text file for its sidecar', () => {
    const dir = workspace();
    const target = join(dir, 'segments.csv');
    const { code, err } = sovcode('export', '--output', target, join(dir, 'texts', 'one.txt'));
    assert.equal(code, 0, err);
    assert.equal(parseCsv(readFileSync(target, 'utf8'), { columns: true }).length, 2);
    assert.match(err, /2 segment\(s\) written/);
  });

  it('refuses to export part of a sidecar with an error, names file and line, and writes nothing', () => {
    const dir = workspace();
    const sidecar = join(dir, 'texts', 'one.txt.annotations.yaml');
    const lines = readFileSync(sidecar, 'utf8').split('\n');
    lines.splice(8, 0, '<<<<<<< HEAD');
    writeFileSync(sidecar, lines.join('\n'));
    const target = join(dir, 'segments.csv');
    const { code, out, err } = sovcode('export', '-o', target, dir);
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.equal(existsSync(target), false);
    assert.match(err, /nothing exported/);
    assert.match(err, /one\.txt\.annotations\.yaml:9:1: error: Git conflict marker/);
  });

  it('says clearly when there is nothing to export or a text has no annotation file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sovcode-export-empty-'));
    assert.match(sovcode('export', dir).err, /no annotation files/);
    writeFileSync(join(dir, 'plain.txt'), 'text');
    assert.match(sovcode('export', join(dir, 'plain.txt')).err, /has no annotation file/);
    assert.match(sovcode('export', join(dir, 'missing.txt')).err, /no such file/);
    assert.match(sovcode('export', '--format', 'xlsx', dir).err, /unknown --format 'xlsx'/);
    assert.equal(sovcode('export', '--help').code, 0);
  });
});
