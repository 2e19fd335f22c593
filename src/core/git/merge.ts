/**
 * Three-way merge of sidecars by annotation id (docs/git.md), for the Git merge driver and `sovcode resolve`.
 * Git's line merge conflicts whenever two coders add blocks between the same neighbours; here each annotation
 * is one decision with a stable id, so the merge works on ids instead: added on either side → kept; removed on
 * one side and unchanged on the other → removed; changed on one side → that change. A field changed differently
 * on both sides (retag vs retag, memo vs memo) keeps both versions, each `status: conflict` with the other's id,
 * for a person to decide. Positions are not decisions: when the text moved a span on both sides the merged text
 * settles it by re-anchoring. The coders' done marks merge as a set (sidecar/done.ts). Nothing is ever dropped: removed on one side but changed on the other is kept.
 */
import { createHash } from 'node:crypto';
import type { Annotation, AnnotationStatus } from '../annotations';
import { sortAnnotations } from '../annotations';
import { reanchor } from '../anchoring';
import { mergeDone, type Sidecar } from '../sidecar';

/** The fields that record a coder's decision; a difference on both sides is a conflict. */
const DECISION_FIELDS = ['frame', 'quote', 'coder', 'created', 'memo'] as const;
type DecisionField = (typeof DECISION_FIELDS)[number];
/** Who changed a decision and when: they travel with the change they record, never clash on their own. */
const RECORD_FIELDS = ['modified', 'modifiedBy', 'retaggedBy'] as const;

export interface MergeOutcome {
  sidecar: Sidecar;
  /** Pairs of versions kept side by side with `status: conflict`. */
  conflicts: number;
  /** Removed on one side but changed on the other: kept (listed so the summary can say so). */
  keptDespiteRemoval: string[];
  /** True when every annotation was checked against `mergedText`. */
  reanchored: boolean;
}

/** Strictness of a status: a merge keeps the more cautious one when both sides changed it. */
const STATUS_RANK: Record<string, number> = { '': 0, 'needs-review': 1, orphaned: 2, conflict: 3 };

function same(a: string | undefined, b: string | undefined): boolean {
  return (a ?? '') === (b ?? '');
}

/** Three-way choice of one value: equal sides, else the side that changed, else undefined for a clash. */
function pick<T>(base: T, ours: T, theirs: T, eq: (x: T, y: T) => boolean): { value: T } | undefined {
  if (eq(ours, theirs) || eq(theirs, base)) return { value: ours };
  if (eq(ours, base)) return { value: theirs };
  return undefined;
}

const positionKey = (a: Annotation): string => `${a.start}\0${a.end}\0${a.prefix}\0${a.suffix}`;

function decisionChanged(base: Annotation, side: Annotation): boolean {
  return DECISION_FIELDS.some((f) => !same(base[f], side[f]));
}

function withField(a: Annotation, field: DecisionField, value: string | undefined): Annotation {
  const next = { ...a };
  if (value === undefined) delete next[field as 'memo'];
  else next[field] = value;
  return next;
}

/** `a` with the record fields of `from` (who changed it and when, who chose the frame). */
function withRecordOf(a: Annotation, from: Annotation): Annotation {
  const next = { ...a };
  for (const f of RECORD_FIELDS) {
    if (from[f] === undefined) delete next[f];
    else next[f] = from[f];
  }
  return next;
}

const changeKey = (a: Annotation): string => `${a.modified ?? ''}\0${a.modifiedBy ?? ''}`;

/**
 * The record of a merged annotation. `retaggedBy` goes with the frame taken (it says who chose that frame);
 * `modified`/`modifiedBy` come from the side that changed, and when both sides changed, from the later change.
 */
function mergedRecord(start: Annotation, ours: Annotation, theirs: Annotation): Annotation {
  const frameSide = ours.frame !== theirs.frame && start.frame === ours.frame ? theirs : ours;
  const chosen = pick(changeKey(start), changeKey(ours), changeKey(theirs), (x, y) => x === y);
  const changeSide =
    chosen !== undefined
      ? chosen.value === changeKey(theirs)
        ? theirs
        : ours
      : (theirs.modified ?? '') > (ours.modified ?? '')
        ? theirs
        : ours;
  return {
    ...start,
    modified: changeSide.modified,
    modifiedBy: changeSide.modifiedBy,
    retaggedBy: frameSide.retaggedBy,
  };
}

function withStatus(a: Annotation, status: AnnotationStatus | undefined, conflictWith?: string): Annotation {
  const next = { ...a };
  delete next.status;
  delete next.conflictWith;
  if (status !== undefined) next.status = status;
  if (conflictWith !== undefined) next.conflictWith = conflictWith;
  return next;
}

/** A deterministic fresh id for the other version of `id`, unused in `taken`, so that re-running gives the same file. */
function otherVersionId(id: string, version: Annotation, taken: Set<string>): string {
  const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
  for (let round = 0; ; round++) {
    const digest = createHash('sha256')
      .update(`${id}\0${JSON.stringify(version)}\0${round}`)
      .digest();
    let next = 'a';
    for (let i = 0; i < 10; i++) next += alphabet[(digest[i] ?? 0) & 31];
    if (!taken.has(next)) return next;
  }
}

interface Merged {
  kept: Annotation[];
  conflict: boolean;
  keptDespiteRemoval: boolean;
}

/** Both sides have the annotation: merge field by field. */
function mergeBoth(base: Annotation | undefined, ours: Annotation, theirs: Annotation, taken: Set<string>): Merged {
  const start = base ?? ours;
  let merged = ours;
  const clashes: DecisionField[] = [];
  for (const f of DECISION_FIELDS) {
    const chosen =
      base === undefined
        ? same(ours[f], theirs[f])
          ? { value: ours[f] }
          : undefined
        : pick(start[f], ours[f], theirs[f], same);
    if (chosen === undefined) clashes.push(f);
    else merged = withField(merged, f, chosen.value);
  }
  // Positions follow the text; when both moved, the merged text's re-anchoring decides, so ours stands in.
  const position = pick(positionKey(start), positionKey(ours), positionKey(theirs), (x, y) => x === y);
  const from = position?.value === positionKey(theirs) ? theirs : ours;
  merged = { ...merged, start: from.start, end: from.end, prefix: from.prefix, suffix: from.suffix };
  merged = withRecordOf(merged, mergedRecord(start, ours, theirs));
  const statusOf = (a: Annotation): string =>
    a.status === 'conflict' ? `conflict\0${a.conflictWith ?? ''}` : (a.status ?? '');
  const status = pick(statusOf(start), statusOf(ours), statusOf(theirs), (x, y) => x === y);
  const chosenSide =
    status === undefined
      ? (STATUS_RANK[ours.status ?? ''] ?? 0) >= (STATUS_RANK[theirs.status ?? ''] ?? 0)
        ? ours
        : theirs
      : statusOf(ours) === status.value
        ? ours
        : theirs;
  merged = withStatus(merged, chosenSide.status, chosenSide.conflictWith);
  if (clashes.length === 0) return { kept: [merged], conflict: false, keptDespiteRemoval: false };
  // each version of a clash keeps its own side's record: who made that version, and when
  let theirsVersion = withRecordOf(merged, theirs);
  for (const f of clashes) theirsVersion = withField(theirsVersion, f, theirs[f]);
  let oursVersion = withRecordOf(merged, ours);
  for (const f of clashes) oursVersion = withField(oursVersion, f, ours[f]);
  const otherId = otherVersionId(ours.id, theirsVersion, taken);
  taken.add(otherId);
  return {
    kept: [
      withStatus(oursVersion, 'conflict', otherId),
      withStatus({ ...theirsVersion, id: otherId }, 'conflict', ours.id),
    ],
    conflict: true,
    keptDespiteRemoval: false,
  };
}

function mergeOne(
  base: Annotation | undefined,
  ours: Annotation | undefined,
  theirs: Annotation | undefined,
  taken: Set<string>,
): Merged {
  if (ours !== undefined && theirs !== undefined) return mergeBoth(base, ours, theirs, taken);
  const present = ours ?? theirs;
  if (present === undefined) return { kept: [], conflict: false, keptDespiteRemoval: false };
  if (base === undefined) return { kept: [present], conflict: false, keptDespiteRemoval: false };
  // Removed on the other side: removed, unless this side changed the decision (then it is kept, never lost).
  return decisionChanged(base, present)
    ? { kept: [present], conflict: false, keptDespiteRemoval: true }
    : { kept: [], conflict: false, keptDespiteRemoval: false };
}

/** Re-checks every annotation against the merged text; a conflict entry keeps its status (and gets its new place). */
function reanchorAll(list: readonly Annotation[], text: string): Annotation[] {
  return list.map((a) => {
    const { annotation } = reanchor(a, text);
    return a.status === 'conflict' ? withStatus(annotation, 'conflict', a.conflictWith) : annotation;
  });
}

/**
 * Merges `ours` and `theirs` against their common `base` (undefined when both sides created the file). With
 * `mergedText` (the canonical source text the merged sidecar belongs to) every annotation is re-anchored on it.
 */
export function mergeSidecars(
  base: Sidecar | undefined,
  ours: Sidecar,
  theirs: Sidecar,
  mergedText?: string,
): MergeOutcome {
  const index = (s: Sidecar | undefined): Map<string, Annotation> =>
    new Map((s?.annotations ?? []).map((a) => [a.id, a]));
  const [b, o, t] = [index(base), index(ours), index(theirs)];
  const ids = [...new Set([...o.keys(), ...t.keys(), ...b.keys()])].sort();
  const taken = new Set(ids);
  const kept: Annotation[] = [];
  const keptDespiteRemoval: string[] = [];
  let conflicts = 0;
  for (const id of ids) {
    const merged = mergeOne(b.get(id), o.get(id), t.get(id), taken);
    kept.push(...merged.kept);
    if (merged.conflict) conflicts++;
    if (merged.keptDespiteRemoval) keptDespiteRemoval.push(id);
  }
  const header = (key: 'sourceHash' | 'codebook'): string =>
    pick(base?.[key] ?? ours[key], ours[key], theirs[key], (x, y) => x === y)?.value ?? ours[key];
  const annotations = sortAnnotations(mergedText === undefined ? kept : reanchorAll(kept, mergedText));
  const done = mergeDone(base?.done, ours.done, theirs.done);
  return {
    sidecar: {
      version: 1,
      source: ours.source,
      sourceHash: header('sourceHash'),
      codebook: header('codebook'),
      ...(done ? { done } : {}),
      annotations,
    },
    conflicts,
    keptDespiteRemoval,
    reanchored: mergedText !== undefined,
  };
}
