/**
 * Inter-coder agreement over the annotations of several coders on the same texts (after their branches are
 * merged, each sidecar holds every coder's annotations, told apart by who decided the frame: `retaggedBy`, else
 * `coder`, see annotations/attribution.ts). Method, documented for a
 * methods section in docs/agreement.md:
 *
 * - units are sentences (units.ts); a coder applied frame F to a unit when one of their F annotations
 *   overlaps it by at least one character;
 * - only documents that every compared coder has coded (at least one placed annotation) count, so a text
 *   one coder has not reached yet does not count as "disagreed everywhere"; the others are listed as excluded;
 * - annotations that cannot be placed (orphaned, text missing) are left out and counted;
 * - per frame, each unit is an item labelled yes/no by each coder; "all frames" pools the (unit, frame) items.
 */
import { decidedBy } from '../annotations';
import type { Codebook } from '../codebook';
import { codedSegments, type CodedDocument, type CodedSegment } from '../documents';
import { LineIndex } from '../text';
import { agreementCoefficients, type Coefficients } from './statistics';
import { sentenceUnits, type TextUnit } from './units';

export interface Disagreement {
  document: string;
  /** 1-based line of the unit's start. */
  line: number;
  text: string;
  /** The coders who applied the frame to this unit. */
  appliedBy: string[];
}

export interface FrameAgreement extends Coefficients {
  frame: string;
  /** Label from the codebook; undefined for a frame id it does not have. */
  label: string | undefined;
  /** Units each coder applied the frame to, in the order of `coders`. */
  unitsCoded: number[];
  disagreements: Disagreement[];
}

export interface AgreementReport {
  coders: string[];
  unit: 'sentence';
  documents: { included: string[]; excluded: { document: string; reason: string }[] };
  /** Annotations of the compared coders left out because they could not be placed. */
  unplaced: number;
  frames: FrameAgreement[];
  overall: Coefficients;
}

interface UnitCoding {
  document: string;
  line: number;
  text: string;
  /** frames applied, per coder index */
  frames: Set<string>[];
}

function unitCodings(
  doc: CodedDocument & { text: string },
  segments: readonly CodedSegment[],
  coders: readonly string[],
): UnitCoding[] {
  const lines = new LineIndex(doc.text);
  const units: TextUnit[] = sentenceUnits(doc.text);
  const codings = units.map((u) => ({
    document: doc.path,
    line: lines.positionAt(u.start).line + 1,
    text: doc.text.slice(u.start, u.end),
    frames: coders.map(() => new Set<string>()),
  }));
  const mine = segments.filter((s) => s.document === doc.path);
  for (const s of mine) {
    const c = coders.indexOf(decidedBy(s.annotation));
    if (c < 0) continue;
    // units are sorted and disjoint: binary search for the first unit ending after the segment starts
    let lo = 0;
    let hi = units.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (units[mid].end <= s.start) lo = mid + 1;
      else hi = mid;
    }
    for (let u = lo; u < units.length && units[u].start < s.end; u++) codings[u]?.frames[c]?.add(s.annotation.frame);
  }
  return codings;
}

function frameOrder(codebook: Codebook, used: ReadonlySet<string>): string[] {
  const known = codebook.frames.map((f) => f.id).filter((id) => used.has(id));
  const unknown = [...used].filter((id) => !codebook.frames.some((f) => f.id === id)).sort();
  return [...known, ...unknown];
}

/** Every coder of the documents' annotations, sorted: the choice a coder picker offers. */
export function codersOf(documents: readonly CodedDocument[]): string[] {
  return [...new Set(documents.flatMap((d) => d.annotations.map(decidedBy)))].sort();
}

/** The requested coders, refused when one is named twice or is not a coder of any annotation. */
function checkedCoders(requested: readonly string[], found: readonly string[]): string[] {
  const twice = requested.find((c, i) => requested.indexOf(c) !== i);
  if (twice !== undefined)
    throw new RangeError(`coder '${twice}' is named twice: compare two or more different coders`);
  const unknown = requested.filter((c) => !found.includes(c));
  if (unknown.length > 0) {
    throw new RangeError(
      `unknown coder${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => `'${c}'`).join(', ')}: the annotations have ${found.length === 0 ? 'no coder' : found.join(', ')}`,
    );
  }
  return [...requested];
}

/** Agreement of `coders` (default: every coder found, sorted) over the documents; at least two coders are needed. */
export function agreementReport(
  codebook: Codebook,
  documents: readonly CodedDocument[],
  coders?: readonly string[],
): AgreementReport {
  const segments = codedSegments(codebook, documents);
  const isPlaced = (s: CodedSegment): boolean => s.status !== 'orphaned' && s.status !== 'source-missing';
  const placed = segments.filter(isPlaced);
  const found = [...new Set(segments.map((s) => decidedBy(s.annotation)))].sort();
  const compared = coders ? checkedCoders(coders, found) : found;
  if (compared.length < 2)
    throw new RangeError(
      `agreement needs at least two coders; found ${compared.length === 0 ? 'none' : compared.join(', ')}`,
    );
  const included: (CodedDocument & { text: string })[] = [];
  const excluded: { document: string; reason: string }[] = [];
  const coded = new Set(placed.map((s) => `${s.document}\0${decidedBy(s.annotation)}`));
  for (const doc of [...documents].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const missing = compared.filter((c) => !coded.has(`${doc.path}\0${c}`));
    if (doc.text === undefined) excluded.push({ document: doc.path, reason: 'the text file is missing' });
    else if (missing.length > 0) excluded.push({ document: doc.path, reason: `not coded by ${missing.join(', ')}` });
    else included.push({ ...doc, text: doc.text });
  }
  // a report over no unit would print "n/a" everywhere, and "the coders agree on every unit" over nothing
  if (included.length === 0) {
    const hint = coders ? '' : ` (coders found: ${found.join(', ')}; choose two or more who coded the same texts)`;
    throw new RangeError(`no text is coded by all of ${compared.join(', ')}, so there is nothing to compare${hint}`);
  }
  const includedPaths = new Set(included.map((d) => d.path));
  const inIncluded = (s: CodedSegment): boolean =>
    includedPaths.has(s.document) && compared.includes(decidedBy(s.annotation));
  const codings = included.flatMap((d) => unitCodings(d, placed, compared));
  const frames = frameOrder(codebook, new Set(placed.filter(inIncluded).map((s) => s.annotation.frame)));
  const pooled: string[][] = [];
  const perFrame = frames.map((frame): FrameAgreement => {
    const ratings = codings.map((u) => u.frames.map((set) => (set.has(frame) ? 'yes' : 'no')));
    pooled.push(...ratings);
    return {
      frame,
      label: codebook.frames.find((f) => f.id === frame)?.label,
      ...agreementCoefficients(ratings),
      unitsCoded: compared.map((_, c) => codings.filter((u) => u.frames[c]?.has(frame)).length),
      disagreements: codings
        .filter((u) => new Set(u.frames.map((set) => set.has(frame))).size > 1)
        .map((u) => ({
          document: u.document,
          line: u.line,
          text: u.text,
          appliedBy: compared.filter((_, c) => u.frames[c]?.has(frame)),
        })),
    };
  });
  return {
    coders: compared,
    unit: 'sentence',
    documents: { included: included.map((d) => d.path), excluded },
    unplaced: segments.filter((s) => !isPlaced(s) && compared.includes(decidedBy(s.annotation))).length,
    frames: perFrame,
    overall: agreementCoefficients(pooled),
  };
}
