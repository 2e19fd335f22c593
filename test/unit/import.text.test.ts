/** Plain-text import: legacy Chinese and Russian encodings detected and reported, uncertain guesses asked, hyphenation and wrap undone. */
import * as assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { convertOriginal } from '../../src/core/import/convert';
import { joinParagraphs } from '../../src/core/import/paragraphs';
import { ImportError } from '../../src/core/import/types';

const ZH_SIMPLIFIED =
  '国家主权是本文讨论的核心问题。作者认为，各国有权自主选择发展道路，外部力量不应干涉内政。\n\n第二段讨论网络空间的管理，以及数据跨境流动带来的新问题。\n';
const ZH_TRADITIONAL =
  '國家主權是本文討論的核心問題。作者認為，各國有權自主選擇發展道路，外部力量不應干涉內政。\n\n第二段討論網絡空間的管理，以及數據跨境流動帶來的新問題。\n';
const RU =
  'Автор статьи утверждает, что государственный суверенитет остаётся основой международного права, и напоминает о\nневмешательстве во внутренние дела.\n\nВо второй части речь идёт о цифровой независимости и защите данных граждан от иностранных компаний.\n';

describe('import: plain text and encodings', () => {
  for (const [name, text, encoding] of [
    ['GB18030', ZH_SIMPLIFIED, 'gb18030'],
    ['Big5', ZH_TRADITIONAL, 'big5'],
    ['Windows-1251', RU, 'windows-1251'],
    ['KOI8-R', RU, 'koi8-r'],
  ] as const) {
    it(`${name}: detected, reported with its confidence, decoded to NFC UTF-8 with one paragraph per line`, async () => {
      const result = await convertOriginal(`legacy-${encoding}.txt`, iconv.encode(text, encoding));
      assert.equal(result.encoding?.encoding, encoding);
      assert.equal(result.encoding?.source, 'detected');
      assert.ok((result.encoding?.confidence ?? 0) > 0.3 && (result.encoding?.confidence ?? 1) < 1);
      const paragraphs = text.split('\n\n').map((p) => p.replace(/\n/g, text === RU ? ' ' : '').trim());
      assert.equal(result.text, `${paragraphs.join('\n')}\n`);
      assert.ok(result.notes.some((n) => n.includes(encoding)));
    });
  }

  it('--encoding overrides detection', async () => {
    const result = await convertOriginal('ru.txt', iconv.encode(RU, 'koi8-r'), { encoding: 'koi8-r' });
    assert.deepEqual(result.encoding, { encoding: 'koi8-r', confidence: 1, source: 'given' });
    assert.match(result.text, /^Автор статьи/);
  });

  it('a guess the detector is unsure of is not taken: the candidates are listed and nothing is decoded', async () => {
    await assert.rejects(convertOriginal('short.txt', iconv.encode('Да, мир.', 'windows-1251')), (e: unknown) => {
      assert.ok(e instanceof ImportError);
      assert.equal(e.kind, 'encoding-uncertain');
      assert.match(e.message, /^short\.txt: its encoding is uncertain: .*--encoding/);
      return true;
    });
  });

  it('UTF-8 with CRLF and decomposed letters becomes LF and NFC; a UTF-16 file with a BOM is read', async () => {
    const result = await convertOriginal('win.txt', new TextEncoder().encode('Cafe\u0301 line one\r\nline two\r\n'));
    assert.equal(result.text, 'Caf\u00e9 line one\nline two\n');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Суверенитет\n', 'utf16le')]);
    assert.equal((await convertOriginal('u16.txt', utf16)).text, 'Суверенитет\n');
  });

  it('hyphenation at a line end is rejoined in English and Russian, but a compound the text writes with a hyphen keeps it', () => {
    assert.equal(joinParagraphs(['the sover-\neignty of states']), 'the sovereignty of states\n');
    assert.equal(joinParagraphs(['государственный сувере-\nнитет']), 'государственный суверенитет\n');
    assert.equal(
      joinParagraphs(['self-determination first; then self-\ndetermination again']),
      'self-determination first; then self-determination again\n',
    );
    assert.equal(joinParagraphs(['A line ending in a dash -\nand another']), 'A line ending in a dash - and another\n');
    assert.equal(joinParagraphs(['主权问题\n十分重要']), '主权问题十分重要\n');
  });
});
