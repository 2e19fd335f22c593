// Bundles the extension and the CLI with esbuild (type checking is tsc's job: `npm run typecheck`),
// and compiles tests/benchmarks with tsc into out/ for mocha and the extension-host test runner.
// Usage: node scripts/build.mjs [--production] [--no-tests]
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: !production,
  minify: production,
  external: ['vscode'],
  logLevel: 'warning',
};
await build({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js' });
await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.js',
  banner: { js: '#!/usr/bin/env node' },
  define: { SOVCODE_VERSION: JSON.stringify(pkg.version) },
});
chmodSync('dist/cli.js', 0o755);
// The codebook worker (parse, checks, compile off the extension host's thread): see src/core/codebookLoad.
await build({ ...common, entryPoints: ['src/core/codebookLoad/worker.ts'], outfile: 'dist/codebookWorker.js' });
// The scan worker of the CLI (`sovcode scan` over several files): see src/cli/scan/parallelScan.ts.
await build({ ...common, entryPoints: ['src/cli/scan/scanWorker.ts'], outfile: 'dist/scanWorker.js' });
// The jobs worker (sidecar reads against the text, corpus-index entries): see src/core/offThread.
await build({ ...common, entryPoints: ['src/core/offThread/worker.ts'], outfile: 'dist/jobsWorker.js' });
// The import worker on its own (ESM, for PDF.js): the format libraries load only when a text is added.
// Its CommonJS dependencies (mammoth, iconv-lite) need a `require`, which an ES module gets from createRequire.
const libraryVersions = Object.fromEntries(
  ['pdfjs-dist', 'mammoth', '@mozilla/readability', 'linkedom', 'iconv-lite', 'jschardet', 'fflate'].map((name) => [
    name,
    JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')).version,
  ]),
);
await build({
  ...common,
  format: 'esm',
  entryPoints: ['src/core/import/worker.ts'],
  outfile: 'dist/importWorker.mjs',
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  define: { IMPORT_LIBRARY_VERSIONS: JSON.stringify(libraryVersions) },
});
if (!process.argv.includes('--no-tests')) {
  // out/ afresh: a test file renamed or deleted in src must not go on running from a stale compiled copy
  rmSync('out', { recursive: true, force: true });
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], { stdio: 'inherit' });
}
