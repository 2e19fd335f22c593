/**
 * Provenance in the exports (issue 19): a text added from an original carries the original's path, SHA-256,
 * converter and import date into the CSV (four columns appended after the original ones) and into the REFI-QDA source's
 * <Description>; a text typed in the workspace has empty cells; a broken provenance record is a warning
 * naming it, never a guess.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { createAnnotation } from '../../src/core/annotations';
import { parseCodebook } from '../../src/core/codebook';
import { buildRefiQdaProject } from '../../src/core/export/refiQda';
import { ORIGIN_COLUMNS } from '../../src/core/export/sourceOrigin';
import { SEGMENT_COLUMNS } from '../../src/core/export/segmentsCsv';
import { addText } from '../../src/core/import/addText';
import { convertOriginal } from '../../src/core/import/convert';
import { sidecarYaml } from './fileFixtures';
import { makeDocx } from './importFixtures/officeWriter';
import { sovcode } from './sovcodeRunner';

const SCHEMAS = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'refi-qda');
const NOW = new Date('2026-12-02T12:00:00Z');

/** A folder with speech.txt added from speech.docx and notes.txt typed by hand, one annotation on each. */
async function folderWithAddedText(): Promise<{ dir: string; docx: Uint8Array }> {
  const dir = mkdtempSync(join(tmpdir(), 'sovcode-origin-'));
  const docx = makeDocx([{ paragraph: 'Our region asks for autonomy within the federation.' }], {
    title: 'Speech',
    author: 'A. Speaker',
    created: '2024-02-02T10:00:00Z',
  });
  writeFileSync(join(dir, 'speech.docx'), docx);
  const added = await addText(join(dir, 'speech.docx'), { convert: convertOriginal, toolVersion: 't', now: NOW });
  for (const [name, text] of [
    ['speech.txt', readFileSync(added.text, 'utf8')],
    ['notes.txt', 'Notes typed here: autonomy again.\n'],
  ] as const) {
    if (name === 'notes.txt') writeFileSync(join(dir, name), text);
    const start = text.indexOf('autonomy');
    const a = createAnnotation(text, start, start + 8, 'territory', 'tester', '2026-12-02');
    writeFileSync(join(dir, `${name}.annotations.yaml`), sidecarYaml(name, text, [a]));
  }
  return { dir, docx };
}

describe('export: provenance of added texts', () => {
  it('appends source_original, its SHA-256, the converter and the import date at the end of the CSV', async () => {
    const { dir, docx } = await folderWithAddedText();
    const { code, out, err } = sovcode('export', '--format', 'csv', dir);
    assert.equal(code, 0, err);
    const rows = parseCsv<Record<string, string>>(out, { columns: true, bom: true });
    const header = Object.keys(rows[0] ?? {});
    // appended after the original columns (which end with conflict_with), never moving them; later additions follow
    const at = header.indexOf('source_original');
    assert.ok(at > header.indexOf('conflict_with'), 'after the original columns');
    assert.deepEqual(header.slice(at, at + 4), [...ORIGIN_COLUMNS], 'appended together');
    assert.deepEqual(header, [...SEGMENT_COLUMNS]);
    const speech = rows.find((r) => r['document']?.endsWith('speech.txt'));
    const notes = rows.find((r) => r['document']?.endsWith('notes.txt'));
    assert.ok(speech && notes);
    assert.equal(speech['source_original'], join(dir, 'speech.docx'), 'beside the text, named as document is');
    assert.equal(speech['source_original_sha256'], createHash('sha256').update(docx).digest('hex'));
    assert.match(speech['source_converter'] ?? '', /^mammoth \d+\.\d+\.\d+$/);
    assert.equal(speech['source_imported'], '2026-12-02T12:00:00Z');
    assert.deepEqual(
      ORIGIN_COLUMNS.map((c) => notes[c]),
      ['', '', '', ''],
      'a text typed in the workspace has no origin',
    );
  });

  it('warns, naming the record, and exports without an origin when the provenance record is broken', async () => {
    const { dir } = await folderWithAddedText();
    writeFileSync(join(dir, 'speech.txt.provenance.yaml'), 'original: [unclosed\n');
    const { code, out, err } = sovcode('export', '--format', 'csv', dir);
    assert.equal(code, 0, err);
    assert.match(err, /speech\.txt\.provenance\.yaml:1:1: warning: unusable provenance record/);
    const rows = parseCsv<Record<string, string>>(out, { columns: true, bom: true });
    assert.ok(rows.every((r) => r['source_original'] === ''));
  });

  it("puts the origin in the REFI-QDA source's Description, valid against the schema", () => {
    const origin = {
      original: 'papers/speech.docx',
      sha256: 'ab'.repeat(32),
      converter: 'mammoth 1.0.0',
      imported: '2026-12-02T12:00:00Z',
    };
    const text = 'Our region asks for autonomy within the federation.\n';
    const a = createAnnotation(
      text,
      text.indexOf('autonomy'),
      text.indexOf('autonomy') + 8,
      'territory',
      'tester',
      '2026-12-02',
    );
    const fixture = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'workspace', 'codebook.yaml');
    const codebook = parseCodebook(readFileSync(fixture, 'utf8'), fixture);
    assert.ok(codebook.codebook, JSON.stringify(codebook.problems));
    const project = buildRefiQdaProject(
      codebook.codebook,
      [{ path: 'papers/speech.txt', text, annotations: [a], origin }],
      {
        projectName: 'p',
        origin: 'test',
      },
    );
    assert.match(
      project.projectXml,
      /<TextSource [^>]*name="speech\.txt"[^>]*>\n\s*<Description>Converted from papers\/speech\.docx \(SHA-256 (ab){32}\) by mammoth 1\.0\.0, added 2026-12-02T12:00:00Z\.\n\nSovereignty Coder path: papers\/speech\.txt<\/Description>\n\s*<PlainTextSelection/,
    );
    const file = join(mkdtempSync(join(tmpdir(), 'sovcode-origin-qde-')), 'project.qde');
    writeFileSync(file, project.projectXml);
    const lint = spawnSync('xmllint', ['--noout', '--schema', join(SCHEMAS, 'Project.xsd'), file], {
      encoding: 'utf8',
    });
    assert.equal(lint.status, 0, lint.stderr);
  });
});
