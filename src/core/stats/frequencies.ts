/**
 * Frequencies: how many coded segments each frame has, overall and per group (per text, or per value of a
 * document attribute such as country or outlet). Every segment counts, orphans included, exactly as it is a
 * row of the CSV export, so an analyst can reproduce each number from that file. A text without a value for the
 * attribute falls in the group "(none)", never out of the table.
 */
import type { DocumentAttributes } from '../attributes';
import type { CodedSegment } from '../documents';
import type { FrameColumn } from './frameOrder';

/** Group of texts that have no value for the attribute. */
export const NO_VALUE = '(none)';

/** `text` groups by document; any other name is a document attribute. */
export type GroupBy = { kind: 'text' } | { kind: 'attribute'; name: string };

export interface FrameFrequency {
  frame: string;
  label: string;
  count: number;
  /** Counts per group, in the order of `groups`. */
  byGroup: number[];
}

export interface Frequencies {
  groupBy: string | undefined;
  groups: string[];
  frames: FrameFrequency[];
  total: number;
  /** Segments per group, in the order of `groups`. */
  groupTotals: number[];
}

function groupOf(
  s: CodedSegment,
  by: GroupBy | undefined,
  attributes: DocumentAttributes | undefined,
): string | undefined {
  if (by === undefined) return undefined;
  if (by.kind === 'text') return s.document;
  return attributes?.valueOf(s.document, by.name) ?? NO_VALUE;
}

/** Counts; `documents` lists every text (so a text without segments still has its group when grouping by text). */
export function frameFrequencies(
  segments: readonly CodedSegment[],
  frames: readonly FrameColumn[],
  by?: GroupBy,
  attributes?: DocumentAttributes,
  documents: readonly string[] = [],
): Frequencies {
  const groupSet = new Set<string>();
  if (by?.kind === 'text') documents.forEach((d) => groupSet.add(d));
  if (by?.kind === 'attribute') documents.forEach((d) => groupSet.add(attributes?.valueOf(d, by.name) ?? NO_VALUE));
  for (const s of segments) {
    const g = groupOf(s, by, attributes);
    if (g !== undefined) groupSet.add(g);
  }
  const groups = [...groupSet].sort((a, b) => (a === NO_VALUE ? 1 : b === NO_VALUE ? -1 : a < b ? -1 : a > b ? 1 : 0));
  const groupIndex = new Map(groups.map((g, i) => [g, i]));
  const rows = new Map(
    frames.map((f) => [f.id, { frame: f.id, label: f.label, count: 0, byGroup: groups.map(() => 0) }]),
  );
  const groupTotals = groups.map(() => 0);
  for (const s of segments) {
    const row = rows.get(s.annotation.frame);
    if (!row) continue; // frames come from frameColumns over the same segments, so every frame has a row
    row.count++;
    const g = groupOf(s, by, attributes);
    const i = g === undefined ? undefined : groupIndex.get(g);
    if (i !== undefined) {
      row.byGroup[i] = (row.byGroup[i] ?? 0) + 1;
      groupTotals[i] = (groupTotals[i] ?? 0) + 1;
    }
  }
  const groupBy = by === undefined ? undefined : by.kind === 'text' ? 'text' : by.name;
  return { groupBy, groups, frames: [...rows.values()], total: segments.length, groupTotals };
}
