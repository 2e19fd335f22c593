/** The plain-text converter: any common encoding decoded (encoding.ts), the wrap of blank-line paragraphs undone. */
import { decodeText } from './encoding';
import { plainTextParagraphs } from './paragraphs';
import type { Converter } from './types';
import { libraryVersion } from './versions';

export const plainTextConverter: Converter = {
  format: 'plain text',
  extensions: ['.txt', '.text', '.md'],
  convert(bytes, file, options) {
    const { text, report } = decodeText(bytes, file, options.encoding);
    const notes =
      report.source === 'detected'
        ? [`encoding detected as ${report.encoding} with confidence ${Math.round(report.confidence * 100)}%`]
        : [];
    return Promise.resolve({
      paragraphs: plainTextParagraphs(text),
      metadata: {},
      format: 'plain text',
      converter: `iconv-lite ${libraryVersion('iconv-lite')} + jschardet ${libraryVersion('jschardet')}`,
      encoding: report,
      notes,
    });
  },
};
