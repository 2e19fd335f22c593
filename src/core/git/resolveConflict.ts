/**
 * Resolving one merge conflict entry (`status: conflict`, docs/git.md): keep this version, keep the other, or
 * keep both as separate decisions. The dropped version is removed only here, by a person's choice; the kept
 * ones lose their conflict marking. Used by the VS Code code action and by tests.
 */
import type { Annotation } from '../annotations';
import { sortAnnotations } from '../annotations';

export type ConflictChoice = 'this' | 'other' | 'both';

function cleared(a: Annotation): Annotation {
  const next = { ...a };
  delete next.status;
  delete next.conflictWith;
  return next;
}

/** The list after resolving the conflict of annotation `id`; throws when it is not a conflict entry. */
export function resolveConflict(list: readonly Annotation[], id: string, choice: ConflictChoice): Annotation[] {
  const entry = list.find((a) => a.id === id);
  if (entry?.status !== 'conflict' || entry.conflictWith === undefined)
    throw new RangeError(`annotation ${id} is not a merge conflict entry`);
  const otherId = entry.conflictWith;
  if (choice !== 'this' && !list.some((a) => a.id === otherId))
    throw new RangeError(`annotation ${id}: its other version ${otherId} is missing; only 'keep this' is possible`);
  const keep = new Set(choice === 'this' ? [id] : choice === 'other' ? [otherId] : [id, otherId]);
  const pair = new Set([id, otherId]);
  return sortAnnotations(list.flatMap((a) => (!pair.has(a.id) ? [a] : keep.has(a.id) ? [cleared(a)] : [])));
}

/** The other version of a conflict entry, when the list has it. */
export function otherVersion(list: readonly Annotation[], a: Annotation): Annotation | undefined {
  return a.status === 'conflict' ? list.find((b) => b.id === a.conflictWith) : undefined;
}
