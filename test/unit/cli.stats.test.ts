/**
 * `sovcode stats` against counts computed independently: Python's csv module reads the CSV export of the same
 * folder (test/python/stats_from_csv.py) and counts frequencies per frame and per attribute value, overlapping
 * pairs and coded characters; the numbers must agree. Also the command's errors and formats.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createAnnotation } from '../../src/core/annotations';
import type { StatsReport } from '../../src/core/stats';
import { serializeSidecar } from '../../src/core/sidecar';
import { textHash } from '../../src/core/text';
import { sovcode } from './sovcodeRunner';
import { TWO_FRAMES } from './twoFrames';

const TEXTS: Record<string, string> = {
  'speech.txt': 'We defend our land. Our land ends at the sea.\n\nThe sea is open to all ships.\n',
  'op-ed.txt': 'Земля и море: the land, the sea, and the 网络 between them.\n',
  'note.txt': 'A short note about the sea and a ghost frame.\n',
};
const CODING: Record<string, [string, string][]> = {
  'speech.txt': [
    ['our land', 'land'],
    ['land ends at the sea', 'land'],
    ['the sea', 'sea'],
    ['The sea is open', 'sea'],
  ],
  'op-ed.txt': [
    ['the land, the sea', 'land'],
    ['the sea, and', 'sea'],
    ['网络', 'sea'],
  ],
  'note.txt': [
    ['the sea', 'sea'],
    ['a ghost frame', 'ghost'],
  ],
};

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sovcode-stats-'));
  writeFileSync(join(dir, 'codebook.yaml'), TWO_FRAMES);
  writeFileSync(join(dir, 'documents.csv'), 'document,country,date\nspeech.txt,ru,2024-05\nop-ed.txt,cn,2023-11-02\n');
  let n = 0;
  for (const [name, text] of Object.entries(TEXTS)) {
    writeFileSync(join(dir, name), text);
    const annotations = (CODING[name] ?? []).map(([needle, frame]) => {
      const at = text.indexOf(needle);
      return createAnnotation(
        text,
        at,
        at + needle.length,
        frame,
        'coder',
        '2026-12-01',
        `a${String(n++).padStart(10, '0')}`,
      );
    });
    writeFileSync(
      join(dir, `${name}.annotations.yaml`),
      serializeSidecar({ version: 1, source: name, sourceHash: textHash(text), codebook: 't', annotations }, text),
    );
  }
  return dir;
}

interface PythonCounts {
  frequency: Record<string, number>;
  by_value: Record<string, Record<string, number>>;
  overlaps: Record<string, number>;
  characters: number;
  coded: number;
}

describe('sovcode stats', () => {
  it('agrees with counts Python computes from the CSV export', () => {
    const dir = workspace();
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const exported = sovcode('export', '-o', 'segments.csv', '.');
      assert.equal(exported.code, 0, exported.err);
      const script = resolve(cwd, 'test/python/stats_from_csv.py');
      const python = JSON.parse(
        execFileSync('/usr/bin/python3', [script, 'segments.csv', 'documents.csv', 'country', '.'], {
          encoding: 'utf8',
        }),
      ) as PythonCounts;
      const run = sovcode('stats', '--by', 'country', '--format', 'json', '.');
      assert.equal(run.code, 0, run.err);
      const report = JSON.parse(run.out) as StatsReport;
      for (const f of report.frequencies.frames) assert.equal(f.count, python.frequency[f.frame] ?? 0, f.frame);
      assert.equal(
        report.frequencies.total,
        Object.values(python.frequency).reduce((a, b) => a + b, 0),
      );
      report.frequencies.groups.forEach((g, i) => {
        for (const f of report.frequencies.frames)
          assert.equal(f.byGroup[i], python.by_value[g]?.[f.frame] ?? 0, `${g}/${f.frame}`);
      });
      assert.deepEqual(report.frequencies.groups, ['cn', 'ru', '(none)']);
      const ids = report.cooccurrence.frames;
      ids.forEach((a, i) =>
        ids.forEach((b, j) => {
          if (i !== j)
            assert.equal(
              report.cooccurrence.matrix[i]?.[j],
              python.overlaps[[a, b].sort().join('|')] ?? 0,
              `${a}×${b}`,
            );
        }),
      );
      assert.equal(report.coverage.characters, python.characters);
      assert.equal(report.coverage.coded, python.coded);
    } finally {
      process.chdir(cwd);
    }
  });

  it('prints text, CSV and SVG, and says what is wrong with an option or documents.csv', () => {
    const dir = workspace();
    assert.match(sovcode('stats', dir).out, /Frequencies\n[\s\S]*Land\s+3\n/);
    assert.match(sovcode('stats', '--format', 'csv', '--cooccurrence', 'paragraph', dir).out, /^"table","frame_id"/);
    const svg = sovcode('stats', '--format', 'svg', dir).out;
    assert.match(svg, /^<\?xml[\s\S]*<svg[\s\S]*data-frame="land"[\s\S]*<\/svg>\n$/);
    assert.match(
      sovcode('stats', '--by', 'outlet', dir).err,
      /--by 'outlet': use 'text' or a column of documents.csv \(country, date\)/,
    );
    assert.match(sovcode('stats', '--cooccurrence', 'page', dir).err, /unknown --cooccurrence 'page'/);
    writeFileSync(join(dir, 'documents.csv'), 'document,country,date\nspeech.txt,ru,2024-13\nmissing.txt,ru,2024\n');
    const bad = sovcode('stats', dir);
    assert.equal(bad.code, 2);
    assert.match(
      bad.err,
      /documents\.csv:2:1: error: '2024-13' in column 'date' is not a date[\s\S]*documents\.csv:3:1: error: 'missing\.txt': no such text/,
    );
  });
});
