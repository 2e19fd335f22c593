/**
 * REFI-QDA round trip: a workspace with everything an export has to carry (nested frames, a short colour,
 * cue terms, emoji and a CJK Extension B character before spans, CRLF texts in sub-folders, needs-review and
 * conflict marks, an orphan, a text that is missing, a frame the codebook lacks, duplicates, a coder called NA)
 * is exported, imported into an empty folder and exported again: the two .qdpx files are byte-identical, the
 * imported annotations are the original decisions, and the independent Python reader and xmllint accept both.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnnotation, type Annotation } from '../../src/core/annotations';
import { parseSidecar, serializeSidecar } from '../../src/core/sidecar';
import { canonicalText } from '../../src/core/text';
import { loadCodebookFile } from '../../src/cli/codebookFile';
import { readQdpx } from './qdpxReader';
import { sovcode } from './sovcodeRunner';

const CODEBOOK = `codebook: trip
title: Round-trip codebook
version: "3.1"
frames:
  - id: claims
    label: Claims
    color: "#abc"
    definition: A group of claims.
  - id: territory
    label: Territory & borders
    color: "#2e7d32"
    parent: claims
    definition: |-
      Digital space as territory.

      A second paragraph.
    include: Borders online.
    exclude: Metaphors only.
    terms: [information space, 网络主权, цифров* суверенитет*]
  - id: threats
    label: Threats
    color: "#c62828"
    definition: Threats to sovereignty.
    terms: [colonis*]
`;

// an emoji (two UTF-16 units), a CJK Extension B character (two units) and a combining mark before the spans
const ONE =
  'Intro 👩🏽‍💻 𠀀 e\u0301: the information space.\r\n他们维护网络主权。\r\nЦифровой суверенитет! Digital colonisation.\r\n';
const TWO = 'A second text about the information space and colonisation.\n';

function annotation(
  text: string,
  quote: string,
  frame: string,
  id: string,
  extra: Partial<Annotation> = {},
): Annotation {
  const canonical = canonicalText(text);
  const start = canonical.indexOf(quote);
  assert.ok(start >= 0, quote);
  return { ...createAnnotation(canonical, start, start + quote.length, frame, 'alice', '2026-11-20', id), ...extra };
}

function writeSidecar(path: string, text: string | undefined, annotations: Annotation[]): void {
  const sidecar = {
    version: 1 as const,
    source: 'x',
    sourceHash: 'sha256:' + '0'.repeat(64),
    codebook: 'trip',
    annotations,
  };
  writeFileSync(path, serializeSidecar(sidecar, text === undefined ? undefined : canonicalText(text)));
}

function workspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'sovcode-trip-'));
  const ws = join(root, 'ws');
  mkdirSync(join(ws, 'texts', 'sub'), { recursive: true });
  writeFileSync(join(ws, 'codebook.yaml'), CODEBOOK);
  writeFileSync(join(ws, 'texts', 'one.txt'), ONE);
  writeFileSync(join(ws, 'texts', 'sub', 'two.txt'), TWO);
  writeFileSync(join(ws, 'texts', 'sub', 'one.txt'), TWO); // the same file name in another folder
  utimesSync(join(ws, 'texts', 'one.txt'), new Date('2026-10-01T08:30:00Z'), new Date('2026-10-01T08:30:00Z'));
  const orphan = {
    ...annotation(ONE, 'information space', 'territory', 'a0000000006'),
    quote: 'a sentence since deleted',
    start: 3,
    end: 27,
  };
  writeSidecar(join(ws, 'texts', 'one.txt.annotations.yaml'), ONE, [
    annotation(ONE, 'information space', 'territory', 'a0000000001', {
      memo: 'Memo with <tags> & "quotes"\nsecond line, \'-ism and =SUM()',
    }),
    annotation(ONE, '网络主权', 'territory', 'a0000000002', { coder: 'NA', status: 'needs-review' }),
    annotation(ONE, 'Цифровой суверенитет', 'territory', 'a0000000003', {
      status: 'conflict',
      conflictWith: 'a0000000004',
    }),
    annotation(ONE, 'Цифровой суверенитет', 'threats', 'a0000000004', {
      status: 'conflict',
      conflictWith: 'a0000000003',
    }),
    annotation(ONE, 'colonisation', 'old-frame', 'a0000000005', { memo: 'n/a' }),
    orphan,
    annotation(ONE, 'information space', 'territory', 'a0000000007', { memo: 'a duplicate of a0000000001' }),
  ]);
  writeSidecar(join(ws, 'texts', 'sub', 'two.txt.annotations.yaml'), TWO, [
    annotation(TWO, 'colonisation', 'threats', 'a0000000008', { coder: 'li' }),
  ]);
  writeSidecar(join(ws, 'texts', 'sub', 'one.txt.annotations.yaml'), TWO, [
    annotation(TWO, 'information space', 'claims', 'a0000000009', { coder: 'li' }),
  ]);
  writeSidecar(join(ws, 'texts', 'gone.txt.annotations.yaml'), undefined, [
    annotation(TWO, 'information space', 'claims', 'a0000000010'),
  ]);
  return root;
}

function annotationsOf(sidecar: string): Annotation[] {
  const parsed = parseSidecar(readFileSync(sidecar, 'utf8'), sidecar);
  assert.ok(parsed.sidecar, JSON.stringify(parsed.problems));
  return parsed.sidecar.annotations;
}

describe('REFI-QDA round trip: export → import → export', () => {
  it('gives the same bytes, the same decisions, and files the independent readers accept', () => {
    const root = workspace();
    const first = sovcode('export', '-o', join(root, 'a.qdpx'), join(root, 'ws'));
    assert.equal(first.code, 0, first.err);
    assert.match(first.err, /1 duplicate annotation\(s\).*QualCoder keeps one/);
    const imported = sovcode('import', join(root, 'a.qdpx'), '--into', join(root, 'imported'));
    assert.equal(imported.code, 0, imported.err);
    assert.match(imported.err, /imported codebook 'trip' \(3 frames\), 3 text\(s\) and 8 coding\(s\)/);
    assert.doesNotMatch(imported.err, /not placed/, 'nothing of our own project is left over');
    const second = sovcode('export', '-o', join(root, 'b.qdpx'), join(root, 'imported'));
    assert.equal(second.code, 0, second.err);
    assert.deepEqual(readFileSync(join(root, 'b.qdpx')), readFileSync(join(root, 'a.qdpx')), 'byte-identical');

    for (const file of ['one.txt', 'sub/two.txt', 'sub/one.txt', 'gone.txt']) {
      const before = annotationsOf(join(root, 'ws', 'texts', `${file}.annotations.yaml`));
      const after = annotationsOf(join(root, 'imported', 'texts', `${file}.annotations.yaml`));
      const decision = (a: Annotation) => [
        a.id,
        a.frame,
        a.quote,
        a.start,
        a.end,
        a.coder,
        a.created,
        a.memo,
        a.status,
        a.conflictWith,
      ];
      assert.deepEqual(after.map(decision), before.map(decision), file);
    }
    assert.equal(
      statSync(join(root, 'imported', 'texts', 'one.txt')).mtime.toISOString(),
      '2026-10-01T08:30:00.000Z',
      "the text's date comes back as its file's date",
    );
    const book = loadCodebookFile(join(root, 'imported', 'codebook.yaml'));
    assert.deepEqual(book.problems, []);
    assert.deepEqual(
      book.codebook?.frames.map((f) => [
        f.id,
        f.label,
        f.color,
        f.parent,
        f.terms.map((t) => t.raw),
        f.include,
        f.exclude,
      ]),
      [
        ['claims', 'Claims', '#AABBCC', undefined, [], undefined, undefined],
        [
          'territory',
          'Territory & borders',
          '#2E7D32',
          'claims',
          ['information space', '网络主权', 'цифров* суверенитет*'],
          'Borders online.',
          'Metaphors only.',
        ],
        ['threats', 'Threats', '#C62828', undefined, ['colonis*'], undefined, undefined],
      ],
    );
    assert.equal(book.codebook?.frames[1]?.definition, 'Digital space as territory.\n\nA second paragraph.');

    const read = readQdpx(join(root, 'a.qdpx'));
    assert.equal(read.selections.length, 8);
    for (const s of read.selections) assert.equal(s.text, s.name, `'${s.name}' is at its code-point positions`);
    assert.deepEqual(
      read.sources.map((s) => [s.name, s.description, s.date, s.user]),
      [
        ['texts__one.txt', 'Sovereignty Coder path: texts/one.txt', '2026-10-01T08:30:00Z', 'NA'],
        ['texts__sub__one.txt', 'Sovereignty Coder path: texts/sub/one.txt', read.sources[1]?.date, 'li'],
        ['two.txt', 'Sovereignty Coder path: texts/sub/two.txt', read.sources[2]?.date, 'li'],
      ],
    );
    assert.deepEqual(read.colors, ['#2E7D32', '#AABBCC', '#C62828']);
    assert.equal(read.notes_on_sources.length, 1, 'the orphan is a note on its text');
    assert.equal(read.notes_in_files.length, 1, 'the annotation of the missing text is a note with a text file');
  });

  it('refuses to import over existing files and writes nothing then', () => {
    const root = workspace();
    assert.equal(sovcode('export', '-o', join(root, 'a.qdpx'), join(root, 'ws')).code, 0);
    const again = sovcode('import', join(root, 'a.qdpx'), '--into', join(root, 'ws'));
    assert.equal(again.code, 2);
    assert.match(again.err, /nothing imported: these files exist/);
    assert.match(again.err, /codebook\.yaml/);
    assert.match(sovcode('import', join(root, 'a.qdpx')).err, /--into FOLDER/);
  });
});

describe('sovcode validate: duplicate coding decisions', () => {
  it('warns of an annotation with the same frame, span and coder as another, at its line', () => {
    const root = workspace();
    const { code, out } = sovcode('validate', join(root, 'ws', 'texts', 'one.txt.annotations.yaml'));
    assert.equal(code, 0, 'a duplicate is a warning, not an error');
    assert.match(
      out,
      /one\.txt\.annotations\.yaml:\d+:1: warning: annotation a0000000007 duplicates a0000000001 \(frame 'territory', same span, coder 'alice'\): QualCoder keeps only one/,
    );
  });
});
