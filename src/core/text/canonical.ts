/**
 * The canonical text that annotation offsets refer to, and a line index over it.
 *
 * Offsets in sidecars are UTF-16 code units (what JavaScript strings and VS Code count) over the file decoded
 * as UTF-8, with a leading BOM removed and CRLF / lone CR turned into LF. Defining offsets over this text means
 * that a checkout converting line endings, or an editor adding a BOM, never moves an annotation.
 */
import { createHash } from 'node:crypto';

const BOM = '\uFEFF';

/** The canonical form of a decoded file: no leading BOM, every line break a single LF. Idempotent. */
export function canonicalText(raw: string): string {
  const noBom = raw.startsWith(BOM) ? raw.slice(1) : raw;
  return noBom.includes('\r') ? noBom.replace(/\r\n?/g, '\n') : noBom;
}

/** `sha256:<hex>` of the UTF-8 bytes of the (canonical) text: which version of the source the offsets refer to. */
export function textHash(canonical: string): string {
  return 'sha256:' + createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** True for the first unit of a surrogate pair (U+D800..U+DBFF). */
export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** True for the second unit of a surrogate pair (U+DC00..U+DFFF). */
export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` falls between the two units of a surrogate pair, i.e. would split one character. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  return isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

/**
 * Line starts of a canonical (LF-only) text, for converting between offsets and 0-based line/character
 * positions. Characters are UTF-16 code units, as in VS Code's `Position`.
 */
export class LineIndex {
  private readonly starts: number[];
  private readonly length: number;

  constructor(text: string) {
    this.length = text.length;
    this.starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** Number of lines; a text ending with LF has a last, empty line (as editors show it). */
  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of the first character of `line` (0-based), clamped to the existing lines. */
  lineStart(line: number): number {
    return this.starts[this.clampLine(line)];
  }

  /** Offset just past the last character of `line`, before its LF. */
  lineEnd(line: number): number {
    const l = this.clampLine(line);
    return l + 1 < this.starts.length ? this.starts[l + 1] - 1 : this.length;
  }

  /** 0-based line and character of an offset, clamped to [0, text length]. */
  positionAt(offset: number): { line: number; character: number } {
    const o = Math.max(0, Math.min(Math.floor(offset), this.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  /** Offset of a 0-based line and character; the character is clamped to the line (a position past its end is its end). */
  offsetAt(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.length;
    const start = this.starts[line];
    return Math.max(start, Math.min(start + Math.floor(character), this.lineEnd(line)));
  }

  private clampLine(line: number): number {
    return Math.max(0, Math.min(Math.floor(line), this.starts.length - 1));
  }
}
