/**
 * Bytes to text for the source texts the safe reader returns, decoded as an editor does (invalid bytes become
 * U+FFFD, so that offsets agree with VS Code's). Sidecars and codebooks are not decoded here: their bytes go
 * to the strict decoder of core/input/utf8.ts (through parseSidecarBytes / parseCodebookBytes), which refuses
 * invalid UTF-8 and NUL bytes with file:line:column.
 */
import { decodeUtf8Lenient } from '../input/utf8';

/** The text of a source file's bytes; a BOM is kept (canonicalText deals with it). */
export function decodeText(bytes: Uint8Array): string {
  return decodeUtf8Lenient(bytes);
}
