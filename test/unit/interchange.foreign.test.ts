/**
 * Importing REFI-QDA projects written by other tools (hand-written fixtures in test/fixtures/refi-qda/foreign,
 * one per tool, each valid against the schema): every coding is placed at the right text, whatever the tool's
 * way of counting CRLF line ends, or reported with its file and line; codes become frames with their
 * hierarchy and colours, users become coders; a `.qdc` becomes a codebook the loader accepts.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { Annotation } from '../../src/core/annotations';
import { parseCodebook } from '../../src/core/codebook';
import { importRefiQda, type ImportResult } from '../../src/core/interchange';
import { parseSidecar } from '../../src/core/sidecar';
import { codebookToQdc } from '../../src/core/export/refiQda';
import { sovcode } from './sovcodeRunner';

const FOREIGN = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'refi-qda', 'foreign');
const SCHEMA = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'refi-qda', 'Project.xsd');

/** The fixture folder as the bytes of a .qdpx. */
function qdpx(tool: string): Uint8Array {
  const folder = join(FOREIGN, tool);
  const files: Record<string, Uint8Array> = { 'project.qde': readFileSync(join(folder, 'project.qde')) };
  for (const name of readdirSync(join(folder, 'sources')))
    files[`sources/${name}`] = readFileSync(join(folder, 'sources', name));
  return zipSync(files);
}

function imported(tool: string): {
  result: ImportResult;
  texts: Map<string, string>;
  annotations: Map<string, Annotation[]>;
} {
  const lint = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, join(FOREIGN, tool, 'project.qde')], {
    encoding: 'utf8',
  });
  assert.equal(lint.status, 0, `${tool} fixture is valid REFI-QDA: ${lint.stderr}`);
  const result = importRefiQda(qdpx(tool), `${tool}.qdpx`, '2026-12-01');
  const texts = new Map<string, string>();
  const annotations = new Map<string, Annotation[]>();
  for (const f of result.files) {
    if (f.path.endsWith('.annotations.yaml')) {
      const parsed = parseSidecar(f.text, f.path);
      assert.deepEqual(parsed.problems, [], f.path);
      annotations.set(f.path.slice(0, -'.annotations.yaml'.length), parsed.sidecar?.annotations ?? []);
    } else if (f.path !== 'codebook.yaml') texts.set(f.path, f.text);
  }
  const book = parseCodebook(result.files.find((f) => f.path === 'codebook.yaml')?.text ?? '', 'codebook.yaml');
  assert.ok(book.codebook, JSON.stringify(book.problems));
  return { result, texts, annotations };
}

const placed = (a: Annotation[]) => a.map((x) => [x.frame, x.quote, x.coder, x.created, x.memo]);

describe('REFI-QDA import of other tools’ projects', () => {
  it('QualCoder: categories, coding memos, a note on a span and a journal entry', () => {
    const { result, texts, annotations } = imported('qualcoder');
    assert.deepEqual([...texts.keys()], ['adviser.txt']);
    assert.deepEqual(
      result.codebook.frames.map((f) => [f.id, f.label, f.color, f.parent]),
      [
        ['technology', 'Technology', '#3366CC', undefined],
        ['data-sovereignty', 'Data sovereignty', '#D62728', 'technology'],
        ['localisation', 'Localisation', '#2CA02C', 'technology'],
      ],
    );
    assert.deepEqual(placed(annotations.get('adviser.txt') ?? []), [
      ['data-sovereignty', 'data sovereignty', 'maria', '2026-05-01', undefined],
      ['data-sovereignty', '数据主权', 'chen', '2026-05-01', 'The adviser switches to Chinese & stresses it.'],
      ['localisation', 'Data localisation', 'maria', '2026-05-01', undefined],
    ]);
    assert.equal(result.placed, 3);
    const report = result.report.map((r) => `${r.where}: ${r.message}`).join('\n');
    assert.match(
      report,
      /qualcoder\.qdpx!project\.qde:\d+: a note on adviser\.txt not imported as coding \(it has no code\): Annotation: a home-data argument\./,
    );
    assert.match(report, /note 'Fieldwork journal' not imported: it is not a coding/);
    assert.equal(result.files.find((f) => f.path === 'adviser.txt')?.date, '2026-04-30T09:00:00Z');
  });

  it('ATLAS.ti: CRLF counted as one character, two codings on one quotation, a picture source reported', () => {
    const { result, texts, annotations } = imported('atlasti');
    assert.deepEqual([...texts.keys()], ['Forum speech.txt']);
    assert.match(texts.get('Forum speech.txt') ?? '', /\r\n/, 'the text is written as it came, CRLF and all');
    assert.deepEqual(
      placed(annotations.get('Forum speech.txt') ?? []).map((p) => p.slice(0, 3)),
      [
        ['territory', 'information space', 'Jo Analyst'],
        ['borders-online', 'Borders matter online', 'Jo Analyst'],
        ['territory', 'Borders matter online', 'Jo Analyst'],
      ],
    );
    assert.match(result.codebook.frames[1]?.color ?? '', /^#[0-9A-F]{6}$/i, 'a code without a colour gets one');
    assert.match(
      result.report.map((r) => r.message).join('\n'),
      /PictureSource 'Forum poster' not imported: Sovereignty Coder codes text sources only/,
    );
  });

  it('MAXQDA: CRLF counted as two, and every coding it cannot place is reported with its line', () => {
    const { result, annotations } = imported('maxqda');
    assert.deepEqual(placed(annotations.get('Article 1.txt') ?? []), [
      ['code-1', 'Цифровой суверенитет', 'Sam', '2026-01-20', undefined],
    ]);
    assert.deepEqual(
      result.codebook.frames.map((f) => [f.id, f.label]),
      [
        ['code-1', 'Цифровой суверенитет'],
        ['sovereignty-sub', 'Sovereignty (sub)'],
      ],
      'a frame id from a name without Latin letters is made up; the label is the name',
    );
    assert.equal(result.codebook.frames[1]?.color, '#abc');
    assert.equal(result.codebook.frames[1]?.parent, result.codebook.frames[0]?.id);
    const report = result.report.map((r) => `${r.where}: ${r.message}`);
    assert.equal(report.length, 5, report.join('\n'));
    assert.match(
      report[0] ?? '',
      /maxqda\.qdpx!project\.qde:\d+: a selection without a code in Article 1\.txt \("The end"\), not imported; its description: A memo on the ending/,
    );
    assert.match(
      report[1] ?? '',
      /refers to code AAAAAAAA-0000-4000-8000-00000000dead, which the project does not define: not placed/,
    );
    assert.match(
      report[2] ?? '',
      /a selection at 900-950 of Article 1\.txt is outside its text .*: its 1 coding\(s\) are not placed/,
    );
    assert.match(report[3] ?? '', /a coding of the whole of Article 1\.txt .*not placed/);
    assert.match(
      report[4] ?? '',
      /1 document variable\(s\) of Article 1\.txt not imported: document attributes go in documents\.csv/,
    );
    assert.equal(result.placed, 1, 'of the four codings one is placed and three are reported (the memo has none)');
  });

  it('sovcode import writes the files with the texts’ dates and a report file; a .qdc becomes a codebook', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sovcode-import-'));
    writeFileSync(join(dir, 'media.qdpx'), qdpx('maxqda'));
    const r = sovcode('import', join(dir, 'media.qdpx'), '--into', join(dir, 'ws'));
    assert.equal(r.code, 0, r.err);
    assert.match(
      r.err,
      /imported codebook 'media-2026' \(2 frames\), 1 text\(s\) and 1 coding\(s\) into .*; 5 item\(s\) not placed/,
    );
    assert.equal(statSync(join(dir, 'ws', 'Article 1.txt')).mtime.toISOString(), '2026-01-15T10:00:00.000Z');
    assert.match(readFileSync(join(dir, 'ws', 'refi-qda-import-report.txt'), 'utf8'), /outside its text/);
    assert.equal(sovcode('validate', join(dir, 'ws')).code, 0);

    const book = parseCodebook(readFileSync(join(dir, 'ws', 'codebook.yaml'), 'utf8'), 'codebook.yaml').codebook;
    assert.ok(book);
    writeFileSync(join(dir, 'book.qdc'), codebookToQdc(book, 'test'));
    const qdc = sovcode('import', join(dir, 'book.qdc'), '--into', join(dir, 'fromQdc'));
    assert.equal(qdc.code, 0, qdc.err);
    const again = parseCodebook(readFileSync(join(dir, 'fromQdc', 'codebook.yaml'), 'utf8'), 'codebook.yaml').codebook;
    assert.deepEqual(
      again?.frames.map((f) => [f.id, f.label, f.parent, f.definition]),
      book.frames.map((f) => [f.id, f.label, f.parent, f.definition]),
    );
  });

  it('refuses a file that is not REFI-QDA, naming the file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sovcode-import-bad-'));
    writeFileSync(
      join(dir, 'broken.qdc'),
      '<?xml version="1.0"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0">\n  <Codes>\n  </Code>\n</CodeBook>\n',
    );
    assert.match(
      sovcode('import', join(dir, 'broken.qdc'), '--into', dir).err,
      /broken\.qdc:4: end tag <\/Code> does not close <Codes>/,
    );
    writeFileSync(join(dir, 'other.qdc'), '<html/>');
    assert.match(sovcode('import', join(dir, 'other.qdc'), '--into', dir).err, /other\.qdc:1: not a REFI-QDA codebook/);
    writeFileSync(join(dir, 'not.qdpx'), 'not a zip');
    assert.match(sovcode('import', join(dir, 'not.qdpx'), '--into', join(dir, 'x')).err, /not\.qdpx/);
  });
});
