/**
 * A DOM (from linkedom) read as a reader reads it: one paragraph per block element (paragraph, heading, list
 * item, table row, caption…), inline text run together, a `<br>` ending a line, and scripts, styles and
 * navigation left out. DOCX (through mammoth's HTML), ODT, EPUB and web pages all end here, so a table row or
 * a footnote comes out the same whatever the original's format.
 */

import type { DomNode } from './dom';

const ELEMENT = 1;
const TEXT = 3;
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'NAV',
  'HEAD',
  'SVG',
  'BUTTON',
  'FORM',
  'IFRAME',
  'OBJECT',
]);
const BLOCKS = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'DT',
  'DD',
  'BLOCKQUOTE',
  'PRE',
  'FIGCAPTION',
  'CAPTION',
  'DIV',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'MAIN',
  'UL',
  'OL',
  'DL',
  'TABLE',
  'TBODY',
  'THEAD',
  'TFOOT',
  'FIGURE',
  'ADDRESS',
  'HR',
  'BODY',
  'HTML',
  // OpenDocument (ODT content.xml)
  'TEXT:P',
  'TEXT:H',
  'TEXT:LIST',
  'TEXT:LIST-ITEM',
  'TEXT:SECTION',
  'OFFICE:TEXT',
  'OFFICE:BODY',
  'TABLE:TABLE',
]);
/** Separates the cells of a table row on its one line. */
export const CELL_SEPARATOR = ' | ';

function upperName(node: DomNode): string {
  return node.nodeName.toUpperCase();
}

/** The text of a table row, cell by cell. */
function rowText(row: DomNode): string {
  const cells: string[] = [];
  for (const cell of Array.from(row.childNodes)) {
    const name = upperName(cell);
    if (cell.nodeType === ELEMENT && (name === 'TD' || name === 'TH' || name === 'TABLE:TABLE-CELL')) {
      cells.push(blockParagraphs(cell).join(' '));
    }
  }
  return cells.join(CELL_SEPARATOR);
}

/** Collects paragraphs below `root`. */
export function blockParagraphs(root: DomNode): string[] {
  const out: string[] = [];
  let inline = '';
  const flush = (): void => {
    if (inline.trim() !== '') out.push(inline.replace(/\s+/g, ' ').trim());
    inline = '';
  };
  const visit = (node: DomNode): void => {
    if (node.nodeType === TEXT) {
      inline += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT) return;
    const name = upperName(node);
    if (SKIPPED.has(name)) return;
    if (name === 'BR' || name === 'TEXT:LINE-BREAK') return flush();
    if (name === 'TEXT:TAB' || name === 'TEXT:S') {
      inline += ' ';
      return;
    }
    if (name === 'TR' || name === 'TABLE:TABLE-ROW') {
      flush();
      const row = rowText(node);
      if (row.trim() !== '') out.push(row);
      return;
    }
    const block = BLOCKS.has(name);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) visit(child);
    if (block) flush();
  };
  visit(root);
  flush();
  return out;
}
