/**
 * The analysts' CSV read back by independent readers with the recipes docs/export-csv.md documents (Python's
 * csv module and pandas, through test/readers/read_csv.py): both the default (neutralised, for spreadsheets)
 * and `--no-neutralize` give back every value exactly — a genuine `'-ism`, full-width formula starts, a coder
 * called NA, a memo "n/a", an empty memo — and `text[start_cp:end_cp]` of the text file itself is the quote
 * after a BOM, CRLF line ends, emoji and a CJK Extension B character. The new columns (context, source hash,
 * the sidecar's Git commit, codebook version, sentence unit) hold what they say.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { createAnnotation, type Annotation } from '../../src/core/annotations';
import { SEGMENT_COLUMNS } from '../../src/core/export/segmentsCsv';
import { serializeSidecar } from '../../src/core/sidecar';
import { canonicalText, textHash } from '../../src/core/text';
import { tempRepo, type TempRepo } from './gitRepo';

const READER = join(__dirname, '..', '..', '..', 'test', 'readers', 'read_csv.py');
const CODEBOOK = `codebook: csv-book
title: CSV codebook
version: "7"
frames:
  - id: territory
    label: Territory
    color: "#2e7d32"
    definition: Digital space as territory.
`;
// a BOM, CRLF line ends, an emoji and a CJK Extension B character before the spans; three sentences
const TEXT = '\uFEFFFirst 👩🏽‍💻 sentence 𠀀.\r\nThe information space is ours. 网络主权。\r\n';
const HOSTILE = ["'-ism", '＝SUM(A1)', '－minus', '@handle', '=1+1', "''two apostrophes", 'n/a', 'NA', 'NULL'];

function annotation(quote: string, id: string, extra: Partial<Annotation> = {}): Annotation {
  const canonical = canonicalText(TEXT);
  const start = canonical.indexOf(quote);
  return { ...createAnnotation(canonical, start, start + quote.length, 'territory', 'NA', '2026-11-30', id), ...extra };
}

function workspace(): TempRepo {
  const repo = tempRepo(false);
  repo.write('codebook.yaml', CODEBOOK);
  repo.write('texts/one.txt', TEXT);
  const annotations = [
    annotation('information space', 'a0000000001', { memo: '' }),
    annotation('网络主权', 'a0000000002', { memo: 'n/a' }),
    ...HOSTILE.map((memo, i) => annotation('First', `a00000001${i}`, { memo, coder: memo })),
  ];
  const sidecar = { version: 1 as const, source: 'one.txt', sourceHash: '', codebook: 'csv-book', annotations };
  repo.write('texts/one.txt.annotations.yaml', serializeSidecar(sidecar, TEXT));
  return repo;
}

type Row = Record<string, string | number | null>;

function read(reader: 'csv' | 'pandas', mode: 'neutralized' | 'raw', file: string, root: string): Row[] {
  const r = spawnSync('/usr/bin/python3', [READER, reader, mode, file, root], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Row[];
}

describe('export: the CSV through pandas and Python csv with the documented recipes', () => {
  it('gives back every value with both recipes, and the quote at its code points in the text file', () => {
    const repo = workspace();
    try {
      repo.commitAll('coding');
      const head = repo.git('rev-parse', 'HEAD').trim();
      assert.equal(repo.sovcode('export', '-o', 'safe.csv').code, 0);
      assert.equal(repo.sovcode('export', '--no-neutralize', '-o', 'raw.csv').code, 0);
      const safe = readFileSync(join(repo.dir, 'safe.csv'), 'utf8');
      const raw = readFileSync(join(repo.dir, 'raw.csv'), 'utf8');
      assert.match(safe, /"''-ism"/, "a genuine leading apostrophe gets one more, so the recipe's removal is exact");
      assert.match(safe, /"'＝SUM\(A1\)"/, 'full-width formula starts are neutralised');
      assert.match(raw, /"'-ism"/, '--no-neutralize writes the value as it is');
      assert.match(safe.split('\r\n')[1] ?? '', /,"",/, 'an empty memo is a quoted empty text cell');
      for (const reader of ['csv', 'pandas'] as const) {
        for (const [file, mode] of [
          ['safe.csv', 'neutralized'],
          ['raw.csv', 'raw'],
        ] as const) {
          const all = read(reader, mode, join(repo.dir, file), repo.dir);
          const what = `${reader}, ${file}`;
          assert.deepEqual(Object.keys(all[0] ?? {}), [...SEGMENT_COLUMNS], what);
          const rows = [...all].sort((a, b) => String(a['annotation_id']).localeCompare(String(b['annotation_id'])));
          assert.deepEqual(
            rows.slice(2).map((r) => [r['memo'], r['coder']]),
            HOSTILE.map((h) => [h, h]),
            `${what}: values as written`,
          );
          assert.equal(rows[0]?.['memo'], '', `${what}: an empty memo stays empty text`);
          assert.equal(rows[0]?.['coder'], 'NA', `${what}: a coder called NA is not a missing value`);
          assert.equal(rows[1]?.['memo'], 'n/a', `${what}: a memo n/a is not a missing value`);
          const info = rows.find((r) => r['annotation_id'] === 'a0000000001');
          assert.deepEqual(
            [info?.['start_cp'], info?.['end_cp'], info?.['unit_id'], info?.['line']],
            [27, 44, 2, 2],
            `${what}: code points differ from UTF-16 after the emoji and 𠀀; the second sentence`,
          );
          assert.equal(info?.['source_hash'], textHash(canonicalText(TEXT)));
          assert.equal(info?.['sidecar_commit'], head, `${what}: the commit of the annotation file`);
          assert.equal(info?.['codebook_version'], '7');
        }
      }
      repo.write('texts/one.txt.annotations.yaml', `${repo.read('texts/one.txt.annotations.yaml')}\n`);
      assert.equal(repo.sovcode('export', '-o', 'later.csv').code, 0);
      const later = parseCsv<Record<string, string>>(readFileSync(join(repo.dir, 'later.csv'), 'utf8'), {
        columns: true,
      });
      assert.equal(later[0]?.['sidecar_commit'], `${head}+modified`, 'a changed working copy is marked');
    } finally {
      repo.remove();
    }
  });

  it('says uncommitted for an annotation file Git does not track, and gives context beside the quote', () => {
    const repo = workspace();
    try {
      assert.equal(repo.sovcode('export', '-o', 'x.csv').code, 0);
      const rows = parseCsv<Record<string, string>>(repo.read('x.csv'), { columns: true });
      const info = rows.find((r) => r['annotation_id'] === 'a0000000001');
      assert.equal(info?.['sidecar_commit'], 'uncommitted');
      const canonical = canonicalText(TEXT);
      const start = canonical.indexOf('information space');
      assert.equal(info?.['prefix'], canonical.slice(Math.max(0, start - 32), start));
      assert.equal(info?.['suffix'], canonical.slice(start + 17, start + 17 + 32));
    } finally {
      repo.remove();
    }
  });
});
