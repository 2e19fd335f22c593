/**
 * The coded-segments explorer's tree as plain nodes: built once per change of the index or the filter, so that
 * `getChildren` and `getParent` (which `reveal` needs) are lookups. Two groupings: by frame (the codebook's
 * hierarchy, then texts, then segments) and by text (texts, then segments in reading order). Above them, the
 * segments that need a person (needs review, orphaned, source missing), those with memos, and the segments a
 * click in the statistics view listed.
 */
import type { Codebook } from '../../core/codebook';
import type { CodedSegment } from '../../core/documents';
import { needsAttention } from '../../core/index';

export type Grouping = 'frame' | 'text';

export type SegmentNode =
  | { kind: 'group'; key: string; label: string; icon: string; segments: CodedSegment[] }
  | {
      kind: 'frame';
      key: string;
      frame: string;
      label: string;
      color: string | undefined;
      colorIndex: number | undefined;
      count: number;
      definition: string | undefined;
    }
  | { kind: 'text'; key: string; path: string; count: number }
  | { kind: 'segment'; key: string; segment: CodedSegment; grouping: Grouping };

export interface SegmentTreeModel {
  roots: SegmentNode[];
  children: Map<string, SegmentNode[]>;
  parents: Map<string, SegmentNode>;
  /** The first node of each segment (by annotation id and document), for reveal. */
  bySegment: Map<string, SegmentNode>;
}

const segmentKey = (s: CodedSegment): string => `${s.document}#${s.annotation.id}`;
const inReadingOrder = (a: CodedSegment, b: CodedSegment): number =>
  a.document < b.document ? -1 : a.document > b.document ? 1 : a.start - b.start;

export function buildSegmentTree(
  codebook: Codebook,
  segments: readonly CodedSegment[],
  grouping: Grouping,
  listed?: { title: string; ids: ReadonlySet<string> },
): SegmentTreeModel {
  const model: SegmentTreeModel = { roots: [], children: new Map(), parents: new Map(), bySegment: new Map() };
  const add = (parent: SegmentNode | undefined, node: SegmentNode): void => {
    if (parent) {
      const list = model.children.get(parent.key) ?? [];
      list.push(node);
      model.children.set(parent.key, list);
      model.parents.set(node.key, parent);
    } else model.roots.push(node);
    if (node.kind === 'segment' && !model.bySegment.has(segmentKey(node.segment)))
      model.bySegment.set(segmentKey(node.segment), node);
  };
  const addSegments = (parent: SegmentNode, list: readonly CodedSegment[]): void => {
    for (const s of [...list].sort(inReadingOrder))
      add(parent, { kind: 'segment', key: `${parent.key}/${segmentKey(s)}`, segment: s, grouping });
  };
  const group = (key: string, label: string, icon: string, list: CodedSegment[]): void => {
    if (list.length === 0) return;
    const node: SegmentNode = { kind: 'group', key, label: `${label} (${list.length})`, icon, segments: list };
    add(undefined, node);
    addSegments(node, list);
  };
  if (listed)
    group(
      'listed',
      listed.title,
      'list-filter',
      segments.filter((s) => listed.ids.has(segmentKey(s))),
    );
  group('attention', 'Needs review and orphans', 'warning', segments.filter(needsAttention));
  group(
    'memos',
    'Memos',
    'note',
    segments.filter((s) => s.annotation.memo !== undefined),
  );
  if (grouping === 'text') addByText(segments, add, addSegments);
  else addByFrame(codebook, segments, add, addSegments);
  return model;
}

type Add = (parent: SegmentNode | undefined, node: SegmentNode) => void;
type AddSegments = (parent: SegmentNode, list: readonly CodedSegment[]) => void;

function byDocument(segments: readonly CodedSegment[]): Map<string, CodedSegment[]> {
  const map = new Map<string, CodedSegment[]>();
  for (const s of segments) {
    const list = map.get(s.document);
    if (list) list.push(s);
    else map.set(s.document, [s]);
  }
  return new Map([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function addByText(segments: readonly CodedSegment[], add: Add, addSegments: AddSegments): void {
  for (const [path, list] of byDocument(segments)) {
    const node: SegmentNode = { kind: 'text', key: `text:${path}`, path, count: list.length };
    add(undefined, node);
    addSegments(node, list);
  }
}

/** Frames as the codebook nests them; a frame's count includes its sub-frames'; unknown frames at the end. */
function addByFrame(codebook: Codebook, segments: readonly CodedSegment[], add: Add, addSegments: AddSegments): void {
  const own = new Map<string, CodedSegment[]>();
  for (const s of segments) {
    const list = own.get(s.annotation.frame);
    if (list) list.push(s);
    else own.set(s.annotation.frame, [s]);
  }
  const known = new Set(codebook.frames.map((f) => f.id));
  const childrenOf = (id: string | undefined): typeof codebook.frames =>
    codebook.frames.filter((f) => (f.parent !== undefined && known.has(f.parent) ? f.parent : undefined) === id);
  const total = (id: string, seen = new Set<string>()): number => {
    if (seen.has(id)) return 0;
    seen.add(id);
    return (own.get(id)?.length ?? 0) + childrenOf(id).reduce((n, c) => n + total(c.id, seen), 0);
  };
  const addFrame = (parent: SegmentNode | undefined, id: string, seen: Set<string>): void => {
    if (seen.has(id)) return;
    seen.add(id);
    const frame = codebook.frames.find((f) => f.id === id);
    const node: SegmentNode = {
      kind: 'frame',
      key: `frame:${id}`,
      frame: id,
      label: frame?.label ?? `${id} (not in the codebook)`,
      color: frame?.color,
      colorIndex: frame ? codebook.frames.indexOf(frame) : undefined,
      count: total(id),
      definition: frame?.definition,
    };
    add(parent, node);
    for (const child of childrenOf(id)) addFrame(node, child.id, seen);
    for (const [path, list] of byDocument(own.get(id) ?? [])) {
      const text: SegmentNode = { kind: 'text', key: `${node.key}/text:${path}`, path, count: list.length };
      add(node, text);
      addSegments(text, list);
    }
  };
  const seen = new Set<string>();
  for (const f of childrenOf(undefined)) addFrame(undefined, f.id, seen);
  for (const id of [...own.keys()].filter((k) => !known.has(k)).sort()) addFrame(undefined, id, seen);
}

export { segmentKey };
