/**
 * The explorer's filters and grouping, chosen in quick picks: frames, coders, statuses and document attribute
 * values (several at once; nothing chosen means "any"). The view's description shows what is filtered, so a
 * short list is never mistaken for the whole corpus.
 */
import * as vscode from 'vscode';
import type { SegmentStatus } from '../../core/documents';
import type { SegmentFilter } from '../../core/index';
import type { CorpusService } from './corpusService';
import type { SegmentsTreeProvider } from './segmentsTree';

const STATUSES: readonly SegmentStatus[] = ['anchored', 'moved', 'needs-review', 'orphaned', 'source-missing'];

async function pickMany(
  title: string,
  values: readonly { value: string; label: string }[],
  chosen: readonly string[] | undefined,
): Promise<string[] | undefined> {
  const picked = await vscode.window.showQuickPick(
    values.map((v) => ({
      label: v.label,
      description: v.label === v.value ? undefined : v.value,
      value: v.value,
      picked: chosen?.includes(v.value) ?? false,
    })),
    { title, canPickMany: true, placeHolder: 'Choose none to show all' },
  );
  return picked?.map((p) => p.value);
}

/** What the filter holds, in a few words ('' when nothing is filtered). */
export function describeFilter(filter: SegmentFilter): string {
  const parts = [
    filter.frames?.length ? `frames: ${filter.frames.join(', ')}` : '',
    filter.coders?.length ? `coders: ${filter.coders.join(', ')}` : '',
    filter.statuses?.length ? `status: ${filter.statuses.join(', ')}` : '',
    ...Object.entries(filter.attributes ?? {})
      .filter(([, v]) => v.length > 0)
      .map(([k, v]) => `${k}: ${v.join(', ')}`),
  ].filter(Boolean);
  return parts.length === 0 ? '' : `filtered — ${parts.join('; ')}`;
}

/** Asks which part of the filter to change, then its values; resolves when the filter is set. */
export async function chooseFilter(tree: SegmentsTreeProvider, corpus: CorpusService): Promise<void> {
  const index = await corpus.current();
  if (!index) return;
  const segments = index.segments();
  const attributeColumns = corpus.attributes.columns;
  const what = await vscode.window.showQuickPick(
    ['Frames', 'Coders', 'Statuses', ...attributeColumns.map((c) => `Attribute: ${c}`), 'Clear all filters'],
    { title: 'Filter coded segments by…' },
  );
  if (what === undefined) return;
  const attributes: Record<string, readonly string[]> = { ...tree.filter.attributes };
  const next: SegmentFilter = { ...tree.filter, attributes };
  if (what === 'Clear all filters') {
    tree.filter = {};
    tree.refresh();
    return;
  }
  let chosen: string[] | undefined;
  if (what === 'Frames') {
    const ids = [...new Set([...index.codebook.frames.map((f) => f.id), ...segments.map((s) => s.annotation.frame)])];
    chosen = await pickMany(
      'Frames',
      ids.map((id) => ({
        value: id,
        label: index.codebook.frames.find((f) => f.id === id)?.label ?? `${id} (not in the codebook)`,
      })),
      next.frames,
    );
    if (chosen) next.frames = chosen;
  } else if (what === 'Coders') {
    chosen = await pickMany(
      'Coders',
      [...new Set(segments.map((s) => s.annotation.coder))].sort().map((c) => ({ value: c, label: c })),
      next.coders,
    );
    if (chosen) next.coders = chosen;
  } else if (what === 'Statuses') {
    chosen = await pickMany(
      'Statuses',
      STATUSES.map((s) => ({ value: s, label: s })),
      next.statuses,
    );
    if (chosen) next.statuses = chosen as SegmentStatus[];
  } else {
    const column = what.slice('Attribute: '.length);
    chosen = await pickMany(
      column,
      [...corpus.attributes.valuesOf(column), ''].map((v) => ({ value: v, label: v === '' ? '(no value)' : v })),
      next.attributes?.[column],
    );
    if (chosen) attributes[column] = chosen;
  }
  if (chosen === undefined) return;
  tree.filter = next;
  tree.refresh();
}
