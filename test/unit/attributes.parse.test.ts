/** documents.csv: the strict CSV reader and the attribute checks, each problem at its file and line. */
import * as assert from 'node:assert/strict';
import { parseDocumentAttributes, readCsv } from '../../src/core/attributes';

const known = new Set(['texts/a.txt', 'texts/b.txt', 'c.md']);
const parse = (text: string): ReturnType<typeof parseDocumentAttributes> =>
  parseDocumentAttributes(text, 'documents.csv', (p) => known.has(p));
const problems = (text: string): string[] => parse(text).problems.map((p) => `${p.line}: ${p.message}`);

describe('document attributes', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, CRLF and a BOM', () => {
    const rows = readCsv('\uFEFFdocument,outlet\r\n"texts/a.txt","Voice, ""daily""\nedition"\r\n\r\nc.md,x\n');
    assert.deepEqual(rows, [
      { line: 1, cells: ['document', 'outlet'] },
      { line: 2, cells: ['texts/a.txt', 'Voice, "daily"\nedition'] },
      { line: 5, cells: ['c.md', 'x'] },
    ]);
  });

  it('gives each text its row of attributes; an empty cell is no value', () => {
    const { attributes, problems: found } = parse(
      'document,country,date,genre\ntexts/a.txt,ru,2024-03-05,speech\ntexts/b.txt,cn,2023,\nc.md,ru,2024-02,op-ed\n',
    );
    assert.deepEqual(found, []);
    assert.ok(attributes);
    assert.deepEqual(attributes.columns, ['country', 'date', 'genre']);
    assert.equal(attributes.valueOf('texts/b.txt', 'country'), 'cn');
    assert.equal(attributes.valueOf('texts/b.txt', 'genre'), undefined);
    assert.deepEqual(attributes.valuesOf('country'), ['cn', 'ru']);
    assert.equal(attributes.rekeyed((p) => `root/${p}`).valueOf('root/c.md', 'date'), '2024-02');
  });

  it('refuses unknown texts, bad dates, duplicates, short rows and unsafe paths, each at its line', () => {
    const found = problems(
      [
        'document,country,date,published_date',
        'texts/a.txt,ru,2024-02-30,2024',
        'texts/zz.txt,ru,2024,2024',
        'texts/a.txt,cn,2024,2024',
        'c.md,ru',
        '../secret.txt,ru,2024,2024',
        '/abs/c.md,ru,2024,2024',
        'texts/b.txt,ru,2024,May 2024',
        ',ru,2024,2024',
      ].join('\n'),
    );
    assert.deepEqual(found, [
      "2: '2024-02-30' in column 'date' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
      "3: 'texts/zz.txt': no such text in the workspace",
      "4: 'texts/a.txt' already has a row (line 2)",
      '5: 2 cell(s), but the header has 4 column(s)',
      "6: '../secret.txt' leaves the folder of documents.csv",
      "7: '/abs/c.md' is absolute: write the path relative to the folder of documents.csv",
      "8: 'May 2024' in column 'published_date' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
      '9: the document cell is empty',
    ]);
    assert.equal(parse('document,country\ntexts/zz.txt,ru\n').attributes, undefined);
  });

  it('checks the header and the CSV syntax', () => {
    assert.deepEqual(problems(''), ["1: empty: the first line names the columns, starting with 'document'"]);
    assert.deepEqual(problems('text,country,country\n'), [
      "1: the first column must be 'document' (the text's path), not 'text'",
      "1: column 'country' appears twice",
    ]);
    assert.deepEqual(problems('document,country\ntexts/a.txt,"ru\n'), ['2: a quoted cell is never closed']);
    assert.deepEqual(problems('document,country\ntexts/a.txt,r"u\n'), [
      '2: a quote inside an unquoted cell (quote the whole cell and double the quote)',
    ]);
    assert.deepEqual(problems('document,country\ntexts/a.txt,"ru"x\n'), [
      '2: text after the closing quote of a cell (write "" for a quote inside it)',
    ]);
  });
});
