/**
 * The one folder walker (src/core/files/walk.ts) over real folders and links: each real folder once, linked
 * duplicates listed as skipped, links leaving the root not followed, dangling links and loops reported by path.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { sidecarNameOfTemp, walkFolder } from '../../src/core/files';
import { tempPathFor } from '../../src/core/sidecar';
import { tempFolder } from './fileFixtures';

const OPTIONS = {
  skipFolders: new Set(['node_modules', '.git']),
  wanted: (n: string) => n.endsWith('.annotations.yaml'),
};

describe('files: the folder walker', () => {
  let root: string;
  beforeEach(() => {
    root = tempFolder();
    mkdirSync(join(root, 'texts'));
    writeFileSync(join(root, 'texts', 'a.txt.annotations.yaml'), 'x');
    writeFileSync(join(root, 'top.txt.annotations.yaml'), 'x');
  });

  it('walks a folder linked inside the root once, under its real name, and lists the link', () => {
    symlinkSync(join(root, 'texts'), join(root, 'alias')); // 'alias' sorts before 'texts'
    const r = walkFolder(root, OPTIONS);
    assert.deepEqual(r.files, [join(root, 'texts', 'a.txt.annotations.yaml'), join(root, 'top.txt.annotations.yaml')]);
    assert.deepEqual(
      r.skipped.map((s) => [s.path, s.reason]),
      [[join(root, 'alias'), 'duplicate']],
    );
    assert.match(r.skipped[0]?.message ?? '', /already|walked/);
  });

  it('lists a linked sidecar once, and the link to it as skipped', () => {
    symlinkSync('top.txt.annotations.yaml', join(root, 'copy.txt.annotations.yaml'));
    const r = walkFolder(root, OPTIONS);
    assert.equal(r.files.filter((f) => f.endsWith('top.txt.annotations.yaml')).length, 1);
    assert.ok(!r.files.includes(join(root, 'copy.txt.annotations.yaml')));
    assert.deepEqual(
      r.skipped.map((s) => s.reason),
      ['duplicate'],
    );
  });

  it('does not follow links that leave the root, and says so', () => {
    const outside = tempFolder('sovcode-outside-');
    writeFileSync(join(outside, 'b.txt.annotations.yaml'), 'SECRET');
    symlinkSync(outside, join(root, 'elsewhere'));
    symlinkSync(join(outside, 'b.txt.annotations.yaml'), join(root, 'b.txt.annotations.yaml'));
    const r = walkFolder(root, OPTIONS);
    assert.ok(
      r.files.every((f) => !f.includes('b.txt')),
      r.files.join(),
    );
    assert.deepEqual(r.skipped.map((s) => [s.path, s.reason]).sort(), [
      [join(root, 'b.txt.annotations.yaml'), 'outside'],
      [join(root, 'elsewhere'), 'outside'],
    ]);
  });

  it('reports dangling links and loops by path and goes on', () => {
    symlinkSync(join(root, 'nowhere'), join(root, 'dangling'));
    symlinkSync('loop2', join(root, 'loop1'));
    symlinkSync('loop1', join(root, 'loop2'));
    symlinkSync('..', join(root, 'texts', 'up')); // a link back to an ancestor: walked already
    const r = walkFolder(root, OPTIONS);
    assert.equal(r.files.length, 2);
    assert.deepEqual(r.skipped.map((s) => [s.path.slice(root.length + 1), s.reason]).sort(), [
      ['dangling', 'dangling'],
      ['loop1', 'loop'],
      ['loop2', 'loop'],
      [join('texts', 'up'), 'duplicate'],
    ]);
  });

  it('skips node_modules', () => {
    mkdirSync(join(root, 'node_modules'));
    writeFileSync(join(root, 'node_modules', 'dep.txt.annotations.yaml'), 'x');
    const r = walkFolder(root, OPTIONS);
    assert.equal(r.files.length, 2);
  });
});

describe('files: stale temp names', () => {
  it('recognises exactly the temp names the atomic write uses', () => {
    const temp = tempPathFor('/w/texts/speech.txt.annotations.yaml');
    assert.equal(sidecarNameOfTemp(basename(temp)), 'speech.txt.annotations.yaml');
    for (const other of [
      '.speech.txt.annotations.yaml.tmp',
      'speech.txt.annotations.yaml.0123456789ab.tmp',
      '.notes.txt.0123456789ab.tmp',
    ]) {
      assert.equal(sidecarNameOfTemp(other), undefined, other);
    }
  });
});
