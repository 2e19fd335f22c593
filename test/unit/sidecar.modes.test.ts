/**
 * The atomic write keeps what the replaced file had: its mode (600 stays 600) and, where the process may, its
 * owner; a new sidecar gets its source text's mode, or the umask's default. Real files, real modes.
 */
import * as assert from 'node:assert/strict';
import { chmodSync, chownSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeFilePort, writeSidecarSafely } from '../../src/core/sidecar';
import { tempFolder } from './fileFixtures';

const modeOf = (p: string): number => statSync(p).mode & 0o7777;
const OLD = 'version: 1\nannotations: []\n';
const NEW = 'version: 1\nannotations: [] # saved\n';

describe('sidecar write: modes and owner', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempFolder();
  });

  for (const mode of [0o600, 0o640, 0o664]) {
    it(`keeps mode ${mode.toString(8)} of the sidecar it replaces`, async () => {
      const target = join(dir, 'interview.txt.annotations.yaml');
      writeFileSync(target, OLD);
      chmodSync(target, mode);
      const r = await writeSidecarSafely(nodeFilePort, target, NEW, OLD);
      assert.deepEqual(r, { ok: true });
      assert.equal(modeOf(target).toString(8), mode.toString(8));
    });
  }

  it('gives a new sidecar the mode of its source text (never executable)', async () => {
    const source = join(dir, 'interview.txt');
    writeFileSync(source, 'text');
    chmodSync(source, 0o750);
    const r = await writeSidecarSafely(nodeFilePort, `${source}.annotations.yaml`, NEW, null);
    assert.deepEqual(r, { ok: true });
    assert.equal(modeOf(`${source}.annotations.yaml`).toString(8), '640');
  });

  it('gives a new sidecar without a source what the umask gives a new file', async () => {
    const plain = join(dir, 'plain-new-file');
    writeFileSync(plain, '');
    const r = await writeSidecarSafely(nodeFilePort, join(dir, 'orphan.txt.annotations.yaml'), NEW, null);
    assert.deepEqual(r, { ok: true });
    assert.equal(modeOf(join(dir, 'orphan.txt.annotations.yaml')), modeOf(plain));
  });

  it('keeps the owner and group of the replaced file where the process may (as root here; skipped otherwise)', async function () {
    if (process.getuid?.() !== 0) return this.skip();
    const target = join(dir, 'owned.txt.annotations.yaml');
    writeFileSync(target, OLD);
    chownSync(target, 1234, 5678);
    const r = await writeSidecarSafely(nodeFilePort, target, NEW, OLD);
    assert.deepEqual(r, { ok: true });
    const after = statSync(target);
    assert.deepEqual([after.uid, after.gid], [1234, 5678]);
  });
});
