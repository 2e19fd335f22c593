/**
 * A codebook that tests itself: each frame's `examples:` are its test cases. An example that no cue of its
 * frame (or of a frame nested under it) finds, or whose first cue belongs to another frame, is a warning at
 * the example's line: either the cues have gaps or the example shows the wrong frame. Run when the codebook
 * loads (the editor's Problems panel) and by `sovcode validate`, so CI checks the shipped codebook.
 *
 * Kept apart from the codebook room because it needs the matcher, which itself imports the codebook.
 */
import type { Codebook, Frame } from '../codebook';
import { excerpt, type Problem } from '../input';
import { Matcher, type TermMatch } from '../matcher';
import { matcherTerms } from '../codebook';

/** The frame and every frame nested under it (cues of a child count for its group frame). */
function subtree(codebook: Codebook, root: Frame): Set<string> {
  const ids = new Set([root.id]);
  for (let grew = true; grew;) {
    grew = false;
    for (const f of codebook.frames) {
      if (f.parent !== undefined && ids.has(f.parent) && !ids.has(f.id)) {
        ids.add(f.id);
        grew = true;
      }
    }
  }
  return ids;
}

function label(codebook: Codebook, id: string): string {
  return codebook.frames.find((f) => f.id === id)?.label ?? id;
}

/** What is wrong with one example, or undefined when its first cue is one of its frame's. */
function verdict(
  codebook: Codebook,
  frame: Frame,
  own: Set<string>,
  matches: readonly TermMatch[],
): string | undefined {
  const first = matches[0];
  if (first === undefined || !matches.some((m) => own.has(m.frameId)))
    return `no cue of frame '${frame.id}' finds this example${first ? ` (only cues of '${label(codebook, first.frameId)}')` : ''}: add the term it shows, or move the example`;
  if (!own.has(first.frameId))
    return `the first cue in this example is '${first.term}' of frame '${first.frameId}' (${label(codebook, first.frameId)}), not of '${frame.id}'`;
  return undefined;
}

/** Warnings for the examples of every frame; `matcher` is the codebook's compiled matcher when the caller has one. */
export function exampleProblems(codebook: Codebook, matcher?: Matcher): Problem[] {
  const m = matcher ?? Matcher.compile(matcherTerms(codebook));
  const problems: Problem[] = [];
  for (const frame of codebook.frames) {
    const own = subtree(codebook, frame);
    frame.examples.forEach((example, i) => {
      const message = verdict(codebook, frame, own, m.find(example));
      if (message === undefined) return;
      const at = frame.examplePositions?.[i] ?? { line: frame.line, column: 1 };
      problems.push({
        file: codebook.file,
        line: at.line,
        column: at.column,
        severity: 'warning',
        kind: 'example',
        message: `example "${excerpt(example)}" of frame '${frame.id}': ${message}`,
      });
    });
  }
  return problems;
}
