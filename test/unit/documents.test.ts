/**
 * The one pure step from file texts to a coded document, that the extension's exports and agreement view and
 * the CLI's `export` and `agreement` all call after their own I/O: what it keeps, what it warns about, and what
 * it refuses. Texts and frames are our own.
 */
import * as assert from 'node:assert/strict';
import { createAnnotation } from '../../src/core/annotations';
import { parseCodebook, type Codebook } from '../../src/core/codebook';
import { codedDocumentFrom, unknownFrameProblems, type CodedDocument } from '../../src/core/documents';
import { serializeSidecar, sidecarForSource } from '../../src/core/sidecar';

const TEXT = 'The council spoke of borders in the cloud.\nLater it spoke of data at home.\n';
const SOURCE = 'speeches/council.txt';
const SIDECAR = 'speeches/council.txt.annotations.yaml';

function book(): Codebook {
  const yaml =
    'codebook: doc-book\ntitle: Documents\nframes:\n  - id: borders\n    label: Borders\n    color: "#336699"\n    definition: Borders online.\n    terms: [borders]\n';
  const { codebook, problems } = parseCodebook(yaml, 'codebook.yaml');
  assert.ok(codebook, JSON.stringify(problems));
  return codebook;
}

function sidecarText(frames: string[]): string {
  const annotations = frames.map((frame, i) => {
    const quote = i === 0 ? 'borders in the cloud' : 'data at home';
    const start = TEXT.indexOf(quote);
    return createAnnotation(TEXT, start, start + quote.length, frame, 'ana', '2026-12-01', `d000000000${i}`);
  });
  return serializeSidecar(sidecarForSource(SOURCE, 'doc-book', annotations, TEXT), TEXT);
}

describe('documents: a coded document from a sidecar and its source', () => {
  it('keeps every annotation over the canonical text of the source, without problems', () => {
    const read = codedDocumentFrom(SOURCE, SIDECAR, sidecarText(['borders', 'borders']), TEXT.replace(/\n/g, '\r\n'));
    assert.deepEqual(read.problems, []);
    assert.equal(read.readOnly, false);
    assert.equal(read.document?.path, SOURCE);
    assert.equal(read.document?.text, TEXT);
    assert.deepEqual(
      read.document?.annotations.map((a) => a.quote),
      ['borders in the cloud', 'data at home'],
    );
  });

  it('keeps the annotations of a document whose source is missing, with a warning naming the source', () => {
    const read = codedDocumentFrom(SOURCE, SIDECAR, sidecarText(['borders']), undefined);
    assert.equal(read.document?.text, undefined);
    assert.equal(read.document?.annotations.length, 1);
    assert.deepEqual(
      read.problems.map((p) => [p.file, p.severity]),
      [[SIDECAR, 'warning']],
    );
    assert.match(read.problems[0]?.message ?? '', /source speeches\/council\.txt not found/);
  });

  it('refuses a sidecar with conflict markers: no document, read-only, an error with file and line', () => {
    const conflicted = sidecarText(['borders']).replace('annotations:', '<<<<<<< ours\nannotations:');
    const read = codedDocumentFrom(SOURCE, SIDECAR, conflicted, TEXT);
    assert.equal(read.readOnly, true);
    const error = read.problems.find((p) => p.severity === 'error');
    assert.ok(error, JSON.stringify(read.problems));
    assert.equal(error.file, SIDECAR);
    assert.ok(error.line > 1);
  });

  it('warns once per annotation whose frame the codebook lacks, in path order, naming its sidecar', () => {
    const doc = (path: string, frames: string[]): CodedDocument => {
      const read = codedDocumentFrom(path, `${path}.annotations.yaml`, sidecarText(frames), TEXT);
      assert.ok(read.document);
      return read.document;
    };
    const problems = unknownFrameProblems(book(), [doc('b.txt', ['borders', 'home-data']), doc('a.txt', ['gone'])]);
    assert.deepEqual(
      problems.map((p) => p.file),
      ['a.txt.annotations.yaml', 'b.txt.annotations.yaml'],
    );
    assert.ok(problems.every((p) => p.severity === 'warning'));
    assert.match(problems[0]?.message ?? '', /annotation d0000000000: frame 'gone' is not in codebook 'doc-book'/);
    assert.match(problems[1]?.message ?? '', /frame 'home-data'/);
  });
});
