/**
 * Whether two lists hold the same coding decisions, whatever their offsets. The editor asks before taking an
 * annotation file that changed on disk (a branch checkout) only when memory holds a decision the file it last
 * read or wrote does not: offsets moved by a reloaded text or by re-anchoring are found again from the quotes,
 * so following the disk loses nothing of them.
 */
import type { Annotation } from './annotation';

const decisionOf = (a: Annotation): string =>
  JSON.stringify([a.frame, a.quote, a.coder, a.created, a.modified, a.modifiedBy, a.retaggedBy, a.memo, a.status]);

/** True when both lists have the same ids with the same frame, quote, authorship, memo and status. */
export function sameDecisions(a: readonly Annotation[], b: readonly Annotation[]): boolean {
  if (a.length !== b.length) return false;
  const other = new Map(b.map((x) => [x.id, decisionOf(x)]));
  return a.every((x) => other.get(x.id) === decisionOf(x));
}
