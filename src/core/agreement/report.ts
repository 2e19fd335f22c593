/**
 * Inter-coder agreement over the annotations of several coders on the same texts (after their branches are
 * merged, each sidecar holds every coder's annotations, told apart by who decided the frame: `retaggedBy`, else
 * `coder`, see annotations/attribution.ts). Method, documented for a
 * methods section in docs/agreement.md:
 *
 * - units are sentences by default, or paragraphs, whole documents or characters (unitCodings.ts);
 * - only documents that every compared coder has coded (a placed annotation, or the coder's done mark) count,
 *   so a text one coder has not reached yet does not count as "disagreed everywhere"; the others are listed;
 * - annotations that cannot be placed (orphaned, text missing) are left out and counted;
 * - per frame, each unit is an item labelled yes/no by each coder; "all frames" pools the (unit, frame) items
 *   over the frames someone used; a parent frame of the hierarchy counts a unit as coded with it when the coder
 *   applied it or any frame below it;
 * - unitizing alpha (unitizing/) compares the coders' span boundaries over the texts' code points, whatever the
 *   unit chosen.
 */
import { decidedBy } from '../annotations';
import type { Codebook } from '../codebook';
import { codedSegments, type CodedDocument, type CodedSegment } from '../documents';
import { agreementCoefficients, nominalAlpha, type Coefficients } from './statistics';
import { unitCodings, type UnitCoding } from './unitCodings';
import { AGREEMENT_UNITS, type AgreementUnit } from './units';
import { unitizingFigures, type UnitizingFigures } from './unitizing/family';
import { unitizingText } from './unitizing/fromSegments';

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
  /** Units each coder applied the frame to, in the order of `coders` (characters, for the character unit). */
  unitsCoded: number[];
  disagreements: Disagreement[];
}

/** A parent frame: a unit is coded with it when a coder applied it or any frame below it (`covers`). */
export interface ParentAgreement extends Coefficients {
  frame: string;
  label: string;
  covers: string[];
  unitsCoded: number[];
}

export interface AgreementReport {
  coders: string[];
  unit: AgreementUnit;
  documents: {
    included: string[];
    excluded: { document: string; reason: string }[];
    /** Texts counted for a coder through their done mark alone: coded, and no frame applies. */
    markedDone: { document: string; coders: string[] }[];
  };
  /** Annotations of the compared coders left out because they could not be placed. */
  unplaced: number;
  frames: FrameAgreement[];
  parents: ParentAgreement[];
  overall: Coefficients;
  /** Pooled alpha with each unit of analysis, the chosen one among them, for the methods section. */
  alphaByUnit: Record<AgreementUnit, number | undefined>;
  /** Krippendorff's unitizing alphas over the span boundaries (per frame in the order of `frames`, and overall). */
  unitizing: UnitizingFigures;
}

export interface AgreementOptions {
  unit?: AgreementUnit;
}

/** Every label a per-frame item can have: BP and AC1 count two categories even where one is unused. */
const YES_NO = ['no', 'yes'];

function frameOrder(codebook: Codebook, used: ReadonlySet<string>): string[] {
  const known = codebook.frames.map((f) => f.id).filter((id) => used.has(id));
  const unknown = [...used].filter((id) => !codebook.frames.some((f) => f.id === id)).sort();
  return [...known, ...unknown];
}

/** Every coder of the documents' annotations, sorted: the choice a coder picker offers. */
export function codersOf(documents: readonly CodedDocument[]): string[] {
  return [...new Set(documents.flatMap((d) => d.annotations.map(decidedBy)))].sort();
}

/** The requested coders, refused when one is named twice or is not a coder of any annotation or done mark. */
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

/** True when a coder's frames on a unit include one of `frames`. */
function appliedAny(applied: ReadonlySet<string> | undefined, frames: ReadonlySet<string>): boolean {
  if (!applied) return false;
  for (const f of frames) if (applied.has(f)) return true;
  return false;
}

/**
 * The yes/no matrix of the units for each set of frames (one frame, or a parent and the frames below it),
 * stacked, with identical rows merged into one of the summed weight. Every coefficient and interval is a sum
 * over items, so this changes no figure, and a corpus of 500,000 characters × 14 frames becomes a few rows.
 */
function tally(
  codings: readonly UnitCoding[],
  frameSets: readonly ReadonlySet<string>[],
): { ratings: string[][]; weights: number[] } {
  const rows = new Map<string, number>();
  for (const frames of frameSets)
    for (const u of codings) {
      let key = '';
      for (const applied of u.frames) key += appliedAny(applied, frames) ? '1' : '0';
      rows.set(key, (rows.get(key) ?? 0) + u.weight);
    }
  return {
    ratings: [...rows.keys()].map((key) => [...key].map((bit) => (bit === '1' ? 'yes' : 'no'))),
    weights: [...rows.values()],
  };
}

/** The coefficients of the units over a set of frames. */
function coefficientsFor(codings: readonly UnitCoding[], frameSets: readonly ReadonlySet<string>[]): Coefficients {
  const { ratings, weights } = tally(codings, frameSets);
  return agreementCoefficients(ratings, { categories: YES_NO, weights });
}

function coded(codings: readonly UnitCoding[], frames: ReadonlySet<string>, coders: number): number[] {
  return Array.from({ length: coders }, (_, c) =>
    codings.reduce((n, u) => n + ([...(u.frames[c] ?? [])].some((f) => frames.has(f)) ? u.weight : 0), 0),
  );
}

/** Each frame with children, with the frames at or below it. */
function parentFrames(codebook: Codebook): { id: string; label: string; covers: Set<string> }[] {
  const parents = codebook.frames.filter((f) => codebook.frames.some((c) => c.parent === f.id));
  return parents.map((p) => {
    const covers = new Set([p.id]);
    // grows until no frame's parent is newly covered (a cycle, refused by the codebook checks, cannot loop)
    for (let grew = true; grew;) {
      grew = false;
      for (const f of codebook.frames)
        if (f.parent !== undefined && covers.has(f.parent) && !covers.has(f.id)) {
          covers.add(f.id);
          grew = true;
        }
    }
    return { id: p.id, label: p.label, covers };
  });
}

/** Agreement of `coders` (default: every coder found, sorted) over the documents; at least two coders are needed. */
export function agreementReport(
  codebook: Codebook,
  documents: readonly CodedDocument[],
  coders?: readonly string[],
  options: AgreementOptions = {},
): AgreementReport {
  const unit = options.unit ?? 'sentence';
  const segments = codedSegments(codebook, documents);
  const isPlaced = (s: CodedSegment): boolean => s.status !== 'orphaned' && s.status !== 'source-missing';
  const placed = segments.filter(isPlaced);
  const found = [
    ...new Set([...segments.map((s) => decidedBy(s.annotation)), ...documents.flatMap((d) => d.done ?? [])]),
  ].sort();
  const compared = coders ? checkedCoders(coders, found) : found;
  if (compared.length < 2)
    throw new RangeError(
      `agreement needs at least two coders; found ${compared.length === 0 ? 'none' : compared.join(', ')}`,
    );
  const included: (CodedDocument & { text: string })[] = [];
  const excluded: { document: string; reason: string }[] = [];
  const markedDone: { document: string; coders: string[] }[] = [];
  const annotated = new Set(placed.map((s) => `${s.document}\0${decidedBy(s.annotation)}`));
  for (const doc of [...documents].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const doneOnly = compared.filter((c) => !annotated.has(`${doc.path}\0${c}`) && (doc.done ?? []).includes(c));
    const missing = compared.filter((c) => !annotated.has(`${doc.path}\0${c}`) && !doneOnly.includes(c));
    if (doc.text === undefined) excluded.push({ document: doc.path, reason: 'the text file is missing' });
    else if (missing.length > 0)
      excluded.push({ document: doc.path, reason: `not coded by ${missing.join(', ')} (no annotation, no done mark)` });
    else {
      included.push({ ...doc, text: doc.text });
      if (doneOnly.length > 0) markedDone.push({ document: doc.path, coders: doneOnly });
    }
  }
  // a report over no unit would print "n/a" everywhere, and "the coders agree on every unit" over nothing
  if (included.length === 0) {
    const hint = coders ? '' : ` (coders found: ${found.join(', ')}; choose two or more who coded the same texts)`;
    throw new RangeError(`no text is coded by all of ${compared.join(', ')}, so there is nothing to compare${hint}`);
  }
  const includedPaths = new Set(included.map((d) => d.path));
  const inIncluded = (s: CodedSegment): boolean =>
    includedPaths.has(s.document) && compared.includes(decidedBy(s.annotation));
  // each text's own segments, found once: filtering all of them for every text and unit is quadratic
  const byDocument = new Map<string, CodedSegment[]>();
  for (const s of placed) {
    const list = byDocument.get(s.document);
    if (list) list.push(s);
    else byDocument.set(s.document, [s]);
  }
  const codingsAt = (u: AgreementUnit): UnitCoding[] =>
    included.flatMap((d) => unitCodings(d, byDocument.get(d.path) ?? [], compared, u));
  const codings = codingsAt(unit);
  const frames = frameOrder(codebook, new Set(placed.filter(inIncluded).map((s) => s.annotation.frame)));
  const perFrame = frames.map((frame): FrameAgreement => {
    const only = new Set([frame]);
    return {
      frame,
      label: codebook.frames.find((f) => f.id === frame)?.label,
      ...coefficientsFor(codings, [only]),
      unitsCoded: coded(codings, only, compared.length),
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
  const singles = frames.map((f) => new Set([f]));
  const used = new Set(frames);
  const parents = parentFrames(codebook)
    .filter((p) => [...p.covers].some((f) => used.has(f)))
    .map((p): ParentAgreement => ({
      frame: p.id,
      label: p.label,
      covers: [...p.covers].filter((f) => used.has(f)),
      ...coefficientsFor(codings, [p.covers]),
      unitsCoded: coded(codings, p.covers, compared.length),
    }));
  const alphaByUnit = Object.fromEntries(
    AGREEMENT_UNITS.map((u) => {
      const at = tally(u === unit ? codings : codingsAt(u), singles);
      return [u, nominalAlpha(at.ratings, at.weights)];
    }),
  ) as Record<AgreementUnit, number | undefined>;
  return {
    coders: compared,
    unit,
    documents: { included: included.map((d) => d.path), excluded, markedDone },
    unplaced: segments.filter((s) => !isPlaced(s) && compared.includes(decidedBy(s.annotation))).length,
    frames: perFrame,
    parents,
    overall: coefficientsFor(codings, singles),
    alphaByUnit,
    unitizing: unitizingFigures(
      included.map((d) => unitizingText(d.text, byDocument.get(d.path) ?? [], compared)),
      frames,
    ),
  };
}
