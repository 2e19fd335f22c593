/**
 * The codebook: frames (ways of presenting an issue) with definitions, coding rules and cue terms, read from a
 * hand-written YAML file (format: codebook/README.md, schema: codebook/codebook.schema.json).
 *
 * The file is untrusted data. It is read with the hardened YAML reader (no aliases, tags, duplicate keys or
 * prototype keys), walked node by node so every problem has an exact line and column, and its terms go through
 * the literal term syntax (termSyntax.ts): nothing in it is executed or used as a regular expression.
 */
import type { Problem } from '../input';
import { decodeUtf8File, errorMessage, hasErrors, parseSafeYaml } from '../input';
import type { TermPattern } from './termSyntax';
import type { Codebook, CodebookTerm, Frame } from './types';
import { readCodebookShape } from './shape';
import type { FrameDraft, ShapeContext } from './shape';
import { checkFrames } from './checks';

/** Larger codebook files are refused before parsing: a real codebook is a few hundred kilobytes at most. */
export const CODEBOOK_MAX_BYTES = 2 * 1024 * 1024;

/**
 * Reads and validates a codebook. Never throws. `codebook` is undefined when any problem has severity 'error';
 * warnings (a term twice in one frame, a frame with nothing to suggest it) leave it usable.
 * All problems found are reported in one pass, sorted by position.
 */
export function parseCodebook(text: string, file: string): { codebook: Codebook | undefined; problems: Problem[] } {
  try {
    return readCodebook(text, file);
  } catch (e) {
    // Not expected (the YAML reader reports its own failures, the walk has a fixed depth), but callers rely on
    // "never throws": a failure becomes a visible error on the file rather than a crashed command.
    const message = errorMessage(e);
    return { codebook: undefined, problems: [{ file, line: 1, column: 1, severity: 'error', message: `could not read the codebook: ${message}` }] };
  }
}

/** Reads and validates a codebook from its file's bytes: bytes that are not UTF-8 text refuse it at the first bad byte. */
export function parseCodebookBytes(bytes: Uint8Array, file: string): { codebook: Codebook | undefined; problems: Problem[] } {
  const decoded = decodeUtf8File(bytes, file, 'codebook');
  return decoded.ok ? parseCodebook(decoded.text, file) : { codebook: undefined, problems: [decoded.problem] };
}

function readCodebook(text: string, file: string): { codebook: Codebook | undefined; problems: Problem[] } {
  const yaml = parseSafeYaml(text, file, { maxBytes: CODEBOOK_MAX_BYTES });
  if (!yaml.doc) return { codebook: undefined, problems: yaml.problems };
  const ctx: ShapeContext = { yaml, text, file, problems: [] };
  const root = yaml.doc.contents;
  if (root === null) {
    ctx.problems.push({ file, line: 1, column: 1, severity: 'error', message: 'the codebook is empty: it needs at least codebook, title and frames' });
    return { codebook: undefined, problems: ctx.problems };
  }
  const draft = readCodebookShape(ctx, root);
  const terms = checkFrames(ctx, draft.frames);
  const problems = ctx.problems.sort((a, b) => a.line - b.line || a.column - b.column);
  if (hasErrors(problems) || !draft.id || !draft.title) return { codebook: undefined, problems };

  const codebook: Codebook = {
    id: draft.id.value,
    title: draft.title.value,
    languages: draft.languages.map((l) => l.value),
    frames: draft.frames.map((f) => toFrame(f, terms.get(f) ?? [])),
    file,
  };
  if (draft.version) codebook.version = draft.version.value;
  if (draft.description) codebook.description = draft.description.value;
  return { codebook, problems };
}

/** A frame from a draft that passed every check (so its required fields are present). */
function toFrame(f: FrameDraft, terms: CodebookTerm[]): Frame {
  const frame: Frame = {
    id: f.id?.value ?? '',
    label: f.label?.value ?? '',
    color: f.color?.value ?? '',
    definition: f.definition?.value ?? '',
    examples: f.examples.map((e) => e.value),
    examplePositions: f.examples.map((e) => ({ line: e.line, column: e.column })),
    terms,
    line: f.line,
  };
  if (f.include) frame.include = f.include.value;
  if (f.exclude) frame.exclude = f.exclude.value;
  if (f.parent) frame.parent = f.parent.value;
  return frame;
}

/** The frame with this id, if any. */
export function findFrame(codebook: Codebook, id: string): Frame | undefined {
  return codebook.frames.find((f) => f.id === id);
}

/**
 * "Parent › Child" labels from the root, for pickers that show the hierarchy: the labels of the frame's
 * ancestors, outermost first, then its own. Empty for an unknown id. Stops at a repeated frame, so a codebook
 * built by hand with a cycle cannot loop.
 */
export function framePath(codebook: Codebook, id: string): string[] {
  const labels: string[] = [];
  const visited = new Set<string>();
  let frame = findFrame(codebook, id);
  while (frame && !visited.has(frame.id)) {
    visited.add(frame.id);
    labels.unshift(frame.label);
    frame = frame.parent === undefined ? undefined : findFrame(codebook, frame.parent);
  }
  return labels;
}

/**
 * The terms for Matcher.compile, in file order. A term written twice in one frame is given once, so the
 * matcher never reports the same span twice for one frame.
 */
export function matcherTerms(codebook: Codebook): { frameId: string; pattern: TermPattern }[] {
  const out: { frameId: string; pattern: TermPattern }[] = [];
  const seen = new Set<string>();
  for (const frame of codebook.frames) {
    for (const term of frame.terms) {
      const key = `${frame.id}\u0000${term.pattern.key}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ frameId: frame.id, pattern: term.pattern });
    }
  }
  return out;
}
