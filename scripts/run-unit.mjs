// Runs the plain-node mocha suites (core and CLI) compiled into out/, and prints one count line that
// scripts/test.sh sums over every suite. Usage: node scripts/run-unit.mjs [--grep PATTERN]
import Mocha from 'mocha';
import { readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

function testFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? testFiles(p) : p.endsWith('.test.js') ? [p] : [];
  });
}

const grepAt = process.argv.indexOf('--grep');
const mocha = new Mocha({
  ui: 'bdd',
  reporter: 'spec',
  timeout: 20000,
  ...(grepAt > 0 ? { grep: process.argv[grepAt + 1] } : {}),
});
for (const f of testFiles('out/test/unit').sort()) mocha.addFile(join(process.cwd(), f));
let passed = 0;
let failed = 0;
const runner = mocha.run(() => {
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/unit.json', JSON.stringify({ passed, failed }));
  console.log(`unit: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
});
runner.on('pass', () => {
  passed++;
});
runner.on('fail', () => {
  failed++;
});
