/** PDF import: two columns read in order, running headers/footers/page numbers gone, hyphenation rejoined, bad PDFs refused. */
import * as assert from 'node:assert/strict';
import { convertOriginal } from '../../src/core/import/convert';
import { ImportError } from '../../src/core/import/types';
import { layoutColumn, makePdf, type PlacedText } from './importFixtures/pdfWriter';

const LEFT = [
  'Delegates at the regional forum argued that territorial sovereignty cannot be traded for short-term investment and that every border agreement needs a public vote.',
  'The finance minister replied that cooperation with neigh-\nbouring states had never weakened the constitution.',
];
const RIGHT = [
  'Several speakers returned to self-determination as a principle that protects small nations against pressure from larger ones.',
  'The closing statement promised a new committee on digital infrastructure and data held abroad.',
];

function runningLines(page: number): PlacedText[] {
  return [
    { x: 60, y: 800, size: 8, text: 'Journal of Comparative Sovereignty Studies, vol. 12' },
    { x: 290, y: 40, size: 8, text: String(page) },
  ];
}

function twoColumnPdf(): Uint8Array {
  return makePdf({
    info: { Title: 'Forum on Borders', Author: 'A. Writer', CreationDate: 'D:20240315120000Z' },
    pages: [
      {
        texts: [
          ...runningLines(1),
          { x: 60, y: 760, size: 16, text: 'Sovereignty at the Forum' },
          ...layoutColumn(LEFT, 60, 720, 220, 10),
          ...layoutColumn(RIGHT, 320, 720, 220, 10),
        ],
      },
      {
        texts: [
          ...runningLines(2),
          ...layoutColumn(
            ['A second page keeps the argument going with one more paragraph of text.'],
            60,
            760,
            480,
            10,
          ),
        ],
      },
      {
        texts: [
          ...runningLines(3),
          ...layoutColumn(
            ['The third page ends the report with a last remark about self-determination.'],
            60,
            760,
            480,
            10,
          ),
        ],
      },
    ],
  });
}

describe('import: PDF', () => {
  it('reads two columns in order, one paragraph per line, without running headers or page numbers', async () => {
    const result = await convertOriginal('forum.pdf', twoColumnPdf());
    const lines = result.text.trimEnd().split('\n');
    assert.deepEqual(lines, [
      'Sovereignty at the Forum',
      LEFT[0],
      'The finance minister replied that cooperation with neighbouring states had never weakened the constitution.',
      ...RIGHT,
      'A second page keeps the argument going with one more paragraph of text.',
      'The third page ends the report with a last remark about self-determination.',
    ]);
    assert.equal(result.metadata.title, 'Forum on Borders');
    assert.equal(result.metadata.author, 'A. Writer');
    assert.equal(result.metadata.date, '2024-03-15T12:00:00');
    assert.match(result.converter, /^pdfjs-dist \d+\.\d+/);
    assert.ok(
      result.notes.some((n) => /6 running header/.test(n)),
      result.notes.join('; '),
    );
  });

  it('refuses an image-only PDF saying OCR is needed and not done', async () => {
    const scan = makePdf({ pages: [{ image: true }, { image: true }] });
    await assert.rejects(convertOriginal('scan.pdf', scan), (e: unknown) => {
      assert.ok(e instanceof ImportError);
      assert.equal(e.kind, 'no-text');
      assert.match(e.message, /^scan\.pdf: .*OCR is needed and none is done here/);
      return true;
    });
  });

  it('refuses a really encrypted PDF (RC4, a user password) saying a password is needed, and writes nothing', async () => {
    const locked = makePdf({
      encrypted: { user: 'reader-secret', owner: 'owner-secret' },
      pages: [{ texts: [{ x: 60, y: 700, size: 10, text: 'Hidden words' }] }],
    });
    assert.ok(!Buffer.from(locked).toString('latin1').includes('Hidden words'), 'fixture: the text is encrypted');
    await assert.rejects(
      convertOriginal('locked.pdf', locked),
      (e: unknown) =>
        e instanceof ImportError &&
        e.kind === 'encrypted' &&
        /^locked\.pdf: is an encrypted PDF that needs a password to open; nothing was written\. Save an unprotected copy/.test(
          e.message,
        ),
    );
  });

  it('converts an encrypted PDF with an empty user password (printing forbidden), as any reader opens it', async () => {
    const restricted = makePdf({
      encrypted: { user: '', owner: 'owner-secret' },
      info: { Title: 'Protected Paper' },
      pages: [{ texts: [{ x: 60, y: 700, size: 10, text: 'Words behind a lock anyone may open.' }] }],
    });
    const raw = Buffer.from(restricted).toString('latin1');
    assert.ok(!raw.includes('behind a lock') && !raw.includes('Protected Paper'), 'fixture: strings are encrypted');
    const result = await convertOriginal('restricted.pdf', restricted);
    assert.equal(result.text, 'Words behind a lock anyone may open.\n', 'decrypted by PDF.js: the encryption is real');
    assert.equal(result.metadata.title, 'Protected Paper');
  });

  it('refuses a truncated PDF as damaged', async () => {
    const whole = twoColumnPdf();
    await assert.rejects(
      convertOriginal('cut.pdf', whole.subarray(0, 200)),
      (e: unknown) => e instanceof ImportError && /cut\.pdf/.test(e.message),
    );
  });
});
