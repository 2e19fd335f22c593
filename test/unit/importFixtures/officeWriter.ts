/**
 * Small writers of DOCX, ODT and EPUB fixtures (ZIPs of hand-written XML, built with fflate), so the tests
 * make their originals themselves: headings, paragraphs, a footnote, a table, and Dublin Core metadata.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export type DocBlock = { heading: string } | { paragraph: string; footnote?: string } | { table: string[][] };

function zip(files: Record<string, string>, first?: string): Uint8Array {
  const entries: Zippable = {};
  if (first) entries[first] = [strToU8(files[first] ?? ''), { level: 0 }];
  for (const [name, text] of Object.entries(files)) if (name !== first) entries[name] = strToU8(text);
  return zipSync(entries);
}

const W =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A DOCX whose body is `blocks` (headings use the built-in Heading1 style; footnotes are real footnotes). */
export function makeDocx(
  blocks: readonly DocBlock[],
  meta: { title: string; author: string; created: string },
): Uint8Array {
  const notes: string[] = [];
  const run = (t: string): string => `<w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r>`;
  const body = blocks
    .map((b) => {
      if ('heading' in b) return `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>${run(b.heading)}</w:p>`;
      if ('table' in b)
        return `<w:tbl>${b.table.map((row) => `<w:tr>${row.map((c) => `<w:tc><w:p>${run(c)}</w:p></w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;
      let ref = '';
      if (b.footnote) {
        notes.push(b.footnote);
        ref = `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${notes.length}"/></w:r>`;
      }
      return `<w:p>${run(b.paragraph)}${ref}</w:p>`;
    })
    .join('');
  const footnotes = notes.map((n, i) => `<w:footnote w:id="${i + 1}"><w:p>${run(n)}</w:p></w:footnote>`).join('');
  return zip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
    'word/_rels/document.xml.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
    'word/footnotes.xml': `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>${footnotes}</w:footnotes>`,
    'docProps/core.xml': `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${esc(meta.title)}</dc:title><dc:creator>${esc(meta.author)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${meta.created}</dcterms:created></cp:coreProperties>`,
  });
}

/** An ODT with the same kinds of blocks (footnotes as text:note inside the paragraph). */
export function makeOdt(
  blocks: readonly DocBlock[],
  meta: { title: string; author: string; created: string },
): Uint8Array {
  let n = 0;
  const body = blocks
    .map((b) => {
      if ('heading' in b) return `<text:h text:outline-level="1">${esc(b.heading)}</text:h>`;
      if ('table' in b)
        return `<table:table>${b.table.map((row) => `<table:table-row>${row.map((c) => `<table:table-cell><text:p>${esc(c)}</text:p></table:table-cell>`).join('')}</table:table-row>`).join('')}</table:table>`;
      const note = b.footnote
        ? `<text:note text:note-class="footnote"><text:note-citation>${++n}</text:note-citation><text:note-body><text:p>${esc(b.footnote)}</text:p></text:note-body></text:note>`
        : '';
      return `<text:p>${esc(b.paragraph)}${note}</text:p>`;
    })
    .join('');
  const ns =
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"';
  return zip(
    {
      mimetype: 'application/vnd.oasis.opendocument.text',
      'META-INF/manifest.xml':
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
      'content.xml': `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ns}><office:body><office:text><text:sequence-decls/>${body}</office:text></office:body></office:document-content>`,
      'meta.xml': `<?xml version="1.0" encoding="UTF-8"?><office:document-meta ${ns}><office:meta><dc:title>${esc(meta.title)}</dc:title><meta:initial-creator>${esc(meta.author)}</meta:initial-creator><meta:creation-date>${meta.created}</meta:creation-date></office:meta></office:document-meta>`,
    },
    'mimetype',
  );
}

/** An EPUB 3 with one XHTML chapter per entry of `chapters` (each a list of paragraphs, the first a heading). */
export function makeEpub(
  chapters: readonly string[][],
  meta: { title: string; author: string; date: string },
): Uint8Array {
  const files: Record<string, string> = {
    mimetype: 'application/epub+zip',
    'META-INF/container.xml':
      '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
  };
  const items: string[] = [];
  const refs: string[] = [];
  // the spine lists chapters in reverse file-name order, so a reader that ignores the spine gets them wrong
  chapters.forEach((paragraphs, i) => {
    const [heading = '', ...rest] = paragraphs;
    files[`OEBPS/text/ch${chapters.length - i}.xhtml`] =
      `<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>${esc(heading)}</title></head><body><h1>${esc(heading)}</h1>${rest.map((p) => `<p>${esc(p)}</p>`).join('')}</body></html>`;
    items.push(`<item id="c${i}" href="text/ch${chapters.length - i}.xhtml" media-type="application/xhtml+xml"/>`);
    refs.push(`<itemref idref="c${i}"/>`);
  });
  files['OEBPS/content.opf'] =
    `<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">urn:uuid:00000000-0000-4000-8000-000000000000</dc:identifier><dc:title>${esc(meta.title)}</dc:title><dc:creator>${esc(meta.author)}</dc:creator><dc:date>${meta.date}</dc:date><dc:language>en</dc:language></metadata><manifest>${items.join('')}</manifest><spine>${refs.join('')}</spine></package>`;
  return zip(files, 'mimetype');
}
