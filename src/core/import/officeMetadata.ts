/**
 * Title, author and date from the metadata parts of office documents and e-books: DOCX's docProps/core.xml,
 * ODT's meta.xml and EPUB's OPF all use Dublin Core elements (dc:title, dc:creator, dc:date or
 * dcterms:created / meta:creation-date), read here with linkedom's XML parser.
 */
import { parseXmlDocument, type DomDocument } from './dom';
import type { TextMetadata } from './types';

function firstText(doc: DomDocument, names: readonly string[]): string | undefined {
  for (const name of names) {
    const found = doc.getElementsByTagName(name)[0]?.textContent?.trim();
    if (found) return found;
  }
  return undefined;
}

/** Dublin Core metadata of one XML part; absent fields stay absent. */
export function dublinCore(xml: string | undefined): TextMetadata {
  if (xml === undefined) return {};
  const doc = parseXmlDocument(xml);
  const metadata: TextMetadata = {};
  const title = firstText(doc, ['dc:title']);
  const author = firstText(doc, ['dc:creator', 'meta:initial-creator']);
  const date = firstText(doc, ['dcterms:created', 'dc:date', 'meta:creation-date']);
  if (title) metadata.title = title;
  if (author) metadata.author = author;
  if (date) metadata.date = date;
  return metadata;
}
