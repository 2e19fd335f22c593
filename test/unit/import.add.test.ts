/** Adding originals: the text and a complete provenance record written; bad input writes nothing; a revised original keeps every annotation. */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { createAnnotation } from '../../src/core/annotations';
import { addText } from '../../src/core/import/addText';
import { convertOriginal } from '../../src/core/import/convert';
import { parseProvenance } from '../../src/core/import/provenance';
import { ImportError } from '../../src/core/import/types';
import { parseSidecar, serializeSidecar, sidecarPathFor } from '../../src/core/sidecar';
import { makeDocx, type DocBlock } from './importFixtures/officeWriter';
import { makePdf } from './importFixtures/pdfWriter';

const META = { title: 'Speech on Autonomy', author: 'D. Speaker', created: '2024-02-02T10:00:00Z' };
const FIRST: DocBlock[] = [
  { paragraph: 'Our region asks for autonomy within the federation, not for separation.' },
  { paragraph: 'The council will publish its budget in both languages.' },
  { paragraph: 'Foreign ministries have no say in how our schools teach history.' },
];
const REVISED: DocBlock[] = [
  { heading: 'Revised text, as delivered' },
  { paragraph: 'Our region asks for autonomy within the federation, not for separation.' },
  { paragraph: 'Foreign ministries have no say in how our schools teach history.' },
];
const NOW = new Date('2026-12-02T12:00:00Z');

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sovcode-import-'));
}

function codeQuote(text: string, quote: string, frame: string) {
  const start = text.indexOf(quote);
  return createAnnotation(text, start, start + quote.length, frame, 'tester', '2026-12-01');
}

describe('import: adding texts', () => {
  it('writes NAME.txt beside the original and a complete provenance record', async () => {
    const dir = tempDir();
    const original = join(dir, 'speech.docx');
    const bytes = makeDocx(FIRST, META);
    writeFileSync(original, bytes);
    const result = await addText(original, { convert: convertOriginal, toolVersion: '9.9.9', now: NOW });
    assert.equal(result.text, join(dir, 'speech.txt'));
    const text = readFileSync(result.text, 'utf8');
    assert.equal(text, `${FIRST.map((b) => ('paragraph' in b ? b.paragraph : '')).join('\n')}\n`);
    const record = parseProvenance(readFileSync(join(dir, 'speech.txt.provenance.yaml'), 'utf8'), 'p.yaml');
    if (record instanceof Error) throw record;
    assert.deepEqual(record.original, {
      path: 'speech.docx',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    assert.equal(record.title, META.title);
    assert.equal(record.author, META.author);
    assert.equal(record.date, META.created);
    assert.equal(record.format, 'DOCX');
    assert.match(record.converter, /^mammoth \d+\.\d+\.\d+$/);
    assert.equal(record.sovereigntyCoder, '9.9.9');
    assert.equal(record.imported, '2026-12-02T12:00:00Z');
    assert.equal(record.textSha256, createHash('sha256').update(text).digest('hex'));
  });

  it('--into puts the text in another folder; the provenance path stays relative to the text', async () => {
    const dir = tempDir();
    const corpus = join(dir, 'corpus');
    const original = join(dir, 'originals', 'paper.pdf');
    mkdirSync(join(dir, 'originals'), { recursive: true });
    mkdirSync(corpus);
    writeFileSync(
      original,
      makePdf({ pages: [{ texts: [{ x: 60, y: 700, size: 10, text: 'A paper about borders.' }] }] }),
    );
    const result = await addText(original, { convert: convertOriginal, toolVersion: 't', into: corpus, now: NOW });
    assert.equal(result.text, join(corpus, 'paper.txt'));
    assert.equal(result.provenance.original.path, '../originals/paper.pdf');
  });

  it('bad input (scan, encrypted PDF, truncated DOCX, a hand-written text in the way) writes nothing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'scan.pdf'), makePdf({ pages: [{ image: true }] }));
    await assert.rejects(
      addText(join(dir, 'scan.pdf'), { convert: convertOriginal, toolVersion: 't' }),
      (e: unknown) => e instanceof ImportError && e.kind === 'no-text',
    );
    const docx = makeDocx(FIRST, META);
    writeFileSync(join(dir, 'cut.docx'), docx.subarray(0, 300));
    await assert.rejects(
      addText(join(dir, 'cut.docx'), { convert: convertOriginal, toolVersion: 't' }),
      (e: unknown) => e instanceof ImportError && e.kind === 'damaged',
    );
    const locked = { user: 'reader-secret', owner: 'owner-secret' };
    writeFileSync(join(dir, 'locked.pdf'), makePdf({ encrypted: locked, pages: [{ texts: [] }] }));
    await assert.rejects(
      addText(join(dir, 'locked.pdf'), { convert: convertOriginal, toolVersion: 't' }),
      (e: unknown) =>
        e instanceof ImportError && e.kind === 'encrypted' && /locked\.pdf: .*needs a password/.test(e.message),
    );
    writeFileSync(join(dir, 'notes.txt'), 'my own notes\n');
    writeFileSync(join(dir, 'notes.docx'), docx);
    await assert.rejects(
      addText(join(dir, 'notes.docx'), { convert: convertOriginal, toolVersion: 't' }),
      /notes\.txt: already exists and was not added from an original/,
    );
    assert.deepEqual(readdirSync(dir).sort(), ['cut.docx', 'locked.pdf', 'notes.docx', 'notes.txt', 'scan.pdf']);
    assert.equal(readFileSync(join(dir, 'notes.txt'), 'utf8'), 'my own notes\n');
  });

  it('re-adding a revised original keeps every annotation: moved with its quote, or orphaned and kept, each reported', async () => {
    const dir = tempDir();
    const original = join(dir, 'speech.docx');
    writeFileSync(original, makeDocx(FIRST, META));
    const first = await addText(original, { convert: convertOriginal, toolVersion: 't', now: NOW });
    const text = readFileSync(first.text, 'utf8');
    const annotations = [
      codeQuote(text, 'autonomy within the federation', 'self-determination'),
      codeQuote(text, 'publish its budget', 'governance'),
      codeQuote(text, 'no say in how our schools teach history', 'non-interference'),
    ];
    const sidecarPath = sidecarPathFor(first.text);
    writeFileSync(
      sidecarPath,
      serializeSidecar({ version: 1, source: 'speech.txt', sourceHash: '', codebook: 'test', annotations }, text),
    );

    writeFileSync(original, makeDocx(REVISED, META));
    const second = await addText(original, { convert: convertOriginal, toolVersion: 't', now: NOW });
    const newText = readFileSync(second.text, 'utf8');
    assert.ok(newText.startsWith('Revised text, as delivered\n'));
    const reimport = second.reimport;
    assert.ok(reimport);
    assert.equal(reimport.kept, 3);
    assert.deepEqual(reimport.counts, { exact: 0, moved: 2, ambiguous: 0, fuzzy: 0, orphaned: 1 });
    assert.deepEqual(reimport.moves.map((m) => [m.quote, m.outcome]).sort(), [
      ['autonomy within the federation', 'moved'],
      ['no say in how our schools teach history', 'moved'],
      ['publish its budget', 'orphaned'],
    ]);
    assert.deepEqual(reimport.changes, { added: 1, removed: 1, kept: 2 });
    const parsed = parseSidecar(readFileSync(sidecarPath, 'utf8'), sidecarPath);
    assert.equal(parsed.sidecar?.annotations.length, 3);
    for (const a of parsed.sidecar?.annotations ?? []) {
      if (a.status === 'orphaned') assert.equal(a.quote, 'publish its budget');
      else assert.equal(newText.slice(a.start, a.end), a.quote);
    }
  });
});
