/**
 * Second pass over a codebook: the checks that need all frames at once — unique ids and labels, parents that
 * exist and form a tree, and cue terms that parse and point to one frame only. The first pass (codebookShape.ts)
 * has already reported anything malformed; here a missing field just means "skip this check for this frame".
 */
import type { CodebookTerm } from './types';
import { excerpt } from '../input';
import { closestName } from './suggest';
import { report } from './shape';
import type { FrameDraft, Located, ShapeContext } from './shape';
import { foldTerm } from '../text';
import { parseTerm } from './termSyntax';
import { shadowedTerms } from './shadowing';

function frameName(f: FrameDraft): string {
  return f.id ? `'${excerpt(f.id.value)}'` : `${f.index}`;
}

/** The first frame for each id; later frames with the same id are reported. */
function checkUniqueIds(ctx: ShapeContext, frames: readonly FrameDraft[]): Map<string, FrameDraft> {
  const byId = new Map<string, FrameDraft>();
  for (const f of frames) {
    if (!f.id) continue;
    const first = byId.get(f.id.value);
    if (first) report(ctx, f.id, `duplicate frame id '${excerpt(f.id.value)}': the first frame with this id is at line ${first.line}`);
    else byId.set(f.id.value, f);
  }
  return byId;
}

/** Labels name frames in pickers and exports, so two that read alike (ignoring case and hyphens) are refused. */
function checkUniqueLabels(ctx: ShapeContext, frames: readonly FrameDraft[]): void {
  const byLabel = new Map<string, FrameDraft>();
  for (const f of frames) {
    if (!f.label) continue;
    const key = foldTerm(f.label.value);
    const first = byLabel.get(key);
    if (first) {
      report(ctx, f.label, `duplicate label '${excerpt(f.label.value)}': frame ${frameName(f)} has the same label as frame ${frameName(first)} at line ${first.line}`);
    } else {
      byLabel.set(key, f);
    }
  }
}

/** Unknown parents and frames that are their own parent. Returns child id → parent id for the valid links. */
function checkParents(ctx: ShapeContext, frames: readonly FrameDraft[], byId: ReadonlyMap<string, FrameDraft>): Map<string, string> {
  const parentOf = new Map<string, string>();
  for (const f of frames) {
    if (!f.parent) continue;
    const parent = f.parent.value;
    if (f.id && parent === f.id.value) {
      report(ctx, f.parent, `frame '${excerpt(parent)}' cannot be its own parent`);
    } else if (!byId.has(parent)) {
      const guess = closestName(parent, byId.keys());
      report(ctx, f.parent, `unknown parent '${excerpt(parent)}' in frame ${frameName(f)}: no frame has this id.${guess !== undefined ? ` Did you mean '${excerpt(guess)}'?` : ''}`);
    } else if (f.id && byId.get(f.id.value) === f) {
      parentOf.set(f.id.value, parent);
    }
  }
  return parentOf;
}

/** Each parent cycle once, at the frame of the cycle that comes first in the file. */
function checkCycles(ctx: ShapeContext, byId: ReadonlyMap<string, FrameDraft>, parentOf: ReadonlyMap<string, string>): void {
  const done = new Set<string>();
  for (const start of parentOf.keys()) {
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let id: string | undefined = start;
    while (id !== undefined && !done.has(id) && !onPath.has(id)) {
      onPath.set(id, path.length);
      path.push(id);
      id = parentOf.get(id);
    }
    if (id !== undefined && onPath.has(id)) {
      const cycle = path.slice(onPath.get(id));
      const firstInFile = cycle.map((c) => byId.get(c) as FrameDraft).sort((a, b) => a.line - b.line)[0];
      const from = cycle.indexOf((firstInFile.id as Located<string>).value);
      const shown = [...cycle.slice(from), ...cycle.slice(0, from)];
      report(ctx, firstInFile.parent ?? firstInFile, `parent cycle: ${[...shown, shown[0]].map((c) => `'${excerpt(c)}'`).join(' → ')}: frames nest as a tree, so one of them must not name its descendant as parent`);
    }
    for (const p of path) done.add(p);
  }
}

/** Where a term's problem is: the term's own position plus parseTerm's offset when the text is verbatim. */
function termPosition(ctx: ShapeContext, term: Located<string>, offset: number): { line: number; column: number } {
  return term.start !== undefined ? ctx.yaml.positionAt(term.start + offset) : term;
}

/** Parses every term; reports syntax errors, a term under two frames (error) and a term twice in one frame (warning). */
function checkTerms(ctx: ShapeContext, frames: readonly FrameDraft[]): Map<FrameDraft, CodebookTerm[]> {
  const out = new Map<FrameDraft, CodebookTerm[]>();
  const seen = new Map<string, { frame: FrameDraft; term: Located<string> }>();
  for (const f of frames) {
    const terms: CodebookTerm[] = [];
    for (const t of f.terms) {
      const parsed = parseTerm(t.value);
      if (!parsed.ok) {
        report(ctx, termPosition(ctx, t, parsed.offset), `term '${excerpt(t.value)}' in frame ${frameName(f)}: ${parsed.message}`);
        continue;
      }
      const key = parsed.pattern.key;
      const first = seen.get(key);
      const same = first && first.term.value !== t.value ? ` (the same term as '${excerpt(first.term.value)}')` : '';
      if (first && first.frame === f) {
        report(ctx, t, `term '${excerpt(t.value)}' appears twice in frame ${frameName(f)}${same}; the first is at line ${first.term.line}`, 'warning');
      } else if (first) {
        report(ctx, t, `term '${excerpt(t.value)}' is under frame ${frameName(f)} and also under frame ${frameName(first.frame)} at line ${first.term.line}${same}: a cue term may point to one frame only`);
      } else {
        seen.set(key, { frame: f, term: t });
      }
      terms.push({ raw: t.value, pattern: parsed.pattern, frameId: f.id?.value ?? '', line: t.line, column: t.column });
    }
    out.set(f, terms);
  }
  return out;
}

/** A frame with no terms and no children can never be suggested by the matcher: probably unfinished. */
function checkEmptyFrames(ctx: ShapeContext, frames: readonly FrameDraft[], parentOf: ReadonlyMap<string, string>): void {
  const parents = new Set(parentOf.values());
  for (const f of frames) {
    if (f.id && f.terms.length === 0 && !parents.has(f.id.value)) {
      report(ctx, f, `frame '${excerpt(f.id.value)}' has no terms and no child frames, so nothing will ever suggest it`, 'warning');
    }
  }
}

/** Runs every cross-frame check; returns each frame's parsed terms. */
export function checkFrames(ctx: ShapeContext, frames: readonly FrameDraft[]): Map<FrameDraft, CodebookTerm[]> {
  const byId = checkUniqueIds(ctx, frames);
  checkUniqueLabels(ctx, frames);
  const parentOf = checkParents(ctx, frames, byId);
  checkCycles(ctx, byId, parentOf);
  const terms = checkTerms(ctx, frames);
  checkEmptyFrames(ctx, frames, parentOf);
  for (const { term, by } of shadowedTerms([...terms.values()].flat())) {
    report(ctx, term, `term '${term.raw}' in frame '${term.frameId}' can never be a cue: '${by.raw}' of frame '${by.frameId}' at line ${by.line} comes first and finds every text it finds. Move this term above it, narrow the other, or remove one`, 'warning');
  }
  return terms;
}
