/**
 * The continuum of unitizing agreement (docs/agreement.md, "Unitizing"): each text is a stretch of code points,
 * and each coder cuts it into segments, each a unit of some value or a gap (Krippendorff 2004, §12.4;
 * Krippendorff, Mathet, Bouvry & Widlöcher 2016, §2). A coder's spans of one frame that overlap are merged
 * first, since a coder cannot disagree with herself; spans that only touch stay two units, as a coder may mark
 * two abutting units.
 */

/** A coder's span of one frame, in code points from the start of its text, end exclusive. */
export interface FrameSpan {
  frame: string;
  start: number;
  end: number;
}

/** One text as unitizing sees it: its length in code points and each compared coder's spans, in coder order. */
export interface UnitizingText {
  length: number;
  spans: readonly (readonly FrameSpan[])[];
}

/** A piece of one coder's partition of a text: a unit of `value`, or a gap (value undefined). */
export interface Segment {
  start: number;
  end: number;
  value: string | undefined;
}

/** Spans clipped to the text, empty ones dropped, overlapping ones merged; sorted by start. */
export function mergedSpans(spans: readonly { start: number; end: number }[], length: number): [number, number][] {
  const clipped = spans
    .map((s): [number, number] => [Math.max(0, Math.min(length, s.start)), Math.max(0, Math.min(length, s.end))])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const merged: [number, number][] = [];
  for (const [a, b] of clipped) {
    const last = merged[merged.length - 1];
    if (last && a < last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/** Gaps fill what the units leave of [0, length); the units must be sorted and disjoint. */
function withGaps(units: readonly Segment[], length: number): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const u of units) {
    if (u.start > at) out.push({ start: at, end: u.start, value: undefined });
    out.push(u);
    at = u.end;
  }
  if (at < length) out.push({ start: at, end: length, value: undefined });
  return out;
}

/** One coder's partition for one frame: the frame's (merged) spans are units, everything else is gap. */
export function framePartition(spans: readonly FrameSpan[], frame: string, length: number): Segment[] {
  const units = mergedSpans(
    spans.filter((s) => s.frame === frame),
    length,
  ).map(([start, end]): Segment => ({ start, end, value: frame }));
  return withGaps(units, length);
}

/** Separates the frames of a combined value; no frame id holds it. */
const JOIN = '\u0000';

/** The frames of a value of `combinedPartition`. */
export function framesOfValue(value: string): string[] {
  return value.split(JOIN);
}

/**
 * One coder's partition over all frames. Krippendorff's values are exclusive, but a coder may apply two frames
 * to one stretch: the text is cut at every boundary of the coder's merged spans, and each piece takes as its
 * value the set of frames that cover it (a gap where none does). Where no spans of different frames overlap,
 * this is exactly the partition into frames and gaps of the papers.
 */
export function combinedPartition(spans: readonly FrameSpan[], length: number): Segment[] {
  const frames = [...new Set(spans.map((s) => s.frame))].sort();
  const merged = frames.map((f) =>
    mergedSpans(
      spans.filter((s) => s.frame === f),
      length,
    ),
  );
  const cuts = [...new Set(merged.flatMap((m) => m.flat()))].sort((a, b) => a - b);
  const units: Segment[] = [];
  const next = frames.map(() => 0);
  for (let k = 0; k + 1 < cuts.length; k++) {
    const [start, end] = [cuts[k] ?? 0, cuts[k + 1] ?? 0];
    const covering = frames.filter((_, f) => {
      const list = merged[f] ?? [];
      let i = next[f] ?? 0;
      while (i < list.length && (list[i]?.[1] ?? 0) <= start) i++;
      next[f] = i;
      const span = list[i];
      return span !== undefined && span[0] <= start && span[1] >= end;
    });
    if (covering.length > 0) units.push({ start, end, value: covering.join(JOIN) });
  }
  return withGaps(units, length);
}
