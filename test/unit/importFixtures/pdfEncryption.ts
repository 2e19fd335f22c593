/**
 * Real PDF encryption for test fixtures, written by hand from the PDF specification (ISO 32000-1, 7.6.3,
 * algorithms 2, 3, 4 and 1: the Standard security handler, revision 2, RC4 with a 40-bit key), so that an
 * encrypted PDF is made in the test rather than downloaded: the file key comes from the user password, the
 * owner entry and the file id; every string and stream of every object is encrypted with a key of its own.
 * With an empty user password any reader opens it (the common "protected" paper that forbids printing); with
 * another one a reader needs the password. PDF.js decrypting our fixture to the text we wrote shows the
 * encryption is the real thing, not a dictionary that only says so.
 */
import { createHash } from 'node:crypto';

/** The padding string of algorithm 2, step a. */
const PADDING = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');
/** Permissions: everything but printing and copying allowed (bits 3 and 5 clear), as a signed 32-bit integer. */
export const PERMISSIONS = -44;

export interface PdfPasswords {
  user: string;
  owner: string;
}

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + (s[i] ?? 0) + (key[i % key.length] ?? 0)) & 255;
    [s[i], s[j]] = [s[j] ?? 0, s[i] ?? 0];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + (s[i] ?? 0)) & 255;
    [s[i], s[j]] = [s[j] ?? 0, s[i] ?? 0];
    out[n] = (data[n] ?? 0) ^ (s[((s[i] ?? 0) + (s[j] ?? 0)) & 255] ?? 0);
  }
  return out;
}

const md5 = (...parts: Buffer[]): Buffer => createHash('md5').update(Buffer.concat(parts)).digest();

function padded(password: string): Buffer {
  return Buffer.concat([Buffer.from(password, 'latin1'), PADDING]).subarray(0, 32);
}

/** The encryption dictionary's entries and the file key, for a file whose first id is `id` (hex). */
export function standardSecurity(passwords: PdfPasswords, id: string): { dictionary: string; key: Buffer } {
  const ownerKey = md5(padded(passwords.owner || passwords.user)).subarray(0, 5); // algorithm 3
  const o = rc4(ownerKey, padded(passwords.user));
  const p = Buffer.alloc(4);
  p.writeInt32LE(PERMISSIONS);
  const key = md5(padded(passwords.user), o, p, Buffer.from(id, 'hex')).subarray(0, 5); // algorithm 2
  const u = rc4(key, PADDING); // algorithm 4
  const dictionary = `<< /Filter /Standard /V 1 /R 2 /Length 40 /P ${PERMISSIONS} /O <${o.toString('hex')}> /U <${u.toString('hex')}> >>`;
  return { dictionary, key };
}

/** Algorithm 1: the key of object `num` (generation 0). */
function objectKey(key: Buffer, num: number): Buffer {
  const suffix = Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0]);
  return md5(key, suffix).subarray(0, Math.min(key.length + 5, 16));
}

function unescapeLiteral(s: string): Buffer {
  return Buffer.from(s.slice(1, -1).replace(/\\(.)/g, '$1'), 'latin1');
}

/**
 * Object `num`'s body (latin1) with its literal strings (outside a stream) and its stream data encrypted.
 * RC4 keeps the length, so a stream's /Length stays right.
 */
export function encryptObject(body: string, num: number, key: Buffer): string {
  const k = objectKey(key, num);
  const at = body.indexOf('\nstream\n');
  const dict = at < 0 ? body : body.slice(0, at);
  const encryptedDict = dict.replace(
    /\((?:\\.|[^\\)])*\)/g,
    (literal) => `<${rc4(k, unescapeLiteral(literal)).toString('hex')}>`,
  );
  if (at < 0) return encryptedDict;
  const start = at + '\nstream\n'.length;
  const end = body.lastIndexOf('\nendstream');
  const data = rc4(k, Buffer.from(body.slice(start, end), 'latin1')).toString('latin1');
  return `${encryptedDict}\nstream\n${data}${body.slice(end)}`;
}
