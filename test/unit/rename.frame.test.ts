/** Renaming and merging a frame: the sidecar step, the codebook text edit, and `sovcode rename-frame` over a folder. */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnnotation } from '../../src/core/annotations';
import { parseCodebook } from '../../src/core/codebook';
import { renameFrameInCodebook, renameFrameInSidecar } from '../../src/core/rename';
import { parseSidecar, serializeSidecar } from '../../src/core/sidecar';
import { textHash } from '../../src/core/text';
import { sovcodeAsync } from './sovcodeRunner';

const CODEBOOK = `# our codebook: comments stay
codebook: t
title: T
languages: [en]
frames:
  - id: land
    label: Land
    color: "#123456"
    definition: Territory.
    terms:
      - land
      - borders
  - id: shore # a child of land
    label: Shore
    parent: land
    color: "#345678"
    definition: The edge.
    terms: [shore]
  - id: sea
    label: Sea
    color: "#654321"
    definition: Water.
    terms:
      - sea
`;

const TEXT = 'Our land and our sea.\n';
function sidecar(frames: string[]): string {
  const annotations = frames.map((f, i) =>
    createAnnotation(TEXT, 4 + i, 8 + i, f, 'x', '2026-12-01', `a${String(i).padStart(10, '0')}`),
  );
  return serializeSidecar(
    { version: 1, source: 'a.txt', sourceHash: textHash(TEXT), codebook: 't', annotations },
    TEXT,
  );
}

describe('rename a frame', () => {
  it('retags only the annotations of the frame and keeps everything else', () => {
    const before = sidecar(['land', 'sea', 'land']);
    const r = renameFrameInSidecar(before, 'a.txt.annotations.yaml', TEXT, 'land', 'territory');
    assert.equal(r.retagged, 2);
    assert.ok(r.text);
    const old = parseSidecar(before, 'a.txt.annotations.yaml').sidecar?.annotations ?? [];
    const now = parseSidecar(r.text, 'a.txt.annotations.yaml').sidecar?.annotations ?? [];
    assert.deepEqual(
      now
        .map((a) => ({ ...a, frame: a.frame === 'territory' ? 'land' : a.frame }))
        .sort((a, b) => a.id.localeCompare(b.id)),
      [...old].sort((a, b) => a.id.localeCompare(b.id)),
    );
    assert.equal(renameFrameInSidecar(before, 'a.txt.annotations.yaml', TEXT, 'ghost', 'x').text, undefined);
    const broken = before.replace('version: 1', '<<<<<<< HEAD\nversion: 1');
    assert.ok(
      renameFrameInSidecar(broken, 'a.txt.annotations.yaml', TEXT, 'land', 'territory').problems.some(
        (p) => p.severity === 'error',
      ),
    );
  });

  it('renames the id and every parent reference in the codebook, nothing else', () => {
    const out = renameFrameInCodebook(CODEBOOK, 'codebook.yaml', 'land', 'territory', false);
    assert.equal(
      out,
      CODEBOOK.replace('  - id: land\n', '  - id: territory\n').replace('parent: land', 'parent: territory'),
    );
    assert.throws(
      () => renameFrameInCodebook(CODEBOOK, 'codebook.yaml', 'land', 'sea', false),
      /already exists: use --into sea/,
    );
    assert.throws(() => renameFrameInCodebook(CODEBOOK, 'codebook.yaml', 'ghost', 'x', false), /no frame 'ghost'/);
    assert.throws(
      () => renameFrameInCodebook(CODEBOOK, 'codebook.yaml', 'land', 'Not Valid', false),
      /not a valid frame id/,
    );
  });

  it('merges: removes the frame, moves its terms and re-parents its children', () => {
    const out = renameFrameInCodebook(CODEBOOK, 'codebook.yaml', 'land', 'sea', true);
    const book = parseCodebook(out, 'codebook.yaml').codebook;
    assert.ok(book);
    assert.deepEqual(
      book.frames.map((f) => f.id),
      ['shore', 'sea'],
    );
    assert.equal(book.frames[0]?.parent, 'sea');
    assert.deepEqual(
      book.frames[1]?.terms.map((t) => t.raw),
      ['sea', 'land', 'borders'],
    );
    assert.ok(out.startsWith('# our codebook: comments stay\n'));
    const last = renameFrameInCodebook(CODEBOOK, 'codebook.yaml', 'sea', 'land', true);
    assert.deepEqual(
      parseCodebook(last, 'codebook.yaml')
        .codebook?.frames.find((f) => f.id === 'land')
        ?.terms.map((t) => t.raw),
      ['land', 'borders', 'sea'],
    );
    assert.throws(() => renameFrameInCodebook(CODEBOOK, 'codebook.yaml', 'shore', 'land', true), /flow list/);
  });

  it('sovcode rename-frame rewrites every sidecar and the codebook, or nothing when one sidecar is broken', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sovcode-rename-'));
    writeFileSync(join(dir, 'codebook.yaml'), CODEBOOK);
    writeFileSync(join(dir, 'a.txt'), TEXT);
    writeFileSync(join(dir, 'a.txt.annotations.yaml'), sidecar(['land', 'sea']));
    writeFileSync(join(dir, 'b.txt'), TEXT);
    writeFileSync(join(dir, 'b.txt.annotations.yaml'), sidecar(['sea']).replace('source: a.txt', 'source: b.txt'));
    const renamed = await sovcodeAsync('rename-frame', 'land', 'territory', dir);
    assert.equal(renamed.code, 0, renamed.err);
    assert.match(renamed.out, /renamed frame 'land' to 'territory': 1 annotation\(s\) in 1 file\(s\)/);
    assert.match(readFileSync(join(dir, 'a.txt.annotations.yaml'), 'utf8'), /frame: territory/);
    assert.match(readFileSync(join(dir, 'codebook.yaml'), 'utf8'), /id: territory/);
    writeFileSync(join(dir, 'b.txt.annotations.yaml'), '<<<<<<< HEAD\n');
    const codebookBefore = readFileSync(join(dir, 'codebook.yaml'), 'utf8');
    const refused = await sovcodeAsync('rename-frame', 'sea', '--into', 'territory', dir);
    assert.equal(refused.code, 2);
    assert.match(refused.err, /nothing renamed: .*\n.*b\.txt\.annotations\.yaml:1/);
    assert.equal(readFileSync(join(dir, 'codebook.yaml'), 'utf8'), codebookBefore);
    assert.match(readFileSync(join(dir, 'a.txt.annotations.yaml'), 'utf8'), /frame: sea/);
  });
});
