import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodebookLoader, loadCodebookBytes } from '../../src/core/codebookLoad';
import { matcherTerms } from '../../src/core/codebook';
import { Matcher } from '../../src/core/matcher';
import { matcherFromData, matcherToData, TransferError } from '../../src/core/matcher/transfer';
import { codebookTerms, makeText } from '../../bench/fixtures';

const ROOT = join(__dirname, '..', '..', '..');
/** The worker as tsc compiled it into out/ (the unit tests run from there), and as esbuild bundles it. */
const COMPILED_WORKER = join(__dirname, '..', '..', 'src', 'core', 'codebookLoad', 'worker.js');
const BUNDLED_WORKER = join(ROOT, 'dist', 'codebookWorker.js');
const SHIPPED = join(ROOT, 'codebook', 'sovereignty.yaml');

/** A codebook file of `n` generated multilingual terms (English, Russian with `*`, Chinese) in 6 frames. */
function generatedCodebook(n: number): Uint8Array {
  const terms = codebookTerms(n);
  const frames = Array.from({ length: 6 }, (_, f) => {
    const mine = terms.filter((_t, i) => i % 6 === f).map((t) => JSON.stringify(t));
    return `  - id: f${f}\n    label: F${f}\n    color: "#40608${f}"\n    definition: frame ${f}\n    terms: [${mine.join(', ')}]\n`;
  });
  return new TextEncoder().encode(`codebook: gen\ntitle: Generated\nframes:\n${frames.join('')}`);
}

function fresh(bytes: Uint8Array): Matcher {
  const loaded = loadCodebookBytes(bytes, 'codebook.yaml');
  assert.ok(loaded.codebook && loaded.matcher, loaded.problems.map((p) => p.message).join('; '));
  return Matcher.compile(matcherTerms(loaded.codebook));
}

describe('codebook load in a worker (codebookLoad, matcher/transfer)', function () {
  this.timeout(60_000);
  const text = makeText(200_000);

  it('a matcher that crossed as transferred data finds exactly what a fresh compile finds', () => {
    const bytes = generatedCodebook(800);
    const reference = fresh(bytes);
    const sent = fresh(bytes);
    const { data, transfer } = matcherToData(sent);
    assert.ok(transfer.length >= 5, 'the compiled tables travel as transferred buffers');
    const revived = matcherFromData(structuredClone(data, { transfer }));
    const expected = reference.find(text);
    assert.ok(expected.length > 500, `the text has cues (${expected.length})`);
    assert.deepEqual(revived.find(text), expected);
    assert.equal(revived.termCount, reference.termCount);
    assert.deepEqual(revived.stats, reference.stats);
    // the windowed scan (typing) uses the compiled tables differently: the same there too
    for (const at of [0, 1234, 99_999, 150_000])
      assert.deepEqual(revived.findInRange(text, at, at + 500), reference.findInRange(text, at, at + 500));
  });

  it('refuses to send what would not come back whole', () => {
    const m = fresh(generatedCodebook(20));
    (m as unknown as { compiled: { extra: unknown } }).compiled.extra = new (class Opaque {})();
    assert.throws(() => matcherToData(m), TransferError);
  });

  for (const [name, script] of [
    ['compiled', COMPILED_WORKER],
    ['bundled', BUNDLED_WORKER],
  ] as const) {
    it(`the ${name} worker gives the same codebook, problems and matches as a load in place`, async function () {
      if (!existsSync(script)) this.skip(); // the bundle exists after `node scripts/build.mjs`
      const fallbacks: string[] = [];
      const loader = new CodebookLoader(script, (reason) => fallbacks.push(reason));
      try {
        for (const bytes of [generatedCodebook(600), new Uint8Array(readFileSync(SHIPPED))]) {
          const inPlace = loadCodebookBytes(bytes, 'codebook.yaml');
          const viaWorker = await loader.load(bytes, 'codebook.yaml');
          assert.deepEqual(fallbacks, [], 'no fallback: the worker did the load');
          assert.deepEqual(viaWorker.codebook, inPlace.codebook);
          assert.deepEqual(viaWorker.problems, inPlace.problems);
          assert.deepEqual(viaWorker.fills, inPlace.fills);
          assert.ok(viaWorker.matcher && inPlace.matcher);
          assert.deepEqual(viaWorker.matcher.find(text), inPlace.matcher.find(text));
        }
      } finally {
        loader.dispose();
      }
    });
  }

  it('a codebook with errors comes back with its problems (file, line) and no matcher', async () => {
    const loader = new CodebookLoader(COMPILED_WORKER);
    try {
      const broken = new TextEncoder().encode('codebook: x\ntitle: X\nframes:\n  - id: a\n    label: [\n');
      const loaded = await loader.load(broken, '/ws/codebook.yaml');
      assert.equal(loaded.codebook, undefined);
      assert.equal(loaded.matcher, undefined);
      assert.ok(loaded.problems.length > 0);
      assert.equal(loaded.problems[0].file, '/ws/codebook.yaml');
      assert.ok(loaded.problems[0].line >= 4, `line ${loaded.problems[0].line}`);
    } finally {
      loader.dispose();
    }
  });

  it('without a worker (a script that cannot start) the load runs in place and says why', async () => {
    const fallbacks: string[] = [];
    const loader = new CodebookLoader(join(ROOT, 'no-such-worker.js'), (reason) => fallbacks.push(reason));
    try {
      const bytes = generatedCodebook(50);
      const loaded = await loader.load(bytes, 'codebook.yaml');
      assert.ok(loaded.matcher);
      assert.deepEqual(loaded.matcher.find(text), fresh(bytes).find(text));
      assert.equal(fallbacks.length, 1);
      assert.match(fallbacks[0], /codebook worker/);
    } finally {
      loader.dispose();
    }
  });
});
