/**
 * Stable ids of disagreements, so that a decisions file written today names the same disagreement tomorrow, in
 * the CLI and in VS Code alike. The id is a hash of the ids of the annotations in the cluster, sorted: it does
 * not depend on offsets (which move when the text is edited), on which coder is named first, or on the path a
 * text is reached by (the CLI's is relative to the current folder, VS Code's to the workspace). It changes
 * exactly when the cluster does (a coder codes, retags or removes a span in it): then it is another
 * disagreement, and a decision taken on the old one must not be applied blindly to it.
 */
import { createHash } from 'node:crypto';
import type { Annotation } from '../annotations';

/** Crockford's base32 in lower case, as annotation ids use. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** 'd' + 10 base32 characters (50 bits of SHA-256 over the sorted annotation ids). */
export function disagreementId(annotations: readonly Annotation[]): string {
  const key = annotations
    .map((a) => a.id)
    .sort()
    .join('\n');
  const digest = createHash('sha256').update(key, 'utf8').digest();
  let id = 'd';
  for (let i = 0; i < 10; i++) id += ALPHABET[digest[i] & 31];
  return id;
}

/** True for a string shaped like a disagreement id (for the decisions file's checks). */
export function isDisagreementId(s: string): boolean {
  return /^d[0-9a-hjkmnp-tv-z]{10}$/.test(s);
}
