/**
 * The one safe reader (src/core/files/readSafely.ts) over real files, links, a FIFO and /dev/zero: only regular
 * files inside the root are read, the cap is enforced while reading, and every refusal names the path.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeText, readFileSafely } from '../../src/core/files';
import { mkfifo, tempFolder } from './fileFixtures';

const LIMITS = { maxBytes: 1024 };

describe('files: the safe reader', () => {
  let root: string;
  let outside: string;
  beforeEach(() => {
    root = tempFolder();
    outside = tempFolder('sovcode-outside-');
    writeFileSync(join(outside, 'secret.yaml'), 'SECRET-CONTENT: do not print\n');
  });

  it('reads a regular file inside the root, and a link to one inside', () => {
    writeFileSync(join(root, 'a.yaml'), 'version: 1\n');
    symlinkSync('a.yaml', join(root, 'b.yaml'));
    for (const name of ['a.yaml', 'b.yaml']) {
      const r = readFileSafely(join(root, name), { root, ...LIMITS });
      assert.ok(r.ok, JSON.stringify(r));
      assert.equal(decodeText(r.bytes), 'version: 1\n');
    }
  });

  it('refuses a link leaving the root, naming the link and its target, without reading it', () => {
    const link = join(root, 'x.txt.annotations.yaml');
    symlinkSync(join(outside, 'secret.yaml'), link);
    const r = readFileSafely(link, { root, ...LIMITS });
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.refusal.reason, 'outside');
    assert.ok(
      r.refusal.message.startsWith(`${link}: is a symbolic link to ${join(outside, 'secret.yaml')}`),
      r.refusal.message,
    );
    assert.doesNotMatch(r.refusal.message, /SECRET-CONTENT/);
  });

  it('refuses a file reached through a linked folder that leaves the root', () => {
    symlinkSync(outside, join(root, 'texts'));
    const r = readFileSafely(join(root, 'texts', 'secret.yaml'), { root, ...LIMITS });
    assert.equal(r.ok ? 'read' : r.refusal.reason, 'outside');
  });

  it('refuses a FIFO at once instead of waiting for a writer', () => {
    const fifo = join(root, 'f.txt.annotations.yaml');
    mkfifo(fifo);
    const r = readFileSafely(fifo, { root, ...LIMITS });
    assert.equal(r.ok ? 'read' : r.refusal.message, `${fifo}: is a fifo, not a regular file: not read`);
  });

  it('refuses /dev/zero as a device, even when the root allows it, and never reads it unbounded', () => {
    const r = readFileSafely('/dev/zero', { root: '/', ...LIMITS });
    assert.equal(r.ok ? 'read' : r.refusal.reason, 'not-regular');
    const linked = join(root, 'z.txt.annotations.yaml');
    symlinkSync('/dev/zero', linked);
    const viaLink = readFileSafely(linked, { root, ...LIMITS });
    assert.equal(viaLink.ok ? 'read' : viaLink.refusal.reason, 'outside');
  });

  it('enforces the size cap while reading: one byte over is refused, the cap itself is read', () => {
    writeFileSync(join(root, 'at.yaml'), 'x'.repeat(LIMITS.maxBytes));
    writeFileSync(join(root, 'over.yaml'), 'x'.repeat(LIMITS.maxBytes + 1));
    assert.equal(readFileSafely(join(root, 'at.yaml'), { root, ...LIMITS }).ok, true);
    const over = readFileSafely(join(root, 'over.yaml'), { root, ...LIMITS });
    assert.equal(over.ok ? 'read' : over.refusal.reason, 'too-big');
  });

  it('reports a dangling link, a loop, a folder and a missing file by path, without throwing', () => {
    symlinkSync(join(root, 'gone.yaml'), join(root, 'dangling.yaml'));
    symlinkSync('loop-b.yaml', join(root, 'loop-a.yaml'));
    symlinkSync('loop-a.yaml', join(root, 'loop-b.yaml'));
    mkdirSync(join(root, 'folder.yaml'));
    const reasons = ['dangling.yaml', 'loop-a.yaml', 'folder.yaml', 'missing.yaml'].map((n) => {
      const r = readFileSafely(join(root, n), { root, ...LIMITS });
      return r.ok ? 'read' : `${r.refusal.reason} ${r.refusal.message.startsWith(join(root, n)) ? 'named' : 'unnamed'}`;
    });
    assert.deepEqual(reasons, ['dangling named', 'loop named', 'folder named', 'missing named']);
  });
});
