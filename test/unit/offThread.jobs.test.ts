import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { createAnnotation } from '../../src/core/annotations';
import { MirrorMissing, OffThread, readSidecarAgainst } from '../../src/core/offThread';
import { indexEntry } from '../../src/core/offThread/jobs';
import type { Codebook } from '../../src/core/codebook';
import { codedSegments, placesOf, segmentsFromPlaces } from '../../src/core/documents';
import { serializeSidecar } from '../../src/core/sidecar';
import { textHash } from '../../src/core/text';
import { makeText } from '../../bench/fixtures';

const WORKER = join(__dirname, '..', '..', 'src', 'core', 'offThread', 'worker.js');

const CODEBOOK = {
  id: 'x',
  title: 'x',
  frames: ['f0', 'f1', 'f2'].map((id) => ({
    id,
    label: id.toUpperCase(),
    terms: [],
    examples: [],
    examplePositions: [],
  })),
} as unknown as Codebook;

function excerpts(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

describe('jobs off the extension host (offThread: jobs worker, text copies)', function () {
  this.timeout(60_000);
  const text = makeText(300_000);
  const annotations = Array.from({ length: 200 }, (_, i) => {
    let s = i * 1400 + 7;
    if ((text.charCodeAt(s) & 0xfc00) === 0xdc00) s++;
    return createAnnotation(text, s, s + 12, `f${i % 3}`, 'c', '2026-01-01', `a${String(i).padStart(10, '0')}`);
  });
  const yaml = serializeSidecar(
    { version: 1, source: 't.txt', sourceHash: textHash(text), codebook: 'x', annotations },
    text,
  );

  it('re-anchors a sidecar against a copy filled in excerpts and edited, as in place against the text', async () => {
    const jobs = new OffThread(WORKER);
    try {
      const ref = await jobs.mirror('doc', 1, excerpts(text, 70_000), () => true);
      assert.ok(ref, 'a copy was made');
      // the editor inserts a character near the top and deletes one further on: the copy follows
      const edits = [
        { start: 10, end: 10, text: 'Z' },
        { start: 5000, end: 5001, text: '' },
      ];
      jobs.editMirror('doc', 2, edits);
      const edited = edits.reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), text);
      const viaCopy = await jobs.run('readSidecarAgainst', {
        yaml,
        file: 't.yaml',
        text: { mirror: 'doc', version: 2 },
      });
      const inPlace = readSidecarAgainst({ yaml, file: 't.yaml', text: edited });
      assert.deepEqual(viaCopy, inPlace);
      assert.ok(inPlace.anchored, 'the annotations were checked against the text');
      const { counts } = inPlace.anchored;
      assert.ok(counts.moved > 0, `some moved with the edits (${JSON.stringify(counts)})`);
      assert.equal(counts.exact + counts.moved + counts.fuzzy, annotations.length, JSON.stringify(counts));
    } finally {
      jobs.dispose();
    }
  });

  it('indexes a text sent as its file bytes as it indexes the decoded text, in the worker and in place', async () => {
    const jobs = new OffThread(WORKER);
    try {
      // a BOM and an invalid byte: decoded as VS Code decodes a file (BOM dropped, U+FFFD), in either place
      const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8'), Buffer.from([0xff])]);
      const decoded = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
      const input = { path: 't.txt', sidecarFile: 't.txt.annotations.yaml', sidecarText: yaml, codebook: CODEBOOK };
      const fromText = indexEntry({ ...input, sourceText: decoded });
      const viaWorker = await jobs.run('indexEntry', { ...input, sourceText: { utf8: new Uint8Array(bytes) } });
      const inPlace = indexEntry({ ...input, sourceText: { utf8: new Uint8Array(bytes) } });
      assert.deepEqual(viaWorker, fromText);
      assert.deepEqual(inPlace, fromText);
      assert.equal(fromText.read.document?.text, decoded);
      assert.equal(fromText.segments?.length, annotations.length);
    } finally {
      jobs.dispose();
    }
  });

  it("gives a large document's segments as numbers that rebuild to exactly the segments", async () => {
    const jobs = new OffThread(WORKER);
    try {
      // an edited text: a character typed near the top moves every annotation after it, and a cut takes one
      // annotation's text away (what becomes of it depends on the generated text; the rebuild must agree anyway)
      const edited = `${text.slice(0, 10)}Z${text.slice(10, 14_000)}${text.slice(14_030)}`;
      const document = { path: 't.txt', annotations };
      const expected = codedSegments(CODEBOOK, [{ ...document, text: edited }]);
      assert.ok(
        expected.some((s) => s.status === 'moved'),
        'some segments moved',
      );
      const viaWorker = await jobs.run('segmentPlaces', {
        document: { ...document, text: edited },
        codebook: CODEBOOK,
      });
      assert.deepEqual(segmentsFromPlaces(CODEBOOK, document, viaWorker), expected);
      assert.throws(() => segmentsFromPlaces(CODEBOOK, { path: 't.txt', annotations: [] }, viaWorker), RangeError);
    } finally {
      jobs.dispose();
    }
  });

  it('rebuilds every status, other places of a flagged segment and a missing source the same', () => {
    const document = { path: 't.txt', annotations: annotations.slice(0, 6) };
    const statuses = ['anchored', 'moved', 'needs-review', 'conflict', 'orphaned'] as const;
    const segments = codedSegments(CODEBOOK, [{ ...document, text }]).map((s, i) => ({
      ...s,
      start: s.start + i,
      status: statuses[i % statuses.length],
      ...(i === 2
        ? { alternatives: [{ start: 5, end: 17, score: 0.9, line: 1, column: 6, excerpt: text.slice(5, 17) }] }
        : {}),
    }));
    assert.deepEqual(segmentsFromPlaces(CODEBOOK, document, placesOf(segments)), segments);
    const missing = codedSegments(CODEBOOK, [{ ...document, text: undefined }]);
    assert.ok(missing.every((s) => s.status === 'source-missing' && s.line === undefined));
    assert.deepEqual(segmentsFromPlaces(CODEBOOK, document, placesOf(missing)), missing);
  });

  it('refuses a job over a copy at another version (never a stale text), and one over no copy', async () => {
    const jobs = new OffThread(WORKER);
    try {
      await jobs.mirror('doc', 1, excerpts(text, 100_000), () => true);
      jobs.editMirror('doc', 2, [{ start: 0, end: 0, text: 'x' }]);
      await assert.rejects(
        jobs.run('readSidecarAgainst', { yaml, file: 't.yaml', text: { mirror: 'doc', version: 1 } }),
        MirrorMissing,
      );
      jobs.dropMirror('doc');
      await assert.rejects(
        jobs.run('readSidecarAgainst', { yaml, file: 't.yaml', text: { mirror: 'doc', version: 2 } }),
        MirrorMissing,
      );
    } finally {
      jobs.dispose();
    }
  });

  it('a fill whose document changed meanwhile is dropped, not left half made', async () => {
    const jobs = new OffThread(WORKER);
    try {
      let calls = 0;
      const ref = await jobs.mirror('doc', 1, excerpts(text, 50_000), () => ++calls < 3);
      assert.equal(ref, undefined);
      await assert.rejects(
        jobs.run('readSidecarAgainst', { yaml, file: 't.yaml', text: { mirror: 'doc', version: 1 } }),
        MirrorMissing,
      );
    } finally {
      jobs.dispose();
    }
  });

  it('without a worker the jobs run in place with the same result', async () => {
    const reasons: string[] = [];
    const jobs = new OffThread(join(__dirname, 'no-such-worker.js'), (r) => reasons.push(r));
    try {
      const out = await jobs.run('readSidecarAgainst', { yaml, file: 't.yaml', text });
      assert.deepEqual(out, readSidecarAgainst({ yaml, file: 't.yaml', text }));
      assert.equal(reasons.length, 1);
    } finally {
      jobs.dispose();
    }
  });
});
