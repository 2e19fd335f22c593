/**
 * Crash test of sidecar writes (issue 12): a child process writes a sidecar through the real atomic path
 * (src/core/sidecar/write.ts) over and over and is killed with SIGKILL at a random moment, hundreds of times.
 * After every kill the sidecar is exactly one of the two versions, never a mix or a truncation; a killed write
 * may leave its temp file, which must be recognisable by the temp name pattern (`.<name>.<12 hex>.tmp`), so that
 * it can be reported and cleaned up. The leftovers are counted and the count printed.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_SIDECAR } from './hostileInput';

const TRIALS = 200;
const PARALLEL = 8;
const NAME = 'sample.txt.annotations.yaml';
const TEMP_NAME = /^\.sample\.txt\.annotations\.yaml\.[0-9a-f]{12}\.tmp$/;
const VERSION_A = SAMPLE_SIDECAR;
// a longer second version, so that a torn write would show as a length between the two
const VERSION_B = SAMPLE_SIDECAR.replace('memo: "said twice"', `memo: "${'said again, at length. '.repeat(400)}"`);
const WRITER = join(__dirname, 'crashWriter.js');

/** Deterministic delays, so a failure can be replayed with the same trial number. */
function delayFor(trial: number): number {
  const x = Math.sin(trial * 12.9898) * 43758.5453;
  return Math.floor((x - Math.floor(x)) * 40);
}

/** One trial in its own folder: start the writer, kill it `delay` ms after it is ready, report what is left. */
function trial(n: number): Promise<{ content: string; leftovers: string[]; others: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'sovcode-crash-'));
  const target = join(dir, NAME);
  writeFileSync(target, VERSION_A);
  writeFileSync(join(dir, 'a.src'), VERSION_A);
  writeFileSync(join(dir, 'b.src'), VERSION_B);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, target, join(dir, 'a.src'), join(dir, 'b.src')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), delayFor(n)));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') {
        reject(new Error(`trial ${n}: the writer ended by itself (code ${String(code)}): ${stderr}`));
        return;
      }
      const names = readdirSync(dir).filter((f) => f !== 'a.src' && f !== 'b.src' && f !== NAME);
      const content = readFileSync(target, 'utf8');
      rmSync(dir, { recursive: true, force: true });
      resolve({
        content,
        leftovers: names.filter((f) => TEMP_NAME.test(f)),
        others: names.filter((f) => !TEMP_NAME.test(f)),
      });
    });
  });
}

describe('sidecar writes killed with SIGKILL', function () {
  this.timeout(120000);

  it(`leave the old or the new version, never a mix, over ${TRIALS} kills; stray temp files only under the temp name`, async () => {
    let leftovers = 0;
    const seen = { a: 0, b: 0 };
    for (let start = 0; start < TRIALS; start += PARALLEL) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(PARALLEL, TRIALS - start) }, (_, k) => trial(start + k)),
      );
      batch.forEach((r, k) => {
        const n = start + k;
        assert.ok(
          r.content === VERSION_A || r.content === VERSION_B,
          `trial ${n}: the sidecar is neither version (${r.content.length} characters)`,
        );
        if (r.content === VERSION_A) seen.a++;
        else seen.b++;
        assert.deepEqual(r.others, [], `trial ${n}: files other than the sidecar and its temp files`);
        assert.ok(r.leftovers.length <= 1, `trial ${n}: one write at a time leaves at most one temp file`);
        leftovers += r.leftovers.length;
      });
    }
    console.log(
      `      ${TRIALS} kills: ${seen.a} left version A, ${seen.b} version B; ${leftovers} stray temp file(s), all named .<name>.<hex>.tmp`,
    );
    assert.ok(seen.a > 0 && seen.b > 0, 'the kills fell both before and after renames');
  });
});
