/** DOCX, ODT, EPUB and HTML import: text as a reader reads it (headings, footnotes, tables, reading order), metadata, broken files refused. */
import * as assert from 'node:assert/strict';
import { convertOriginal } from '../../src/core/import/convert';
import { ImportError } from '../../src/core/import/types';
import { makeDocx, makeEpub, makeOdt, type DocBlock } from './importFixtures/officeWriter';

const BLOCKS: DocBlock[] = [
  { heading: 'Statement on Maritime Borders' },
  {
    paragraph: 'The ministry rejects any claim that weakens the sovereign rights of the coastal provinces.',
    footnote: 'Press release of the ministry, second edition.',
  },
  {
    table: [
      ['Zone', 'Status'],
      ['North', 'disputed'],
    ],
  },
  { paragraph: 'Talks will resume after the consultations with the parliament.' },
];
const META = { title: 'Maritime Statement', author: 'Press Office', created: '2023-06-01T09:30:00Z' };

function refusedAsDamaged(file: string) {
  return (e: unknown): boolean =>
    e instanceof ImportError &&
    e.kind === 'damaged' &&
    e.message.startsWith(`${file}: `) &&
    /truncated or damaged/.test(e.message);
}

describe('import: DOCX, ODT, EPUB, HTML', () => {
  it('DOCX: heading, paragraph with its footnote number, table row, footnote at the end; core metadata', async () => {
    const result = await convertOriginal('statement.docx', makeDocx(BLOCKS, META));
    assert.deepEqual(result.text.trimEnd().split('\n'), [
      'Statement on Maritime Borders',
      'The ministry rejects any claim that weakens the sovereign rights of the coastal provinces.[1]',
      'Zone | Status',
      'North | disputed',
      'Talks will resume after the consultations with the parliament.',
      '[1] Press release of the ministry, second edition.',
    ]);
    assert.deepEqual(result.metadata, { title: META.title, author: META.author, date: META.created });
    assert.match(result.converter, /^mammoth \d/);
  });

  it('ODT: the same document reads the same way', async () => {
    const result = await convertOriginal('statement.odt', makeOdt(BLOCKS, META));
    assert.deepEqual(result.text.trimEnd().split('\n'), [
      'Statement on Maritime Borders',
      'The ministry rejects any claim that weakens the sovereign rights of the coastal provinces.[1]',
      'Zone | Status',
      'North | disputed',
      'Talks will resume after the consultations with the parliament.',
      '[1] Press release of the ministry, second edition.',
    ]);
    assert.deepEqual(result.metadata, { title: META.title, author: META.author, date: META.created });
  });

  it('EPUB: chapters in spine order, not file-name order; Dublin Core metadata', async () => {
    const epub = makeEpub(
      [
        ['One', 'The first chapter opens the case.'],
        ['Two', 'The second chapter closes it.'],
      ],
      { title: 'A Short Book', author: 'B. Author', date: '2021' },
    );
    const result = await convertOriginal('book.epub', epub);
    assert.equal(result.text, 'One\nThe first chapter opens the case.\nTwo\nThe second chapter closes it.\n');
    assert.deepEqual(result.metadata, { title: 'A Short Book', author: 'B. Author', date: '2021' });
  });

  it('HTML: the article without navigation, adverts or footer; title, byline and date', async () => {
    const article = Array.from(
      { length: 4 },
      (_, i) =>
        `<p>Paragraph ${i + 1} of the op-ed argues, at some length and with examples, that a state which cannot control its own data has given up part of its sovereignty, and that the remedy is law made at home.</p>`,
    ).join('\n');
    const page = `<!doctype html><html><head><meta charset="utf-8"><title>Data and the State | Daily Example</title>
      <meta name="author" content="C. Columnist"><meta property="article:published_time" content="2022-11-05"></head>
      <body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/opinion">Opinion</a></nav>
      <div class="ad">Buy a subscription today!</div>
      <article><h1>Data and the State</h1>\n${article}</article>
      <footer>Copyright Daily Example. All rights reserved.</footer></body></html>`;
    const result = await convertOriginal('oped.html', new TextEncoder().encode(page));
    const lines = result.text.trimEnd().split('\n');
    assert.equal(lines.length, 5, result.text);
    assert.match(lines[1] ?? '', /^Paragraph 1 of the op-ed/);
    assert.doesNotMatch(result.text, /Home|subscription|Copyright/);
    assert.equal(result.metadata.author, 'C. Columnist');
    assert.equal(result.metadata.date, '2022-11-05');
    assert.match(result.metadata.title ?? '', /Data and the State/);
  });

  it('a truncated DOCX, ODT or EPUB is refused naming the file; nothing is guessed', async () => {
    const docx = makeDocx(BLOCKS, META);
    await assert.rejects(
      convertOriginal('cut.docx', docx.subarray(0, Math.floor(docx.length / 2))),
      refusedAsDamaged('cut.docx'),
    );
    const odt = makeOdt(BLOCKS, META);
    await assert.rejects(convertOriginal('cut.odt', odt.subarray(0, odt.length - 40)), refusedAsDamaged('cut.odt'));
    const epub = makeEpub([['One', 'Text.']], { title: 't', author: 'a', date: '2020' });
    await assert.rejects(convertOriginal('cut.epub', epub.subarray(0, 60)), refusedAsDamaged('cut.epub'));
  });

  it('RTF and legacy .doc are refused with what to do instead', async () => {
    await assert.rejects(
      convertOriginal('old.rtf', new TextEncoder().encode('{\\rtf1 hello}')),
      /old\.rtf: RTF is not read.*Save it as DOCX or ODT/,
    );
    await assert.rejects(
      convertOriginal('old.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0])),
      /old\.doc: .*Save it as DOCX/,
    );
  });
});
