/**
 * Decoding plain-text originals: a BOM or valid UTF-8 decides at once; otherwise jschardet proposes
 * encodings with confidences and iconv-lite decodes each. Detectors are unsure between relatives (Windows-1251
 * and MacCyrillic share the lower-case letters), so candidates are also judged by how plausible their decoding
 * reads (no replacement characters, controls, stray symbols or capitals inside words). The choice is never
 * silent: the encoding and its confidence are reported, and when the two best decodings differ and neither
 * clearly wins, an 'encoding-uncertain' error lists the candidates so the caller can ask (or `--encoding`).
 */
import iconv from 'iconv-lite';
import jschardet from 'jschardet';
import { ImportError, type EncodingReport } from './types';

/** Below this detector confidence a guess is not taken without asking. */
export const MIN_CONFIDENCE = 0.3;
/** The best decoding must beat the next different one by this much (confidence minus oddity) to be taken. */
const MIN_MARGIN = 0.15;
/** How many bytes the detector reads: enough for a stable guess, bounded for 100 MB files. */
const SAMPLE_BYTES = 256 * 1024;

/** jschardet's names → iconv-lite's; GB2312 is read as its superset GB18030. */
function iconvName(detected: string): string {
  const name = detected.toLowerCase();
  if (name === 'ascii') return 'utf-8';
  if (name === 'gb2312' || name === 'gbk') return 'gb18030';
  return name;
}

/** Share of characters that a real text in that encoding would hardly contain. */
export function oddity(text: string): number {
  if (text.length === 0) return 0;
  const odd = text.match(/[\ufffd\u0080-\u009f\p{Co}]|[^\s\p{L}\p{N}\p{P}$€£¥₽+<=>|~^`]|(?<=\p{Ll})\p{Lu}/gu);
  return (odd?.length ?? 0) / text.length;
}

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false; // the fatal decoder's way of saying "not UTF-8"; the detector takes over
  }
}

function decode(bytes: Uint8Array, encoding: string): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: true });
}

/** The text of a plain-text original and how it was decoded, or an ImportError saying why it was not. */
export function decodeText(bytes: Uint8Array, file: string, given?: string): { text: string; report: EncodingReport } {
  if (given !== undefined) {
    const name: string = given; // encodingExists narrows its argument, so the message keeps its own copy
    if (!iconv.encodingExists(given))
      throw new ImportError(
        file,
        `unknown encoding '${name}' (use a name such as gb18030, big5, windows-1251, koi8-r, utf-16le)`,
        'unsupported',
      );
    return { text: decode(bytes, given), report: { encoding: given.toLowerCase(), confidence: 1, source: 'given' } };
  }
  const bom = bomEncoding(bytes);
  if (bom) return { text: decode(bytes, bom), report: { encoding: bom, confidence: 1, source: 'bom' } };
  if (isValidUtf8(bytes)) {
    if (bytes.includes(0))
      throw new ImportError(
        file,
        'contains NUL bytes: it is not a text file (or UTF-16 without a byte-order mark: give --encoding utf-16le)',
        'unsupported',
      );
    return { text: decode(bytes, 'utf-8'), report: { encoding: 'utf-8', confidence: 1, source: 'utf-8' } };
  }
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const seen = new Map<string, { encoding: string; confidence: number; text: string; score: number }>();
  for (const guess of jschardet.detectAll(sample, { minimumThreshold: 0.05 })) {
    if (!guess.encoding) continue;
    const encoding = iconvName(guess.encoding);
    if (!iconv.encodingExists(encoding) || seen.has(encoding)) continue;
    const text = decode(sample, encoding);
    seen.set(encoding, { encoding, confidence: guess.confidence, text, score: guess.confidence - 10 * oddity(text) });
  }
  const ranked = [...seen.values()].sort((a, b) => b.score - a.score);
  const best = ranked[0];
  const candidates = ranked.map((c) => ({ encoding: c.encoding, confidence: Math.round(c.confidence * 100) / 100 }));
  if (!best)
    throw new ImportError(
      file,
      'is not UTF-8 and its encoding could not be detected; give it with --encoding',
      'encoding-uncertain',
      candidates,
    );
  const rival = ranked.find((c) => c.text !== best.text);
  if (best.confidence < MIN_CONFIDENCE || (rival && best.score - rival.score < MIN_MARGIN)) {
    const list = candidates
      .slice(0, 3)
      .map((c) => `${c.encoding} (${Math.round(c.confidence * 100)}%)`)
      .join(', ');
    throw new ImportError(
      file,
      `its encoding is uncertain: ${list}; nothing was written. Give the right one with --encoding.`,
      'encoding-uncertain',
      candidates,
    );
  }
  return {
    text: decode(bytes, best.encoding),
    report: { encoding: best.encoding, confidence: Math.round(best.confidence * 100) / 100, source: 'detected' },
  };
}
