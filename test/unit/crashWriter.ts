/**
 * The child process of the crash test (sidecar.crash.test.ts): writes a sidecar through the real atomic write
 * path, alternating between two versions as fast as it can, until the parent kills it with SIGKILL. It prints
 * `ready` once, before its first write, so the parent can kill it at random moments of the writing itself.
 * Usage: node crashWriter.js <target> <fileWithVersionA> <fileWithVersionB>
 */
import { readFileSync } from 'node:fs';
import { nodeFilePort, writeSidecarSafely } from '../../src/core/sidecar/write'; // only the write path: a fast start

async function main(): Promise<void> {
  const [target, a, b] = process.argv.slice(2);
  if (target === undefined || a === undefined || b === undefined)
    throw new Error('usage: crashWriter <target> <a> <b>');
  const versions = [readFileSync(a, 'utf8'), readFileSync(b, 'utf8')] as const;
  process.stdout.write('ready\n');
  for (let i = 0; ; i++) {
    const next = versions[(i + 1) % 2] ?? '';
    const result = await writeSidecarSafely(nodeFilePort, target, next, versions[i % 2]);
    if (!result.ok) throw new Error(`write ${i} failed: ${result.message}`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
