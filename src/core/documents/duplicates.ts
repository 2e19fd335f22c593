/**
 * Duplicate coding decisions: two annotations of one text with the same frame, the same span and the same coder.
 * Sovereignty Coder keeps both (each has its own id and memo), but a QDA tool that keys a coding by code, span
 * and coder (QualCoder does) keeps only one of them on import, and the other's memo is lost. `sovcode validate`
 * warns about them and the REFI-QDA export says how many it wrote.
 */
import type { Annotation } from '../annotations';

/** Groups of two or more annotations with the same frame, start, end and coder, in sidecar order. */
export function duplicateGroups(annotations: readonly Annotation[]): Annotation[][] {
  const groups = new Map<string, Annotation[]>();
  for (const a of annotations) {
    const key = JSON.stringify([a.frame, a.start, a.end, a.coder]);
    const group = groups.get(key);
    if (group) group.push(a);
    else groups.set(key, [a]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

/** The warning for one group, naming the first annotation (the one a QDA tool may keep) and the others. */
export function duplicateMessage(group: readonly Annotation[]): string {
  const [first, ...others] = group;
  return `annotation ${others.map((a) => a.id).join(', ')} duplicates ${first?.id ?? '?'} (frame '${first?.frame ?? ''}', same span, coder '${first?.coder ?? ''}'): QualCoder keeps only one of them on REFI-QDA import; remove the duplicate or merge the memos`;
}
