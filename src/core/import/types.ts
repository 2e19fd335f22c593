/**
 * The shapes every converter shares: what a converter returns (the paragraphs of a text as a reader reads
 * them, plus what the format says about its title, author and date), and the one error type for an original
 * that cannot be turned into text. Keeping one interface lets the CLI, the VS Code command and the worker
 * treat PDF, DOCX, ODT, HTML, EPUB and legacy-encoded text alike.
 */

/** What the original itself says about the text, where its format carries it. */
export interface TextMetadata {
  title?: string;
  author?: string;
  /** As the original writes it (an ISO date where the format has one). */
  date?: string;
}

/** How a plain-text original was decoded. */
export interface EncodingReport {
  /** The iconv-lite name used to decode, e.g. 'gb18030', 'windows-1251', 'utf-8'. */
  encoding: string;
  /** 0..1; 1 when the bytes are valid UTF-8 or the encoding was given by the user. */
  confidence: number;
  /** How the encoding was chosen. */
  source: 'bom' | 'utf-8' | 'detected' | 'given';
}

/** A converter's output, before normalisation into the final text. */
export interface Converted {
  /** One entry per paragraph (heading, list item, table row, footnote), each possibly still wrapped. */
  paragraphs: string[];
  metadata: TextMetadata;
  /** The format's name as shown to users, e.g. 'PDF'. */
  format: string;
  /** The library that read the format and its version, e.g. 'pdfjs-dist 5.6.205'. */
  converter: string;
  encoding?: EncodingReport;
  /** Things a coder should know (headers removed, pages without text…). */
  notes: string[];
}

/** Options from the command line or the VS Code command. */
export interface ConvertOptions {
  /** Overrides detection for plain-text originals (an iconv-lite encoding name). */
  encoding?: string;
  /** Progress of long conversions (pages of a PDF), 0..1. */
  onProgress?: (fraction: number, message: string) => void;
}

/** One format: the file name endings it claims, and a lazy loader so its library is read on first use only. */
export interface Converter {
  format: string;
  extensions: readonly string[];
  convert(bytes: Uint8Array, file: string, options: ConvertOptions): Promise<Converted>;
}

/**
 * An original that cannot become text: the message names the file and says what to do. `kind` lets callers
 * react (a low-confidence encoding can be asked about and retried with an explicit encoding).
 */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly kind:
      'unsupported' | 'no-text' | 'encrypted' | 'damaged' | 'encoding-uncertain' | 'conflict' | 'io' = 'damaged',
    readonly candidates: readonly { encoding: string; confidence: number }[] = [],
  ) {
    super(`${file}: ${message}`);
    this.name = 'ImportError';
  }
}
