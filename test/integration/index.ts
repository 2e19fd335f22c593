/**
 * Mocha entry that VS Code's extension host loads as `extensionTestsPath` (the offline harness in
 * scripts/real-vscode/run-ext-tests.mjs and @vscode/test-electron alike). It runs every
 * out/test/integration/**\/*.test.js with the BDD interface and writes the counts to a JSON file, because the
 * driver outside the browser only learns mocha's exit code and the log lines, not the numbers.
 */
import Mocha from 'mocha';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** What scripts/test.sh reads to print `integration: N passed, N failed`. */
export interface SuiteResults {
  passed: number;
  failed: number;
  pending: number;
  /** Titles of the failed tests, to name them in the summary. */
  failures: string[];
}

/** Where the results go: $SOVCODER_TEST_RESULTS when the harness sets it, else test-results/integration.json. */
export function resultsFile(): string {
  const fromEnv = process.env['SOVCODER_TEST_RESULTS'];
  return fromEnv !== undefined && fromEnv !== ''
    ? fromEnv
    : path.resolve(__dirname, '../../../test-results/integration.json');
}

/** Every compiled test file under `dir`, sorted so the order does not depend on the file system. */
export function findTestFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTestFiles(full));
    else if (entry.name.endsWith('.test.js')) found.push(full);
  }
  return found.sort();
}

function writeResults(results: SuiteResults): void {
  const file = resultsFile();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
}

/**
 * Runs every test file under `dir` and writes the counts; `label` names the suite in the log line that
 * scripts/test.sh reads (`<label>: N passed, N failed`). Also used by the Restricted Mode suite (test/restricted).
 */
export function runSuite(dir: string, label: string): Promise<void> {
  const grep = process.env['SOVCODER_TEST_GREP'];
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30000, ...(grep ? { grep } : {}) });
  const files = findTestFiles(dir);
  for (const file of files) mocha.addFile(file);
  const results: SuiteResults = { passed: 0, failed: 0, pending: 0, failures: [] };
  if (files.length === 0) {
    // An empty run is not a green run: count it as a failure so the summary cannot read "0 failed".
    results.failed = 1;
    results.failures.push(`no *.test.js files under ${dir}`);
    writeResults(results);
    return Promise.reject(new Error(results.failures[0]));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run(() => {
      writeResults(results);
      console.log(`${label}: ${results.passed} passed, ${results.failed} failed`);
      if (results.failed > 0) reject(new Error(`${results.failed} ${label} test(s) failed`));
      else resolve();
    });
    runner.on('pass', () => {
      results.passed++;
    });
    runner.on('pending', () => {
      results.pending++;
    });
    runner.on('fail', (test) => {
      results.failed++;
      results.failures.push(test.fullTitle());
    });
  });
}

/** Called by the extension host; resolves when every test passed, rejects otherwise (the exit code follows). */
export function run(): Promise<void> {
  return runSuite(__dirname, 'integration');
}
