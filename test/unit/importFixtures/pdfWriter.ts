/**
 * A small PDF writer for test fixtures, so that no PDF is downloaded or checked in: pages of positioned
 * Helvetica text (ASCII), an optional image-only page (a scan without a text layer), document info, and real
 * encryption (pdfEncryption.ts: the Standard security handler; with a user password PDF.js asks for it, as for
 * any protected paper). Byte offsets in the cross-reference table are computed, so PDF.js reads the file without repair.
 */
import { encryptObject, standardSecurity, type PdfPasswords } from './pdfEncryption';

export interface PlacedText {
  x: number;
  y: number;
  size: number;
  text: string;
}

export interface PdfSpec {
  pages: { texts?: PlacedText[]; image?: boolean }[];
  info?: { Title?: string; Author?: string; CreationDate?: string };
  /** Encrypts the file (Standard security handler, RC4 40-bit); `true`: a user password the reader does not have. */
  encrypted?: boolean | PdfPasswords;
  width?: number;
  height?: number;
}

function pdfString(s: string): string {
  return `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

function contentStream(texts: readonly PlacedText[], image: boolean): string {
  const ops = texts.map((t) => `BT /F1 ${t.size} Tf 1 0 0 1 ${t.x} ${t.y} Tm ${pdfString(t.text)} Tj ET`);
  if (image) ops.push('q 400 0 0 600 100 100 cm /Im1 Do Q');
  return ops.join('\n');
}

/** The PDF file's bytes. */
export function makePdf(spec: PdfSpec): Uint8Array {
  const width = spec.width ?? 595;
  const height = spec.height ?? 842;
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const catalog = add('');
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const pixels = 'f'.repeat(16);
  const imageObj = add(
    `<< /Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /ASCIIHexDecode /Length ${pixels.length + 1} >>\nstream\n${pixels}>\nendstream`,
  );
  const kids: number[] = [];
  for (const page of spec.pages) {
    const content = contentStream(page.texts ?? [], page.image ?? false);
    const stream = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${width} ${height}] /Contents ${stream} 0 R /Resources << /Font << /F1 ${font} 0 R >> /XObject << /Im1 ${imageObj} 0 R >> >> >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const info = spec.info
    ? add(
        `<< ${Object.entries(spec.info)
          .map(([k, v]) => `/${k} ${pdfString(v)}`)
          .join(' ')} >>`,
      )
    : undefined;
  const id = '0123456789abcdef0123456789abcdef';
  const passwords = spec.encrypted === true ? { user: 'not-given-to-readers', owner: 'fixture-owner' } : spec.encrypted;
  const security = passwords ? standardSecurity(passwords, id) : undefined;
  if (security) objects.forEach((body, i) => (objects[i] = encryptObject(body, i + 1, security.key)));
  const encrypt = security ? add(security.dictionary) : undefined;
  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${info ? ` /Info ${info} 0 R` : ''}${encrypt ? ` /Encrypt ${encrypt} 0 R` : ''} /ID [<${id}> <${id}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** Helvetica's average advance per character, as a share of the font size: enough to lay out lines. */
const AVERAGE_ADVANCE = 0.5;

/**
 * Lays out paragraphs of words into lines of at most `width` points starting at (x, top), leading 1.2 × size,
 * a blank line's gap between paragraphs; a paragraph may force a hyphenated break by containing '-\n'.
 */
export function layoutColumn(
  paragraphs: readonly string[],
  x: number,
  top: number,
  width: number,
  size: number,
): PlacedText[] {
  const placed: PlacedText[] = [];
  let y = top;
  const perLine = Math.floor(width / (size * AVERAGE_ADVANCE));
  for (const p of paragraphs) {
    for (const forced of p.split('\n')) {
      let line = '';
      for (const word of forced.split(' ')) {
        if (line !== '' && line.length + 1 + word.length > perLine) {
          placed.push({ x, y, size, text: line });
          y -= size * 1.2;
          line = word;
        } else line = line === '' ? word : `${line} ${word}`;
      }
      placed.push({ x, y, size, text: line });
      y -= size * 1.2;
    }
    y -= size * 1.2;
  }
  return placed;
}
