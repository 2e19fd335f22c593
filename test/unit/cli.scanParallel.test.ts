/**
 * `sovcode scan` in worker threads (src/cli/scan/parallelScan.ts) against the same scan in one thread: the
 * same bytes in both formats, whatever the number of threads and files; a refused file reported as one thread
 * reports it; --jobs checked. The workers here are the real ones, compiled beside the test build.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanThreads } from '../../src/cli/scanCommand';
import { sovcode, sovcodeAsync } from './sovcodeRunner';

const PIECES = [
  'Officials defended cyber sovereignty and data localisation.',
  'Они говорили о цифровом суверенитете и суверенного интернета.',
  '我们坚持网络主权和数据安全。',
  'The Global South resists digital colonialism, "AI sovereignty" and the Great Firewall.',
  '',
  'A line with a comma, a "quote" and =formula-looking text: sovereign AI.',
];

/** `count` files of different lengths (one empty), each a few paragraphs of the pieces above. */
function corpus(count: number): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'sovcode-pscan-'));
  return Array.from({ length: count }, (_, i) => {
    const file = join(dir, `text ${i}.txt`);
    const lines = Array.from({ length: i === 3 ? 0 : 5 + i * 7 }, (_, k) => PIECES[(i + k) % PIECES.length]);
    writeFileSync(file, lines.join(i % 2 === 0 ? '\n' : '\r\n'));
    return file;
  });
}

describe('sovcode scan in worker threads', function () {
  // each case starts real worker threads, which compile the shipped codebook
  this.timeout(60_000);

  it('prints byte for byte what one thread prints, in JSON Lines and CSV, with more files than threads', async () => {
    const files = corpus(7);
    for (const format of ['jsonl', 'csv']) {
      const one = sovcode('scan', '--format', format, ...files);
      assert.equal(one.code, 0, one.err);
      assert.ok(one.out.split('\n').length > 50, 'the corpus has matches');
      for (const jobs of ['2', '3', '7']) {
        const threaded = await sovcodeAsync('scan', '--format', format, '--jobs', jobs, ...files);
        assert.equal(threaded.code, 0, threaded.err);
        assert.equal(threaded.err, '');
        assert.equal(threaded.out, one.out, `--format ${format} --jobs ${jobs}`);
      }
    }
  });

  it('reports the first refused file in command-line order, as one thread does, and prints nothing', async () => {
    const files = corpus(4);
    const dir = join(files[0], '..');
    const folder = join(dir, 'a folder.txt');
    mkdirSync(folder);
    const missing = join(dir, 'missing.txt');
    // the refused files come late and early, so that a thread may meet the later one first
    const args = [files[0], files[1], folder, files[2], missing, files[3]];
    const one = sovcode('scan', ...args);
    assert.equal(one.code, 2);
    assert.ok(one.err.includes('a folder.txt'), one.err);
    for (const jobs of ['2', '4']) {
      const threaded = await sovcodeAsync('scan', '--jobs', jobs, ...args);
      assert.equal(threaded.code, 2);
      assert.equal(threaded.out, '');
      assert.equal(threaded.err, one.err);
    }
    const onlyMissing = await sovcodeAsync('scan', '--jobs', '2', files[0], missing);
    assert.equal(onlyMissing.code, 2);
    assert.match(onlyMissing.err, /missing\.txt: no such file/);
  });

  it('reports a broken codebook as one thread does, and stops the threads that had started', async () => {
    const files = corpus(2);
    const codebook = join(files[0], '..', 'codebook.yaml');
    writeFileSync(codebook, 'frames:\n  - id: a\n    label: [unclosed\n');
    const one = sovcode('scan', '--codebook', codebook, ...files);
    assert.equal(one.code, 2);
    const threaded = await sovcodeAsync('scan', '--codebook', codebook, '--jobs', '2', ...files);
    assert.equal(threaded.code, 2);
    assert.equal(threaded.out, '');
    assert.equal(threaded.err, one.err);
    assert.match(threaded.err, /codebook\.yaml/);
  });

  it('refuses a --jobs that is not a whole number from 1 to 64, in either runner', async () => {
    const [file] = corpus(1);
    for (const bad of ['0', '65', 'two', '1.5', '-1', '']) {
      const threaded = await sovcodeAsync('scan', `--jobs=${bad}`, file);
      assert.equal(threaded.code, 2, bad);
      assert.match(threaded.err, /--jobs must be a whole number from 1 to 64/);
      assert.equal(sovcode('scan', `--jobs=${bad}`, file).code, 2, bad);
    }
    assert.equal((await sovcodeAsync('scan', '--jobs', '1', file)).code, 0);
  });

  it('uses one thread for one file or small files, unless --jobs asks for more (never more than the files)', () => {
    const files = corpus(3);
    assert.equal(scanThreads(files.slice(0, 1), undefined), 1);
    assert.equal(scanThreads(files, undefined), 1, 'a few kilobytes in all');
    assert.equal(scanThreads(files, 2), 2);
    assert.equal(scanThreads(files, 16), 3);
  });
});
