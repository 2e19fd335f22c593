/**
 * ODT (OpenDocument text, LibreOffice's format): content.xml read directly, as there is no well-kept ODT
 * text library on npm and the format is plain XML in a ZIP. Paragraphs, headings, list items and table rows
 * become lines (blocks.ts); a footnote's body is moved out of its paragraph to the end of the text, its number
 * left in place ("[1]"), so the paragraph reads on. Title, author and date come from meta.xml.
 */
import { blockParagraphs } from './blocks';
import { parseXmlDocument, type DomDocument } from './dom';
import { dublinCore } from './officeMetadata';
import { ImportError, type Converter } from './types';
import { libraryVersion } from './versions';
import { entryText, readZip } from './zip';

/** Replaces each note by its citation and returns the notes' paragraphs, numbered. */
function extractNotes(doc: DomDocument): string[] {
  const notes: string[] = [];
  for (const note of Array.from(doc.getElementsByTagName('text:note'))) {
    const citation =
      note.getElementsByTagName('text:note-citation')[0]?.textContent?.trim() ?? String(notes.length + 1);
    const body = note.getElementsByTagName('text:note-body')[0];
    const text = body ? blockParagraphs(body).join(' ') : '';
    notes.push(`[${citation}] ${text}`);
    note.replaceWith(doc.createTextNode(`[${citation}]`));
  }
  return notes;
}

/** Parts that carry no running text: comments, change tracking, declarations. */
function removeApparatus(doc: DomDocument): void {
  for (const name of ['office:annotation', 'text:tracked-changes', 'text:sequence-decls', 'office:forms']) {
    for (const el of Array.from(doc.getElementsByTagName(name))) el.remove();
  }
}

export const odtConverter: Converter = {
  format: 'ODT',
  extensions: ['.odt'],
  convert(bytes, file) {
    const parts = readZip(
      bytes,
      file,
      'ODT',
      (name) => name === 'content.xml' || name === 'meta.xml' || name === 'mimetype',
    );
    const mimetype = parts.mimetype && Buffer.from(parts.mimetype).toString('utf8').trim();
    if (mimetype && mimetype !== 'application/vnd.oasis.opendocument.text') {
      throw new ImportError(
        file,
        `is an OpenDocument file of type ${mimetype}, not a text document; nothing was written`,
        'unsupported',
      );
    }
    const doc = parseXmlDocument(entryText(parts, 'content.xml', file, 'ODT'));
    const text = doc.getElementsByTagName('office:text')[0];
    if (!text)
      throw new ImportError(
        file,
        'is not a readable ODT file: content.xml has no office:text. Nothing was written.',
        'damaged',
      );
    removeApparatus(doc);
    const notes = extractNotes(doc);
    const meta = parts['meta.xml'];
    return Promise.resolve({
      paragraphs: [...blockParagraphs(text), ...notes],
      metadata: dublinCore(meta && Buffer.from(meta).toString('utf8')),
      format: 'ODT',
      converter: `sovereignty-coder ODT reader (fflate ${libraryVersion('fflate')}, linkedom ${libraryVersion('linkedom')})`,
      notes: [],
    });
  },
};
