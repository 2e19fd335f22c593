/**
 * REFI-QDA export checked by independent readers: Python's zipfile opens the .qdpx, xmllint validates
 * project.qde and the .qdc against the published QDA-XML schemas, and Python (whose strings count code points,
 * as QDA tools do) finds every selection's quote at its positions in the exported source text.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createAnnotation, type Annotation } from '../../src/core/annotations';
import { parseCodebook, type Codebook } from '../../src/core/codebook';
import { qdpxBytes } from '../../src/core/export/qdpx';
import { buildRefiQdaProject, codebookToQdc, codePointPositions, stableGuid } from '../../src/core/export/refiQda';
import type { CodedDocument } from '../../src/core/documents';
import { serializeSidecar } from '../../src/core/sidecar';
import { run } from '../../src/cli/main';
import { readQdpx, xmllint } from './qdpxReader';

const SHIPPED = join(__dirname, '..', '..', '..', 'codebook', 'sovereignty.yaml');
const OPTIONS = { projectName: 'Test project', origin: 'Sovereignty Coder (tests)' };

const CODEBOOK_YAML = `codebook: refi-test
title: REFI test codebook
frames:
  - id: claims
    label: Claims & counter-claims
    color: "#1565c0"
    definition: A group with <angle brackets> & ampersands.
  - id: territory
    label: Territory
    parent: claims
    color: "#2e7d32"
    definition: Digital space as territory.
    include: Borders online.
    terms: [information space, 网络主权]
`;

function codebook(yaml = CODEBOOK_YAML): Codebook {
  const { codebook: cb, problems } = parseCodebook(yaml, 'codebook.yaml');
  assert.ok(cb, JSON.stringify(problems));
  return cb;
}

// Emoji (two UTF-16 units, one code point) and a combining mark before the spans make UTF-16 offsets and code points differ.
const TEXT = 'Intro 👩🏽‍💻 café e\u0301 — the information space.\n他们维护网络主权。\nЦифровой суверенитет.\n';
function at(quote: string, frame: string, id: string, extra: Partial<Annotation> = {}): Annotation {
  const start = TEXT.indexOf(quote);
  return {
    ...createAnnotation(TEXT, start, start + quote.length, frame, extra.coder ?? 'alice', '2026-11-30', id),
    ...extra,
  };
}

function documents(): CodedDocument[] {
  return [
    {
      path: 'texts/one.txt',
      text: TEXT,
      annotations: [
        at('information space', 'territory', 'a0000000001', {
          memo: 'A memo with <tags> & "quotes"\nand a second line.',
        }),
        at('网络主权', 'territory', 'a0000000002', { coder: 'li', status: 'needs-review' }),
        at('Цифровой суверенитет', 'renamed-frame', 'a0000000003'),
        {
          ...at('information space', 'territory', 'a0000000004'),
          quote: 'a sentence since deleted',
          start: 0,
          end: 24,
        },
      ],
    },
    { path: 'texts/gone.txt', text: undefined, annotations: [at('information space', 'claims', 'a0000000005')] },
  ];
}

function python(script: string, ...args: string[]): string {
  const r = spawnSync('python3', ['-c', script, ...args], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

describe('export: REFI-QDA (.qdpx, .qdc)', () => {
  it('writes a .qdpx that Python unzips, xmllint validates, and whose positions are code points', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sovcode-qdpx-'));
    const project = buildRefiQdaProject(codebook(), documents(), OPTIONS);
    writeFileSync(join(dir, 'p.qdpx'), qdpxBytes(project));
    const read = readQdpx(join(dir, 'p.qdpx'));
    const missingNote = stableGuid(`note:texts/gone.txt\0a0000000005`);
    assert.deepEqual(
      read.names,
      ['project.qde', `sources/${stableGuid('source:texts/one.txt')}.txt`, `sources/${missingNote}.txt`].sort(),
    );
    assert.equal(read.bom, false, 'project.qde has no byte-order mark');
    assert.deepEqual(read.users, ['alice', 'li']);
    assert.equal(read.selections.length, 3);
    for (const s of read.selections)
      assert.equal(s.text, s.name, `the quote '${s.name}' is at its code-point positions`);
    assert.deepEqual(
      read.selections.map((s) => s.code),
      ['Territory', 'Territory', 'renamed-frame'],
    );
    assert.match(read.selections[0]?.description ?? '', /A memo with <tags> & "quotes"\nand a second line\./);
    assert.match(read.selections[1]?.description ?? '', /needs review/);
    assert.equal(read.notes, 2, 'the orphan and the segment without a text are kept as notes');
    assert.equal(read.notes_on_sources.length, 1, 'the orphan is a note its text refers to (NoteRef)');
    assert.equal(read.notes_on_sources[0]?.source, 'one.txt');
    assert.match(
      read.notes_on_sources[0]?.content ?? '',
      /a0000000004 could not be placed in texts\/one\.txt: its quote is no longer in the text/,
    );
    assert.equal(read.notes_in_files.length, 1, 'the segment without a text is a note with its own text file');
    assert.match(
      read.notes_in_files[0]?.content ?? '',
      /a0000000005 could not be placed in texts\/gone\.txt: the text file was not found/,
    );
    assert.deepEqual(read.sources, [
      {
        name: 'one.txt',
        description: 'Sovereignty Coder path: texts/one.txt',
        date: '2026-11-30T00:00:00Z',
        user: 'alice',
      },
    ]);
    assert.deepEqual(read.colors, ['#1565C0', '#2E7D32']);
    assert.equal(project.selections + project.notes, 5, 'every annotation is in the project');
  });

  it('is byte-identical when exported twice, and GUIDs are well-formed', () => {
    const a = qdpxBytes(buildRefiQdaProject(codebook(), documents(), OPTIONS));
    const b = qdpxBytes(buildRefiQdaProject(codebook(), documents(), OPTIONS));
    assert.deepEqual(Buffer.from(a), Buffer.from(b));
    assert.match(stableGuid('code:territory'), /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.notEqual(stableGuid('code:a'), stableGuid('code:b'));
  });

  it('marks a parent without terms or annotations as a pure category', () => {
    const xml = buildRefiQdaProject(codebook(), [{ path: 'x.txt', text: TEXT, annotations: [] }], OPTIONS).projectXml;
    assert.match(xml, /<Code guid="[^"]+" name="Claims &amp; counter-claims" isCodable="false"/);
    assert.match(xml, /<Code guid="[^"]+" name="Territory" isCodable="true" color="#2E7D32">/);
  });

  it('writes .qdc codebooks that xmllint validates, for the test codebook and the shipped one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sovcode-qdc-'));
    for (const [name, cb] of [
      ['test', codebook()],
      ['shipped', codebook(readFileSync(SHIPPED, 'utf8'))],
    ] as const) {
      const file = join(dir, `${name}.qdc`);
      writeFileSync(file, codebookToQdc(cb, OPTIONS.origin));
      xmllint('Codebook.xsd', file);
      const count = Number(
        python(
          "import sys, xml.etree.ElementTree as ET; print(len(list(ET.parse(sys.argv[1]).iter('{urn:QDA-XML:codebook:1.0}Code'))))",
          file,
        ).trim(),
      );
      assert.equal(count, cb.frames.length, `${name}: one code per frame`);
    }
  });

  it('counts code points across surrogate pairs in one pass', () => {
    const text = 'a😀b𝄞c';
    const positions = codePointPositions(text, [0, 1, 3, 4, 6, 7]);
    assert.deepEqual(
      [...positions.entries()],
      [
        [0, 0],
        [1, 1],
        [3, 2],
        [4, 3],
        [6, 4],
        [7, 5],
      ],
    );
  });

  it('sovcode export writes .qdpx and .qdc files by their extension, and wants --output for them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sovcode-qdpx-cli-'));
    writeFileSync(join(dir, 'codebook.yaml'), CODEBOOK_YAML);
    writeFileSync(join(dir, 'one.txt'), TEXT.replace(/\n/g, '\r\n'));
    const annotations = documents()[0]?.annotations ?? [];
    writeFileSync(
      join(dir, 'one.txt.annotations.yaml'),
      serializeSidecar(
        { version: 1, source: 'one.txt', sourceHash: '', codebook: 'refi-test', annotations: [...annotations] },
        TEXT,
      ),
    );
    const sovcode = (...args: string[]): { code: number; err: string } => {
      let err = '';
      const code = run(
        args,
        () => undefined,
        (s) => {
          err += s;
        },
      );
      return { code, err };
    };
    const qdpx = sovcode('export', '-o', join(dir, 'out.qdpx'), dir);
    assert.equal(qdpx.code, 0, qdpx.err);
    assert.match(qdpx.err, /3 coded selection\(s\) and 1 unplaced annotation\(s\) as notes, 1 file\(s\) written/);
    const read = readQdpx(join(dir, 'out.qdpx'));
    assert.equal(read.selections.length, 3);
    for (const sel of read.selections) assert.equal(sel.text, sel.name);

    // the same project bytes from the folder itself, from its parent and with an absolute path: names and GUIDs
    // depend on the workspace path only, never on where the export ran
    const here = process.cwd();
    try {
      for (const [cwd, arg] of [
        [dir, '.'],
        [join(dir, '..'), basename(dir)],
        [tmpdir(), dir],
      ] as const) {
        process.chdir(cwd);
        const again = sovcode('export', '-o', join(dir, 'again.qdpx'), '--force', arg);
        assert.equal(again.code, 0, again.err);
        assert.deepEqual(readFileSync(join(dir, 'again.qdpx')), readFileSync(join(dir, 'out.qdpx')), `from ${cwd}`);
      }
    } finally {
      process.chdir(here);
    }
    assert.deepEqual(
      read.sources.map((s) => s.name),
      ['one.txt'],
      'a source is named by its file name, without the folder part',
    );

    const qdc = sovcode('export', '--output', join(dir, 'book.qdc'), dir);
    assert.equal(qdc.code, 0, qdc.err);
    xmllint('Codebook.xsd', join(dir, 'book.qdc'));
    assert.match(readFileSync(join(dir, 'book.qdc'), 'utf8'), /name="Territory"/);
    assert.match(sovcode('export', '--format', 'qdpx', dir).err, /--format qdpx writes a file: name it with --output/);
  });

  it('sovcode export refuses a spreadsheet name it would fill with CSV, and a REFI-QDA format under another extension', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sovcode-ext-cli-'));
    writeFileSync(join(dir, 'one.txt'), TEXT);
    const errOf = (...args: string[]): { code: number; err: string } => {
      let err = '';
      const code = run(
        args,
        () => undefined,
        (s) => {
          err += s;
        },
      );
      return { code, err };
    };
    for (const name of ['coded.xlsx', 'coded.ODS']) {
      const r = errOf('export', '-o', join(dir, name), dir);
      assert.equal(r.code, 2);
      assert.match(r.err, /writes CSV, not \.(xlsx|ods) spreadsheets; name the file \.csv/);
      assert.equal(existsSync(join(dir, name)), false, `${name} is not written`);
    }
    const mismatch = errOf('export', '--format', 'qdpx', '-o', join(dir, 'project.zip'), dir);
    assert.equal(mismatch.code, 2);
    assert.match(mismatch.err, /--format qdpx writes a \.qdpx file/);
  });
});
