import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeFilePort, tempPathFor, writeSidecarSafely } from '../../src/core/sidecar';
import type { FilePort } from '../../src/core/sidecar';

const OLD = 'version: 1\nannotations: []\n';
const NEW = 'version: 1\nannotations:\n  - id: a0000000001\n';
const FAST = { retries: 3, retryDelayMs: 1 };

function codeError(code: string): Error {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** The node port with some operations replaced, counting rename attempts. */
function portWith(overrides: Partial<FilePort>): FilePort & { renames: number } {
  const port = { ...nodeFilePort, ...overrides, renames: 0 };
  const rename = overrides.rename ?? ((from: string, to: string) => nodeFilePort.rename(from, to));
  port.rename = async (from: string, to: string) => {
    port.renames++;
    return rename(from, to);
  };
  return port;
}

describe('sidecar safe write', () => {
  let dir: string;
  let target: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sidecar-write-'));
    target = join(dir, 'speech.txt.annotations.yaml');
  });
  afterEach(() => {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  });

  const leftovers = (): string[] => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

  it('names the temp file .<name>.<random>.tmp in the same folder', () => {
    assert.match(
      tempPathFor('/w/a/speech.txt.annotations.yaml'),
      /^\/w\/a\/\.speech\.txt\.annotations\.yaml\.[0-9a-f]{12}\.tmp$/,
    );
    assert.match(tempPathFor('C:\\w\\s.yaml'), /^C:\\w\\\.s\.yaml\.[0-9a-f]{12}\.tmp$/);
    assert.notEqual(tempPathFor('/a/b'), tempPathFor('/a/b'));
  });

  it('creates and replaces the file, leaving no temp file', async () => {
    assert.deepEqual(await writeSidecarSafely(nodeFilePort, target, OLD, null), { ok: true });
    assert.equal(readFileSync(target, 'utf8'), OLD);
    assert.deepEqual(await writeSidecarSafely(nodeFilePort, target, NEW, OLD), { ok: true });
    assert.equal(readFileSync(target, 'utf8'), NEW);
    assert.deepEqual(await writeSidecarSafely(nodeFilePort, target, OLD), { ok: true });
    assert.deepEqual(leftovers(), []);
  });

  it('refuses when the file changed, appeared or vanished on disk since it was read', async () => {
    writeFileSync(target, 'changed by git checkout\n');
    const changed = await writeSidecarSafely(nodeFilePort, target, NEW, OLD);
    assert.deepEqual([changed.ok, !changed.ok && changed.reason], [false, 'changed-on-disk']);
    const appeared = await writeSidecarSafely(nodeFilePort, target, NEW, null);
    assert.deepEqual([appeared.ok, !appeared.ok && appeared.reason], [false, 'changed-on-disk']);
    assert.equal(readFileSync(target, 'utf8'), 'changed by git checkout\n');
    rmSync(target);
    const vanished = await writeSidecarSafely(nodeFilePort, target, NEW, OLD);
    assert.ok(!vanished.ok && vanished.reason === 'changed-on-disk' && /deleted/.test(vanished.message));
    assert.equal(existsSync(target), false, 'a deleted sidecar is not silently recreated');
    assert.deepEqual(leftovers(), []);
  });

  it('refuses a symlinked sidecar and leaves the link and its target untouched', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'sidecar-outside-'));
    try {
      const victim = join(outside, 'precious.txt');
      writeFileSync(victim, 'do not overwrite\n');
      symlinkSync(victim, target);
      const r = await writeSidecarSafely(nodeFilePort, target, NEW);
      assert.ok(!r.ok && r.reason === 'symlink', JSON.stringify(r));
      assert.equal(readFileSync(victim, 'utf8'), 'do not overwrite\n');
      assert.ok(lstatSync(target).isSymbolicLink());
      assert.deepEqual(leftovers(), []);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('refuses when the temp path is a symlink, and the node port never follows one', async () => {
    writeFileSync(target, OLD);
    const port = portWith({ isSymlink: async (p) => p.endsWith('.tmp') || nodeFilePort.isSymlink(p) });
    const r = await writeSidecarSafely(port, target, NEW);
    assert.ok(!r.ok && r.reason === 'symlink');
    assert.equal(readFileSync(target, 'utf8'), OLD);
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'keep\n');
    symlinkSync(victim, join(dir, '.planted.tmp'));
    await assert.rejects(nodeFilePort.writeText(join(dir, '.planted.tmp'), 'evil'), /EEXIST/);
    assert.equal(readFileSync(victim, 'utf8'), 'keep\n');
  });

  it('leaves the old file intact and removes the temp file when the rename fails', async () => {
    writeFileSync(target, OLD);
    const port = portWith({ rename: () => Promise.reject(codeError('EIO')) });
    const r = await writeSidecarSafely(port, target, NEW, OLD, FAST);
    assert.ok(!r.ok && r.reason === 'io' && /EIO/.test(r.message) && /unchanged/.test(r.message), JSON.stringify(r));
    assert.equal(port.renames, 1, 'EIO is not retried');
    assert.equal(readFileSync(target, 'utf8'), OLD);
    assert.deepEqual(leftovers(), []);
  });

  it('retries a busy rename (EBUSY, EPERM) and then succeeds', async () => {
    writeFileSync(target, OLD);
    let failures = 2;
    const port = portWith({
      rename: (from, to) =>
        failures-- > 0 ? Promise.reject(codeError(failures === 1 ? 'EBUSY' : 'EPERM')) : nodeFilePort.rename(from, to),
    });
    assert.deepEqual(await writeSidecarSafely(port, target, NEW, OLD, FAST), { ok: true });
    assert.equal(port.renames, 3);
    assert.equal(readFileSync(target, 'utf8'), NEW);
    assert.deepEqual(leftovers(), []);
  });

  it('also retries the lock errors as vscode.workspace.fs reports them', async () => {
    writeFileSync(target, OLD);
    const errors = [
      codeError('NoPermissions'),
      Object.assign(new Error('EBUSY: resource busy or locked, rename'), { code: 'Unknown' }),
    ];
    const port = portWith({
      rename: (from, to) => {
        const e = errors.shift();
        return e ? Promise.reject(e) : nodeFilePort.rename(from, to);
      },
    });
    assert.deepEqual(await writeSidecarSafely(port, target, NEW, OLD, FAST), { ok: true });
    assert.equal(port.renames, 3);
  });

  it('gives up after bounded retries with a clear error, the old file intact', async () => {
    writeFileSync(target, OLD);
    const port = portWith({ rename: () => Promise.reject(codeError('EBUSY')) });
    const r = await writeSidecarSafely(port, target, NEW, OLD, FAST);
    assert.ok(!r.ok && r.reason === 'io' && /EBUSY/.test(r.message));
    assert.equal(port.renames, 1 + FAST.retries);
    assert.equal(readFileSync(target, 'utf8'), OLD);
    assert.deepEqual(leftovers(), []);
  });

  it('says so when the temp file cannot be removed after a crash-like failure, old file intact', async () => {
    writeFileSync(target, OLD);
    const port = portWith({
      rename: () => Promise.reject(codeError('EIO')),
      remove: () => Promise.reject(codeError('EIO')),
    });
    const r = await writeSidecarSafely(port, target, NEW, OLD, FAST);
    assert.ok(!r.ok && /could not be removed/.test(r.message));
    assert.equal(readFileSync(target, 'utf8'), OLD);
    assert.equal(leftovers().length, 1, 'the stray temp file is ignored by readers: it is not a sidecar name');
    assert.deepEqual(await writeSidecarSafely(nodeFilePort, target, NEW, OLD), { ok: true });
    assert.equal(readFileSync(target, 'utf8'), NEW);
  });

  it('leaves the old file intact when the write itself fails (port reports EACCES)', async () => {
    writeFileSync(target, OLD);
    const port = portWith({ writeText: () => Promise.reject(codeError('EACCES')) });
    const r = await writeSidecarSafely(port, target, NEW, OLD, FAST);
    assert.ok(!r.ok && r.reason === 'io' && /EACCES/.test(r.message));
    assert.equal(readFileSync(target, 'utf8'), OLD);
    assert.equal(port.renames, 0);
  });

  it('leaves the old file intact in a read-only folder (chmod, or chattr +i when running as root)', async function () {
    writeFileSync(target, OLD);
    chmodSync(dir, 0o555);
    let immutable = false;
    if (canWrite(dir)) {
      // root ignores permission bits; the immutable attribute stops root too, where the file system has it.
      try {
        execFileSync('chattr', ['+i', dir], { stdio: 'pipe' });
        immutable = true;
      } catch (e) {
        this.skip();
        throw e;
      }
    }
    try {
      const r = await writeSidecarSafely(nodeFilePort, target, NEW, OLD, FAST);
      assert.ok(!r.ok && r.reason === 'io', JSON.stringify(r));
      assert.equal(readFileSync(target, 'utf8'), OLD);
      assert.deepEqual(leftovers(), []);
    } finally {
      if (immutable) execFileSync('chattr', ['-i', dir]);
    }
  });
});

function canWrite(dir: string): boolean {
  const probe = join(dir, '.probe');
  try {
    writeFileSync(probe, '');
    rmSync(probe);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EACCES' || (e as NodeJS.ErrnoException).code === 'EPERM') return false;
    throw e;
  }
}
