/**
 * REFI-QDA export checked by independent readers: Python's zipfile opens the .qdpx, xmllint validates
 * project.qde and the .qdc against the published QDA-XML schemas, and Python (whose strings count code points,
 * as QDA tools do) finds every selection's quote at its positions in the exported source text.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnnotation, type Annotation } from '../../src/core/annotations';
import { parseCodebook, type Codebook } from '../../src/core/codebook';
import { qdpxBytes } from '../../src/core/export/qdpx';
import { buildRefiQdaProject, codebookToQdc, codePointPositions, stableGuid } from '../../src/core/export/refiQda';
import type { CodedDocument } from '../../src/core/documents';
import { serializeSidecar } from '../../src/core/sidecar';
import { run } from '../../src/cli/main';

const SCHEMAS = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'refi-qda');
const SHIPPED = join(__dirname, '..', '..', '..', 'codebook', 'sovereignty.yaml');
const OPTIONS = { projectName: 'Test project', origin: 'Sovereignty Coder (tests)', now: '2026-12-01T10:00:00Z' };

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

function xmllint(schema: string, file: string): void {
  const r = spawnSync('xmllint', ['--noout', '--schema', join(SCHEMAS, schema), file], { encoding: 'utf8' });
  assert.equal(r.error, undefined, 'xmllint is needed (Debian package libxml2-utils)');
  assert.equal(r.status, 0, r.stderr);
}

const READ_QDPX = `
import json, sys, zipfile, xml.etree.ElementTree as ET
ns = {'q': 'urn:QDA-XML:project:1.0'}
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
names = sorted(z.namelist())
qde = z.read('project.qde')
open(sys.argv[2], 'wb').write(qde)
root = ET.fromstring(qde)
codes = {c.get('guid'): c.get('name') for c in root.iter('{urn:QDA-XML:project:1.0}Code')}
selections = []
for src in root.iter('{urn:QDA-XML:project:1.0}TextSource'):
    text = z.read('sources/' + src.get('plainTextPath')[len('internal://'):]).decode('utf-8')
    for sel in src.findall('q:PlainTextSelection', ns):
        s, e = int(sel.get('startPosition')), int(sel.get('endPosition'))
        selections.append({'source': src.get('name'), 'text': text[s:e], 'name': sel.get('name'),
          'code': codes[sel.find('q:Coding/q:CodeRef', ns).get('targetGUID')],
          'description': sel.find('q:Description', ns).text})
notes = [n.find('q:PlainTextContent', ns).text for n in root.iter('{urn:QDA-XML:project:1.0}Note')]
users = sorted(u.get('name') for u in root.iter('{urn:QDA-XML:project:1.0}User'))
print(json.dumps({'names': names, 'bom': qde[:3] == b'\\xef\\xbb\\xbf', 'selections': selections, 'notes': notes, 'users': users}))
`;

describe('export: REFI-QDA (.qdpx, .qdc)', () => {
  it('writes a .qdpx that Python unzips, xmllint validates, and whose positions are code points', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sovcode-qdpx-'));
    const project = buildRefiQdaProject(codebook(), documents(), OPTIONS);
    writeFileSync(join(dir, 'p.qdpx'), qdpxBytes(project));
    const read = JSON.parse(python(READ_QDPX, join(dir, 'p.qdpx'), join(dir, 'project.qde'))) as {
      names: string[];
      bom: boolean;
      users: string[];
      notes: string[];
      selections: { source: string; text: string; name: string; code: string; description: string }[];
    };
    xmllint('Project.xsd', join(dir, 'project.qde'));
    assert.deepEqual(read.names, ['project.qde', `sources/${stableGuid('source:texts/one.txt')}.txt`]);
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
    assert.equal(read.notes.length, 2, 'the orphan and the segment without a text are kept as notes');
    assert.match(
      read.notes.join('\n'),
      /a0000000004 could not be placed in texts\/one\.txt: its quote is no longer in the text/,
    );
    assert.match(
      read.notes.join('\n'),
      /a0000000005 could not be placed in texts\/gone\.txt: the text file was not found/,
    );
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
    assert.match(xml, /<Code guid="[^"]+" name="Territory" isCodable="true" color="#2e7d32">/);
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
    const read = JSON.parse(python(READ_QDPX, join(dir, 'out.qdpx'), join(dir, 'project.qde'))) as {
      selections: { text: string; name: string }[];
    };
    xmllint('Project.xsd', join(dir, 'project.qde'));
    assert.equal(read.selections.length, 3);
    for (const sel of read.selections) assert.equal(sel.text, sel.name);

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
