/**
 * Bytes to text for every file the safe reader returns. One function, so that the strict UTF-8 decoder
 * (invalid bytes and NUL refused with file:line:column, issue 12) replaces this plain decoding in one place.
 */

/** The text of a file's bytes; a BOM is kept (canonicalText and the YAML reader deal with it). */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}
