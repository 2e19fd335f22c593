/**
 * The family of unitizing coefficients of Krippendorff, Mathet, Bouvry & Widlöcher (2016), the ones ATLAS.ti's
 * Intercoder Agreement reports, over the texts that count (docs/agreement.md, "Unitizing"):
 *
 * - per frame F, |uα_F: F's spans against the gaps (a binary uα; with one frame, |uα and uα are the same);
 *   cuα_F: where two coders both coded something, whether it is F or another frame (the coding table collapsed
 *   into "F" and "not F"); and the 1995/2004 uα_F of positional.ts;
 * - over all frames, uα: the frames (each stretch's set of frames) and the gaps; |uα: any frame against the
 *   gaps (the same table collapsed); Cuα: the coding table of every frame, gaps left out; and the 1995/2004 uα
 *   pooled over the frames (Σ D_o / Σ D_e).
 */
import { coincidenceTables, disagreement, type Disagreement } from './coincidences';
import { combinedPartition, framePartition, framesOfValue, mergedSpans, type UnitizingText } from './continuum';
import { positionalDisagreement } from './positional';

export interface UnitizingFrame {
  frame: string;
  /** Code points each coder coded with the frame (overlaps merged), in coder order. */
  coded: number[];
  /** |uα of the frame: its spans against the gaps. */
  binary: Disagreement;
  /** cuα of the frame: the frame against the other frames, where coders' units meet. */
  coding: Disagreement;
  /** uα of the frame in Krippendorff's 1995/2004 form. */
  positional: Disagreement;
}

export interface UnitizingFigures {
  /** Length of the continuum: the code points of the texts that count. */
  continuum: number;
  texts: number;
  frames: UnitizingFrame[];
  overall: {
    /** uα: frames and gaps. */
    alpha: Disagreement;
    /** |uα: any frame against the gaps. */
    binary: Disagreement;
    /** Cuα: which frames, where coders' units meet. */
    coding: Disagreement;
    /** The 1995/2004 uα pooled over the frames. */
    positional: Disagreement;
  };
}

const isUnit = (v: string | undefined): boolean => v !== undefined;

/** The figures of `frames` over the texts (each with every compared coder's spans, two coders or more). */
export function unitizingFigures(texts: readonly UnitizingText[], frames: readonly string[]): UnitizingFigures {
  const coders = Math.max(0, ...texts.map((t) => t.spans.length));
  const combined = coincidenceTables(texts.map((t) => t.spans.map((s) => combinedPartition(s, t.length))));
  const perFrame = frames.map((frame): UnitizingFrame => {
    const partitions = texts.map((t) => t.spans.map((s) => framePartition(s, frame, t.length)));
    const { full } = coincidenceTables(partitions);
    return {
      frame,
      coded: Array.from({ length: coders }, (_, c) =>
        texts.reduce(
          (n, t) =>
            n +
            mergedSpans(
              (t.spans[c] ?? []).filter((s) => s.frame === frame),
              t.length,
            ).reduce((sum, [a, b]) => sum + b - a, 0),
          0,
        ),
      ),
      binary: disagreement(full),
      coding: disagreement(combined.coding, (v) => String(v !== undefined && framesOfValue(v).includes(frame)), isUnit),
      positional: positionalDisagreement(partitions, coders),
    };
  });
  const observed = perFrame.reduce((s, f) => s + f.positional.observed, 0);
  const expected = perFrame.reduce((s, f) => s + f.positional.expected, 0);
  return {
    continuum: texts.reduce((n, t) => n + t.length, 0),
    texts: texts.length,
    frames: perFrame,
    overall: {
      alpha: disagreement(combined.full),
      binary: disagreement(combined.full, (v) => String(isUnit(v))),
      coding: disagreement(combined.coding, undefined, isUnit),
      positional: { observed, expected, alpha: expected > 0 ? 1 - observed / expected : undefined },
    },
  };
}
