/**
 * EPUB: the package document (OPF) named by META-INF/container.xml gives the reading order (the spine) and
 * Dublin Core metadata; each XHTML chapter is read block by block (blocks.ts) in that order. Read directly
 * with fflate and linkedom: EPUB libraries on npm are made for rendering in a browser, not for text.
 */
import { posix } from 'node:path';
import { blockParagraphs } from './blocks';
import { parseHtmlDocument, parseXmlDocument, type DomDocument } from './dom';
import { dublinCore } from './officeMetadata';
import { ImportError, type Converter } from './types';
import { libraryVersion } from './versions';
import { entryText, readZip } from './zip';

const XHTML_TYPES = new Set(['application/xhtml+xml', 'text/html']);

/** Chapter paths in reading order, resolved against the OPF's folder. */
function spinePaths(opf: DomDocument, opfPath: string): string[] {
  const hrefs = new Map<string, { href: string; type: string }>();
  for (const item of Array.from(opf.getElementsByTagName('item'))) {
    const id = item.getAttribute('id');
    const href = item.getAttribute('href');
    if (id && href) hrefs.set(id, { href, type: item.getAttribute('media-type') ?? '' });
  }
  const base = posix.dirname(opfPath);
  const paths: string[] = [];
  for (const ref of Array.from(opf.getElementsByTagName('itemref'))) {
    if (ref.getAttribute('linear') === 'no') continue;
    const item = hrefs.get(ref.getAttribute('idref') ?? '');
    if (!item || !XHTML_TYPES.has(item.type)) continue;
    paths.push(posix.normalize(posix.join(base, decodeURIComponent(item.href.split('#')[0] ?? ''))));
  }
  return paths;
}

export const epubConverter: Converter = {
  format: 'EPUB',
  extensions: ['.epub'],
  convert(bytes, file) {
    const parts = readZip(bytes, file, 'EPUB');
    const container = parseXmlDocument(entryText(parts, 'META-INF/container.xml', file, 'EPUB'));
    const opfPath = container.getElementsByTagName('rootfile')[0]?.getAttribute('full-path');
    if (!opfPath)
      throw new ImportError(
        file,
        'is not a readable EPUB file: META-INF/container.xml names no package document. Nothing was written.',
        'damaged',
      );
    const opfText = entryText(parts, opfPath, file, 'EPUB');
    const chapters = spinePaths(parseXmlDocument(opfText), opfPath);
    if (chapters.length === 0)
      throw new ImportError(
        file,
        'is not a readable EPUB file: its spine lists no chapters. Nothing was written.',
        'damaged',
      );
    const paragraphs: string[] = [];
    for (const chapter of chapters) {
      const doc = parseHtmlDocument(entryText(parts, chapter, file, 'EPUB'));
      const body = doc.body ?? doc.documentElement;
      if (body) paragraphs.push(...blockParagraphs(body));
    }
    return Promise.resolve({
      paragraphs,
      metadata: dublinCore(opfText),
      format: 'EPUB',
      converter: `sovereignty-coder EPUB reader (fflate ${libraryVersion('fflate')}, linkedom ${libraryVersion('linkedom')})`,
      notes: [],
    });
  },
};
