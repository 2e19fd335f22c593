/**
 * Copies of open documents' texts kept in the jobs worker, so that a job over a 10 MB text does not send the
 * text with it: reading it whole costs the extension host 25 ms (getText) and cloning it to the worker 20 ms
 * more, on every index update. A copy is filled once in excerpts (a few milliseconds each, yielding between
 * them), then kept current with each edit, in canonical offsets. A job names a copy by key and version, and is
 * refused when the copy is not at that version, never run on a stale text.
 */
import type { TextEdit } from '../annotations';

/** A document text held by the worker, as a job input names it. */
export interface TextRef {
  mirror: string;
  version: number;
}

export function isTextRef(x: unknown): x is TextRef {
  return typeof x === 'object' && x !== null && typeof (x as TextRef).mirror === 'string';
}

export type MirrorMessage =
  | { mirror: 'begin'; key: string }
  | { mirror: 'append'; key: string; text: string }
  | { mirror: 'end'; key: string; version: number }
  | { mirror: 'edit'; key: string; version: number; edits: TextEdit[] }
  | { mirror: 'drop'; key: string };

interface Copy {
  parts: string[];
  text: string | undefined;
  /** undefined while the copy is being filled. */
  version: number | undefined;
}

export class TextMirrors {
  private readonly copies = new Map<string, Copy>();

  apply(m: MirrorMessage): void {
    if (m.mirror === 'begin') this.copies.set(m.key, { parts: [], text: undefined, version: undefined });
    else if (m.mirror === 'drop') this.copies.delete(m.key);
    else {
      const copy = this.copies.get(m.key);
      if (!copy) return;
      if (m.mirror === 'append') copy.parts.push(m.text);
      else if (m.mirror === 'end') {
        copy.text = copy.parts.join('');
        copy.parts = [];
        copy.version = m.version;
      } else if (copy.text !== undefined) {
        let text = copy.text;
        for (const e of m.edits) text = text.slice(0, e.start) + e.text + text.slice(e.end);
        copy.text = text;
        copy.version = m.version;
      }
    }
  }

  /** The text a reference names; throws when the copy is missing or at another version. */
  resolve(ref: TextRef): string {
    const copy = this.copies.get(ref.mirror);
    if (copy?.text === undefined || copy.version !== ref.version)
      throw new MirrorMissing(
        `no copy of ${ref.mirror} at version ${ref.version} (${copy ? `at ${copy.version ?? 'filling'}` : 'none'})`,
      );
    return copy.text;
  }
}

/** A job named a text the worker does not hold (as it is now): the caller reads the text itself. */
export class MirrorMissing extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MirrorMissing';
  }
}
