/**
 * Strict UTF-8 decoding of the files we read and write back (sidecars, codebooks). A lenient decoder turns
 * every invalid byte into U+FFFD, and the next save then writes the replacement characters over the user's
 * bytes: silent corruption. So these files are decoded with `fatal: true`, and a file that is not valid UTF-8,
 * or that holds a NUL byte (never part of a text file, and a sign of a binary or a UTF-16 file), is refused
 * with the line and column of the first bad byte. The decoder only reports which bytes are wrong (in hex),
 * never the text around them, so a message cannot disclose a file that is not ours.
 */
import type { Problem } from './problems';

export type DecodedFile = { ok: true; text: string } | { ok: false; problem: Problem };

/** Keeps a leading BOM in the text (as node's 'utf8' does), so that decoding and encoding again gives the same bytes. */
const STRICT = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const LENIENT = new TextDecoder('utf-8', { ignoreBOM: true });

/** The first malformed sequence of a byte string: where it starts, how many bytes it spans, and why it is malformed. */
export interface Utf8Fault {
  offset: number;
  length: number;
  reason: string;
}

/**
 * The byte range the second byte of a sequence led by `lead` must fall in (Unicode Table 3-7), or undefined
 * when `lead` cannot start a sequence. The narrow ranges exclude overlong forms (E0, F0), the encoded
 * surrogates U+D800..U+DFFF (ED) and code points above U+10FFFF (F4).
 */
function secondByteRange(lead: number): [number, number, number] | undefined {
  if (lead >= 0xc2 && lead <= 0xdf) return [0x80, 0xbf, 2];
  if (lead === 0xe0) return [0xa0, 0xbf, 3];
  if (lead === 0xed) return [0x80, 0x9f, 3];
  if (lead >= 0xe1 && lead <= 0xef) return [0x80, 0xbf, 3];
  if (lead === 0xf0) return [0x90, 0xbf, 4];
  if (lead >= 0xf1 && lead <= 0xf3) return [0x80, 0xbf, 4];
  if (lead === 0xf4) return [0x80, 0x8f, 4];
  return undefined;
}

function leadFault(lead: number): string {
  if (lead >= 0x80 && lead <= 0xbf) return 'a continuation byte with no character to continue';
  if (lead === 0xc0 || lead === 0xc1) return 'an overlong encoding (a character written with more bytes than it needs)';
  return 'a byte that never occurs in UTF-8';
}

function secondFault(lead: number): string {
  if (lead === 0xe0 || lead === 0xf0) return 'an overlong encoding (a character written with more bytes than it needs)';
  if (lead === 0xed) return 'an encoded surrogate (U+D800..U+DFFF are not characters in UTF-8)';
  if (lead === 0xf4) return 'a code point above U+10FFFF';
  return 'a character cut short (a continuation byte is missing)';
}

/** The first NUL byte or malformed UTF-8 sequence from `from` on, or undefined when the bytes are clean. */
export function findUtf8Fault(bytes: Uint8Array, from = 0): Utf8Fault | undefined {
  for (let i = from; i < bytes.length;) {
    const lead = bytes[i] ?? 0;
    if (lead === 0) return { offset: i, length: 1, reason: 'a NUL byte (this is not a text file)' };
    if (lead < 0x80) {
      i++;
      continue;
    }
    const range = secondByteRange(lead);
    if (range === undefined) return { offset: i, length: 1, reason: leadFault(lead) };
    const [low, high, size] = range;
    if (i + 1 >= bytes.length) return { offset: i, length: 1, reason: 'a character cut off by the end of the file' };
    const second = bytes[i + 1] ?? 0;
    // A byte that is no continuation byte starts the next character and is not part of the fault.
    if (second < 0x80 || second > 0xbf)
      return { offset: i, length: 1, reason: 'a character cut short (a continuation byte is missing)' };
    if (second < low || second > high) return { offset: i, length: 2, reason: secondFault(lead) };
    for (let k = 2; k < size; k++) {
      if (i + k >= bytes.length) return { offset: i, length: k, reason: 'a character cut off by the end of the file' };
      const next = bytes[i + k] ?? 0;
      if (next < 0x80 || next > 0xbf)
        return { offset: i, length: k, reason: 'a character cut short (a continuation byte is missing)' };
    }
    i += size;
  }
  return undefined;
}

/** 1-based line and column (in UTF-16 units, as Problem counts them) of a byte offset; the bytes before it are valid. */
function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < offset; i = bytes.indexOf(0x0a, i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const before = LENIENT.decode(bytes.subarray(lineStart, offset));
  // an editor does not show a BOM, so it takes no column
  return { line, column: (lineStart === 0 && before.startsWith('\uFEFF') ? before.length - 1 : before.length) + 1 };
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
}

/** Counts the further faults after the first one, so a message can say how much of the file is affected. */
function countFaults(bytes: Uint8Array, first: Utf8Fault, limit: number): number {
  let count = 0;
  for (
    let f = findUtf8Fault(bytes, first.offset + first.length);
    f !== undefined && count < limit;
    f = findUtf8Fault(bytes, f.offset + f.length)
  )
    count++;
  return count;
}

/**
 * Decodes a sidecar or codebook strictly. `what` names the kind of file in the message ("annotation file",
 * "codebook"). The problem is an error at the first bad byte; nothing of the file's text is quoted.
 */
export function decodeUtf8File(bytes: Uint8Array, file: string, what: string): DecodedFile {
  if (bytes.indexOf(0) === -1) {
    try {
      return { ok: true, text: STRICT.decode(bytes) };
    } catch (e) {
      if (!(e instanceof TypeError)) throw e; // TextDecoder reports malformed input as a TypeError; locate it below
    }
  }
  const fault = findUtf8Fault(bytes);
  if (fault === undefined) throw new Error(`${file}: the UTF-8 decoder refused bytes that the checker accepts`);
  const { line, column } = positionOfByte(bytes, fault.offset);
  const more = countFaults(bytes, fault, 1000);
  const further = more === 0 ? '' : `, and ${more >= 1000 ? 'over 1000' : more} more further on`;
  const message = `not valid UTF-8: byte${fault.length > 1 ? 's' : ''} ${hex(bytes.subarray(fault.offset, fault.offset + fault.length))} ${fault.length > 1 ? 'are' : 'is'} ${fault.reason}${further}. The ${what} is not read, so that it is never saved over; re-save it as UTF-8 in an editor that shows the bad bytes`;
  return { ok: false, problem: { file, line, column, message, severity: 'error' } };
}

/** Decodes a source text as an editor does: invalid bytes become U+FFFD (its offsets are over that text). */
export function decodeUtf8Lenient(bytes: Uint8Array): string {
  return LENIENT.decode(bytes);
}
