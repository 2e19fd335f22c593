/**
 * Where annotations of different frames overlap: the regions an editor labels with the frames' names, so that
 * multi-coding is visible without telling colours apart. A sweep over the span boundaries, O(n log n).
 */

export interface CodedSpan {
  start: number;
  end: number;
  frame: string;
}

export interface OverlapRegion {
  start: number;
  end: number;
  /** The distinct frames coding the whole region, in order of first appearance among the spans. */
  frames: string[];
}

/**
 * The maximal regions covered by two or more distinct frames. Adjacent pieces with the same frame set are
 * merged; a region ends where the set of frames changes.
 */
export function overlapRegions(spans: readonly CodedSpan[]): OverlapRegion[] {
  const order = new Map<string, number>();
  for (const s of spans) if (!order.has(s.frame)) order.set(s.frame, order.size);
  const points = [...new Set(spans.filter((s) => s.end > s.start).flatMap((s) => [s.start, s.end]))].sort(
    (a, b) => a - b,
  );
  const starting = new Map<number, CodedSpan[]>();
  for (const s of spans) if (s.end > s.start) starting.set(s.start, [...(starting.get(s.start) ?? []), s]);
  const open: CodedSpan[] = [];
  const regions: OverlapRegion[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i];
    const to = points[i + 1];
    for (let k = open.length - 1; k >= 0; k--) if (open[k].end <= from) open.splice(k, 1);
    open.push(...(starting.get(from) ?? []));
    const frames = [...new Set(open.map((s) => s.frame))].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    if (frames.length < 2) continue;
    const last = regions[regions.length - 1];
    if (last && last.end === from && last.frames.join('\u0000') === frames.join('\u0000')) last.end = to;
    else regions.push({ start: from, end: to, frames });
  }
  return regions;
}
