/**
 * Web pages: Mozilla's Readability (Firefox's Reader View) finds the article in a saved page, leaving out
 * navigation, adverts and comment sections; linkedom gives it a DOM without a browser. The page's declared
 * charset is honoured (state-media pages are often GB2312 or Windows-1251), else the bytes are detected as
 * for plain text. A page without a recognisable article is kept whole (navigation still dropped), with a note.
 */
import { Readability } from '@mozilla/readability';
import iconv from 'iconv-lite';
import { blockParagraphs } from './blocks';
import { parseFragment, parseHtmlDocument, type DomDocument, type DomElement } from './dom';
import { decodeText } from './encoding';
import type { Converter, EncodingReport, TextMetadata } from './types';
import { libraryVersion } from './versions';

/** The charset a page declares in its first bytes, when iconv-lite knows it. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const found = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
  return found && iconv.encodingExists(found) ? found.toLowerCase() : undefined;
}

function pageText(
  bytes: Uint8Array,
  file: string,
  given: string | undefined,
): { text: string; report: EncodingReport } {
  const declared = given === undefined ? declaredCharset(bytes) : undefined;
  if (declared === undefined) return decodeText(bytes, file, given);
  const decoded = decodeText(bytes, file, declared);
  return { text: decoded.text, report: { ...decoded.report, source: 'given' } };
}

function metaContent(doc: DomDocument, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = doc.querySelector(`meta[name="${name}"], meta[property="${name}"]`)?.getAttribute('content')?.trim();
    if (value) return value;
  }
  return undefined;
}

export const htmlConverter: Converter = {
  format: 'HTML',
  extensions: ['.html', '.htm', '.xhtml'],
  convert(bytes, file, options) {
    const { text, report } = pageText(bytes, file, options.encoding);
    const doc = parseHtmlDocument(text);
    const metadata: TextMetadata = {};
    const date = metaContent(doc, ['article:published_time', 'date', 'dc.date', 'DC.date']);
    const article = new Readability(parseHtmlDocument(text)).parse();
    const notes: string[] = [];
    let paragraphs: string[];
    if (article?.content) {
      paragraphs = blockParagraphs(parseFragment(article.content).body);
      if (article.title && paragraphs[0] !== article.title.trim()) paragraphs.unshift(article.title.trim());
    } else {
      notes.push('no article was recognised in the page: its whole text was kept (navigation left out)');
      paragraphs =
        (doc.body ?? doc.documentElement) ? blockParagraphs((doc.body ?? doc.documentElement) as DomElement) : [];
    }
    const title = article?.title || doc.title;
    const author = article?.byline || metaContent(doc, ['author', 'dc.creator']);
    if (title) metadata.title = title.trim();
    if (author) metadata.author = author.trim();
    if (article?.publishedTime || date) metadata.date = (article?.publishedTime || date)?.trim();
    return Promise.resolve({
      paragraphs,
      metadata,
      format: 'HTML',
      encoding: report,
      notes,
      converter: `@mozilla/readability ${libraryVersion('@mozilla/readability')} + linkedom ${libraryVersion('linkedom')}`,
    });
  },
};
