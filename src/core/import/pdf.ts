/**
 * PDF through Mozilla's PDF.js (pdfjs-dist, the legacy build made for Node): the positioned text runs of each
 * page go to pdfLayout.ts for reading order, headers and paragraphs. PDF.js is loaded on first use only, and
 * runs its parser in this thread (its "fake worker"), because the whole conversion already runs in a worker
 * thread of its own (worker.ts). A PDF without a text layer (a scan) is refused saying OCR is needed and not
 * done here; a password-protected PDF is refused saying so; a damaged one too. Nothing is written for them.
 */
import { ensureDomMatrix } from './domMatrix';
import { pdfParagraphs, type PdfPage, type TextRun } from './pdfLayout';
import { ImportError, type Converter, type TextMetadata } from './types';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

let loaded: Promise<PdfJs> | undefined;

/** PDF.js and its parser, loaded once; the parser is handed over as `pdfjsWorker` so no worker file is fetched. */
function loadPdfJs(): Promise<PdfJs> {
  loaded ??= (async () => {
    ensureDomMatrix(); // before PDF.js evaluates `new DOMMatrix()` (domMatrix.ts says why)
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loaded;
}

/** PDF dates (D:YYYYMMDDHHmmSS…) as ISO dates; other strings as they are. */
export function pdfDate(raw: string): string {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?/.exec(raw);
  if (!m) return raw;
  const [, y, mo = '01', d = '01', h, mi = '00', s = '00'] = m;
  return h === undefined ? `${y}-${mo}-${d}` : `${y}-${mo}-${d}T${h}:${mi}:${s}`;
}

async function metadataOf(doc: PdfDocument): Promise<TextMetadata> {
  const { info } = await doc.getMetadata();
  const fields = (info ?? {}) as Record<string, unknown>;
  const metadata: TextMetadata = {};
  const text = (key: string): string | undefined =>
    typeof fields[key] === 'string' && fields[key].trim() !== '' ? fields[key].trim() : undefined;
  const title = text('Title');
  const author = text('Author');
  const date = text('CreationDate');
  if (title) metadata.title = title;
  if (author) metadata.author = author;
  if (date) metadata.date = pdfDate(date);
  return metadata;
}

async function hasImages(pdfjs: PdfJs, doc: PdfDocument): Promise<boolean> {
  const imageOps = new Set<number>([
    pdfjs.OPS.paintImageXObject,
    pdfjs.OPS.paintInlineImageXObject,
    pdfjs.OPS.paintImageMaskXObject,
  ]);
  for (let n = 1; n <= Math.min(doc.numPages, 5); n++) {
    const ops = await (await doc.getPage(n)).getOperatorList();
    if (ops.fnArray.some((op) => imageOps.has(op))) return true;
  }
  return false;
}

async function openPdf(pdfjs: PdfJs, bytes: Uint8Array, file: string): Promise<PdfDocument> {
  try {
    // a copy: PDF.js transfers (detaches) the buffer it is given
    return await pdfjs.getDocument({
      data: bytes.slice(),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (e) {
    const name = e instanceof Error ? e.name : '';
    if (name === 'PasswordException') {
      throw new ImportError(
        file,
        'is an encrypted PDF that needs a password to open; nothing was written. Save an unprotected copy (for example `qpdf --decrypt --password=… in.pdf out.pdf`) and add that.',
        'encrypted',
      );
    }
    throw new ImportError(
      file,
      `is not a readable PDF (${e instanceof Error ? e.message : String(e)}); nothing was written`,
      'damaged',
    );
  }
}

export const pdfConverter: Converter = {
  format: 'PDF',
  extensions: ['.pdf'],
  async convert(bytes, file, options) {
    const pdfjs = await loadPdfJs();
    const doc = await openPdf(pdfjs, bytes, file);
    try {
      const pages: PdfPage[] = [];
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const [, , width = 0, height = 0] = page.view;
        const content = await page.getTextContent();
        const runs: TextRun[] = [];
        for (const item of content.items) {
          if (!('str' in item) || item.str === '') continue;
          const [a = 0, b = 0, , , x = 0, y = 0] = item.transform as number[];
          runs.push({ str: item.str, x, y, width: item.width, size: Math.hypot(a, b) || item.height });
        }
        pages.push({ width, height, runs });
        page.cleanup();
        options.onProgress?.(n / doc.numPages, `page ${n} of ${doc.numPages}`);
      }
      if (pages.every((p) => p.runs.every((r) => r.str.trim() === ''))) {
        const scanned = await hasImages(pdfjs, doc);
        throw new ImportError(
          file,
          scanned
            ? `has no text layer: its ${doc.numPages} page(s) are images (a scan). OCR is needed and none is done here; run an OCR tool (for example ocrmypdf) and add its result. Nothing was written.`
            : 'contains no text; nothing was written',
          'no-text',
        );
      }
      const { paragraphs, removedRunningLines } = pdfParagraphs(pages);
      const notes =
        removedRunningLines > 0 ? [`${removedRunningLines} running header, footer or page-number line(s) removed`] : [];
      return {
        paragraphs,
        metadata: await metadataOf(doc),
        format: 'PDF',
        converter: `pdfjs-dist ${pdfjs.version}`,
        notes,
      };
    } finally {
      await doc.destroy();
    }
  },
};
