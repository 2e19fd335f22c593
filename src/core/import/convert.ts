/**
 * The one entry to conversion: picks the converter for an original by its name and first bytes (a PDF saved
 * as .txt is still read as a PDF; a ZIP is never decoded as text) and turns its output into the final text
 * (paragraphs.ts). Formats without a well-kept library (RTF, legacy .doc) are refused with what to do instead.
 */
import { extname } from 'node:path';
import { docxConverter } from './docx';
import { epubConverter } from './epub';
import { htmlConverter } from './html';
import { odtConverter } from './odt';
import { joinParagraphs } from './paragraphs';
import { pdfConverter } from './pdf';
import { plainTextConverter } from './plainText';
import { ImportError, type ConvertOptions, type Converted, type Converter } from './types';

export const CONVERTERS: readonly Converter[] = [
  pdfConverter,
  docxConverter,
  odtConverter,
  epubConverter,
  htmlConverter,
  plainTextConverter,
];

/** Formats we are asked for but do not read, and what the user can do. */
const REFUSED: Record<string, string> = {
  '.rtf':
    'RTF is not read: no well-kept RTF library exists on npm. Save it as DOCX or ODT in a word processor and add that.',
  '.doc': 'the old binary Word format (.doc) is not read. Save it as DOCX in Word or LibreOffice and add that.',
  '.pages': 'Apple Pages files are not read. Export it as DOCX and add that.',
};

/** The file name endings that `sovcode add` and the VS Code command accept. */
export const IMPORTABLE_EXTENSIONS: readonly string[] = CONVERTERS.flatMap((c) => c.extensions);

function startsWith(bytes: Uint8Array, ascii: string): boolean {
  for (let i = 0; i < ascii.length; i++) if (bytes[i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/** The converter for an original: by its first bytes where they are unmistakable, else by its name. */
export function converterFor(file: string, bytes: Uint8Array): Converter {
  const ext = extname(file).toLowerCase();
  const refused = REFUSED[ext];
  if (refused) throw new ImportError(file, refused, 'unsupported');
  if (startsWith(bytes, '%PDF-')) return pdfConverter;
  const byName = CONVERTERS.find((c) => c.extensions.includes(ext));
  if (startsWith(bytes, 'PK\u0003\u0004') && (!byName || byName === plainTextConverter || byName === htmlConverter)) {
    throw new ImportError(
      file,
      'is a ZIP archive, not a text; name it .docx, .odt or .epub if it is one of those',
      'unsupported',
    );
  }
  if (startsWith(bytes, '{\\rtf')) throw new ImportError(file, REFUSED['.rtf'] ?? 'RTF is not read', 'unsupported');
  if (byName) return byName;
  throw new ImportError(
    file,
    `has an unknown format (${ext || 'no extension'}); texts can be added from ${IMPORTABLE_EXTENSIONS.join(', ')}`,
    'unsupported',
  );
}

export interface Conversion extends Converted {
  /** The text to code: UTF-8 content, NFC, LF, one paragraph per line. */
  text: string;
}

/** Converts an original's bytes into the text to code. */
export async function convertOriginal(
  file: string,
  bytes: Uint8Array,
  options: ConvertOptions = {},
): Promise<Conversion> {
  const converter = converterFor(file, bytes);
  const converted = await converter.convert(bytes, file, options);
  const text = joinParagraphs(converted.paragraphs);
  if (text.trim() === '')
    throw new ImportError(
      file,
      `contains no text once converted from ${converted.format}; nothing was written`,
      'no-text',
    );
  return { ...converted, text };
}
