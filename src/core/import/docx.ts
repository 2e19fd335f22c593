/**
 * DOCX through mammoth (made for turning Word documents into clean semantic HTML, ignoring styling): its
 * HTML is read block by block (blocks.ts), so headings, list items and table rows each become a line;
 * footnotes and endnotes, which mammoth lists at the end, keep their numbers ("[1] …") and lose the back
 * links. Title, author and date come from docProps/core.xml.
 */
import mammoth from 'mammoth';
import { blockParagraphs } from './blocks';
import { parseFragment, type DomDocument } from './dom';
import { dublinCore } from './officeMetadata';
import { ImportError, type Converter } from './types';
import { libraryVersion } from './versions';
import { readZip } from './zip';

/** Footnote and endnote list items: "[n] " before the note, the "↑" back link removed. */
function numberNotes(doc: DomDocument): void {
  for (const item of Array.from(doc.querySelectorAll('li[id^="footnote-"], li[id^="endnote-"]'))) {
    for (const back of Array.from(item.querySelectorAll('a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]')))
      back.remove();
    const number = /-(\d+)$/.exec(item.id)?.[1];
    const first = item.querySelector('p') ?? item; // mammoth wraps the note in a paragraph: the number goes inside it
    first.insertBefore(doc.createTextNode(`[${number ?? '?'}] `), first.firstChild);
  }
}

export const docxConverter: Converter = {
  format: 'DOCX',
  extensions: ['.docx'],
  async convert(bytes, file) {
    const parts = readZip(bytes, file, 'DOCX', (name) => name === 'word/document.xml' || name === 'docProps/core.xml');
    if (!parts['word/document.xml'])
      throw new ImportError(
        file,
        'is not a readable DOCX file: it has no word/document.xml. Nothing was written.',
        'damaged',
      );
    let html: string;
    try {
      html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }))
        .value;
    } catch (e) {
      throw new ImportError(
        file,
        `is not a readable DOCX file (${e instanceof Error ? e.message : String(e)}). Nothing was written.`,
        'damaged',
      );
    }
    const { doc, body } = parseFragment(html);
    numberNotes(doc);
    const core = parts['docProps/core.xml'];
    return {
      paragraphs: blockParagraphs(body),
      metadata: dublinCore(core && Buffer.from(core).toString('utf8')),
      format: 'DOCX',
      converter: `mammoth ${libraryVersion('mammoth')}`,
      notes: [],
    };
  },
};
