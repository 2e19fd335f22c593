/**
 * Recall and precision of a codebook's cues on a hand-marked evaluation set (test/eval/codebook-eval.yaml).
 * Pure: the set and the codebook come in as text, the figures go out; codebookEval.ts prints them.
 *
 * A mark is (document, term, frame): the words as they stand in an excerpt and the frame they signal there. It
 * is found when a cue match of that frame overlaps any occurrence of the term. A match is correct when it
 * overlaps an occurrence of a mark with its frame; any other match is noise (a false positive).
 */
import { parseDocument, isMap, isSeq, isScalar, type Node, type LineCounter } from 'yaml';
import type { Codebook } from '../../src/core/codebook';
import type { Matcher, TermMatch } from '../../src/core/matcher';

export interface Mark {
  term: string;
  frame: string;
}
export interface Excerpt {
  text: string;
  marks: Mark[];
}
export interface EvalDocument {
  id: string;
  script: string;
  source: string;
  excerpts: Excerpt[];
}

export interface Tally {
  marks: number;
  found: number;
  matches: number;
  correct: number;
}
export interface Miss {
  document: string;
  term: string;
  frame: string;
  /** What the matcher found there instead, if anything. */
  instead?: string;
}
export interface EvalResult {
  byScript: Map<string, Tally>;
  byFrame: Map<string, Tally>;
  total: Tally;
  misses: Miss[];
  noise: Miss[];
}

const emptyTally = (): Tally => ({ marks: 0, found: 0, matches: 0, correct: 0 });

function field(node: Node | null | undefined, key: string, where: string): string {
  if (!isMap(node)) throw new Error(`${where}: expected a mapping`);
  const value = node.get(key, true);
  if (!isScalar(value) || typeof value.value !== 'string' || value.value === '')
    throw new Error(`${where}: '${key}' must be non-empty text`);
  return value.value;
}

function list(node: Node | null | undefined, key: string, where: string): Node[] {
  if (!isMap(node)) throw new Error(`${where}: expected a mapping`);
  const value = node.get(key, true);
  if (!isSeq(value)) throw new Error(`${where}: '${key}' must be a list`);
  return value.items as Node[];
}

function lineOf(node: Node, lines: LineCounter | undefined): string {
  const offset = node.range?.[0];
  return offset === undefined || lines === undefined ? '?' : String(lines.linePos(offset).line);
}

/** The evaluation set; a malformed entry is an error naming the file and line. */
export function parseEvaluationSet(
  text: string,
  file: string,
  codebook: Codebook,
  lines?: LineCounter,
): EvalDocument[] {
  const doc = parseDocument(text, lines ? { lineCounter: lines } : {});
  if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0].message}`);
  const frames = new Set(codebook.frames.map((f) => f.id));
  return list(doc.contents, 'documents', file).map((d) => {
    const where = `${file}:${lineOf(d, lines)}`;
    const id = field(d, 'id', where);
    return {
      id,
      script: field(d, 'script', where),
      source: field(d, 'source', where),
      excerpts: list(d, 'excerpts', where).map((e) => {
        const at = `${file}:${lineOf(e, lines)} (${id})`;
        const excerptText = field(e, 'text', at);
        const marks = list(e, 'marks', at).map((m) => {
          const mark = { term: field(m, 'term', at), frame: field(m, 'frame', at) };
          if (!excerptText.includes(mark.term)) throw new Error(`${at}: the term '${mark.term}' is not in the excerpt`);
          if (!frames.has(mark.frame)) throw new Error(`${at}: '${mark.frame}' is not a frame of the codebook`);
          return mark;
        });
        return { text: excerptText, marks };
      }),
    };
  });
}

function spans(text: string, term: string): [number, number][] {
  const out: [number, number][] = [];
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) out.push([i, i + term.length]);
  return out;
}

const overlaps = (m: TermMatch, [s, e]: [number, number]): boolean => m.start < e && m.end > s;

function tallyOf(map: Map<string, Tally>, key: string): Tally {
  let t = map.get(key);
  if (t === undefined) map.set(key, (t = emptyTally()));
  return t;
}

/** Matches every excerpt with `matcher` and counts marks found and matches that are correct. */
export function evaluate(documents: readonly EvalDocument[], matcher: Matcher): EvalResult {
  const result: EvalResult = { byScript: new Map(), byFrame: new Map(), total: emptyTally(), misses: [], noise: [] };
  for (const d of documents) {
    const script = tallyOf(result.byScript, d.script);
    for (const excerpt of d.excerpts) {
      const matches = matcher.find(excerpt.text);
      const marked = excerpt.marks.map((m) => ({ mark: m, at: spans(excerpt.text, m.term) }));
      for (const { mark, at } of marked) {
        const hit = matches.some((m) => m.frameId === mark.frame && at.some((s) => overlaps(m, s)));
        const other = matches.find((m) => at.some((s) => overlaps(m, s)));
        for (const t of [script, tallyOf(result.byFrame, mark.frame), result.total]) {
          t.marks++;
          if (hit) t.found++;
        }
        if (!hit) {
          const instead = other ? `'${other.term}' (${other.frameId})` : undefined;
          result.misses.push({ document: d.id, term: mark.term, frame: mark.frame, ...(instead ? { instead } : {}) });
        }
      }
      for (const m of matches) {
        const correct = marked.some(({ mark, at }) => mark.frame === m.frameId && at.some((s) => overlaps(m, s)));
        for (const t of [script, tallyOf(result.byFrame, m.frameId), result.total]) {
          t.matches++;
          if (correct) t.correct++;
        }
        if (!correct)
          result.noise.push({
            document: d.id,
            term: excerpt.text.slice(m.start, m.end),
            frame: m.frameId,
            instead: m.term,
          });
      }
    }
  }
  return result;
}

export const recall = (t: Tally): number => (t.marks === 0 ? 1 : t.found / t.marks);
export const precision = (t: Tally): number => (t.matches === 0 ? 1 : t.correct / t.matches);
