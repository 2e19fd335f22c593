/**
 * Edits with known truth for the anchoring benchmark. Every case is an annotation made on a document and a
 * list of edits applied to it; the truth (where the coded text is afterwards, or that it is gone) comes from
 * following the span through the edits one by one with the editor's edit tracker (src/core/edits.ts), which
 * knows every edit, independently of re-anchoring, which sees only the result.
 */
import { createAnnotation, CONTEXT_LENGTH, type Annotation } from '../../src/core/annotations';
import { shiftAnnotations, type TextEdit } from '../../src/core/annotations/edits';
import { makeDocument, pickQuote, Rng, wrap, type Script } from './documents';

export const KINDS = [
  'insertions and deletions elsewhere',
  '1-3 characters changed inside the quote',
  'quote deleted, a look-alike elsewhere',
  'look-alike with the same prefix and suffix',
  'exact copy with full context elsewhere, original context edited',
  'paragraph rewrapped',
  '10-40 random edits at once',
] as const;
export type Kind = (typeof KINDS)[number];

export interface Span {
  start: number;
  end: number;
}

export interface AnchorCase {
  kind: Kind;
  script: Script;
  after: string;
  annotation: Annotation;
  /** Where the coded text is in `after`, or null when it was deleted. */
  truth: Span | null;
}

const FILLER: Record<Script, readonly string[]> = {
  en: ['indeed ', 'the ', 'new ', 'a', 'x', ', ', 'public '],
  ru: ['также ', 'новый ', 'и ', 'а', 'ы', ', ', 'общий '],
  zh: ['也', '新的', '和', '国', '网', '，', '公共'],
};

/** A document being edited, with the true span of the coded text followed through each edit. */
class Editing {
  truth: Span | null;
  constructor(
    public text: string,
    readonly annotation: Annotation,
  ) {
    this.truth = { start: annotation.start, end: annotation.end };
  }
  apply(edit: TextEdit): void {
    const next = this.text.slice(0, edit.start) + edit.text + this.text.slice(edit.end);
    if (this.truth) {
      const tracked = { ...this.annotation, start: this.truth.start, end: this.truth.end, status: undefined };
      const [moved] = shiftAnnotations([tracked], [edit], next);
      this.truth =
        !moved || moved.status === 'orphaned' || moved.end <= moved.start
          ? null
          : { start: moved.start, end: moved.end };
    }
    this.text = next;
  }
}

function annotate(text: string, span: Span): Annotation {
  return createAnnotation(text, span.start, span.end, 'bench-frame', 'bench', '2026-12-02', 'a0000000001');
}

function randomEdit(rng: Rng, script: Script, text: string, at: number): TextEdit {
  const r = rng.next();
  if (r < 0.4) return { start: at, end: at, text: rng.pick(FILLER[script]) };
  const end = Math.min(text.length, at + rng.int(1, 10));
  return { start: at, end, text: r < 0.7 ? '' : rng.pick(FILLER[script]) };
}

/** A position for an edit that keeps off [from, to) (an edit ending at `from` or starting at `to` is fine). */
function positionOutside(rng: Rng, text: string, from: number, to: number, room: number): number {
  for (;;) {
    const at = rng.int(0, text.length);
    if (at + room <= from || at >= to) return at;
  }
}

/** Where `piece` can be planted: the start of a paragraph other than the one holding [from, to). */
function paragraphStartAway(rng: Rng, text: string, from: number, to: number): number {
  const starts = [0, ...[...text.matchAll(/\n\n/g)].map((m) => m.index + 2)].filter(
    (s) => s + 2 < from - CONTEXT_LENGTH || s > to + CONTEXT_LENGTH,
  );
  return starts.length === 0 ? text.length : rng.pick(starts);
}

function sentenceAround(text: string, span: Span): Span {
  const ends = /[.。!?]/g;
  let start = 0;
  for (const m of text.slice(0, span.start).matchAll(ends)) start = m.index + 1;
  ends.lastIndex = span.end;
  const next = ends.exec(text);
  return { start, end: next ? next.index + 1 : text.length };
}

function plantedCopy(rng: Rng, text: string, span: Span, piece: string): { text: string; span: Span } {
  const at = paragraphStartAway(rng, text, span.start, span.end);
  const insert = at === text.length ? `\n\n${piece}` : `${piece}\n\n`;
  const shift = at <= span.start ? insert.length : 0;
  return {
    text: text.slice(0, at) + insert + text.slice(at),
    span: { start: span.start + shift, end: span.end + shift },
  };
}

function editsOf(kind: Kind, rng: Rng, script: Script, e: Editing): void {
  const a = e.annotation;
  const outsideQuote = (n: number): void => {
    for (let i = 0; i < n && e.truth; i++) {
      const at = positionOutside(rng, e.text, e.truth.start, e.truth.end, 10);
      e.apply(randomEdit(rng, script, e.text, at));
    }
  };
  if (kind === 'insertions and deletions elsewhere' || kind === 'look-alike with the same prefix and suffix') {
    outsideQuote(rng.int(1, 3));
  } else if (kind === '1-3 characters changed inside the quote') {
    for (let i = rng.int(1, 3); i > 0 && e.truth; i--) {
      const at = rng.int(e.truth.start + 1, e.truth.end - 2);
      const r = rng.next();
      e.apply({ start: at, end: r < 0.33 ? at : at + 1, text: r > 0.66 ? '' : rng.pick(FILLER[script]).slice(0, 1) });
    }
  } else if (kind === 'quote deleted, a look-alike elsewhere') {
    const sentence = sentenceAround(e.text, { start: a.start, end: a.end });
    e.apply({ start: sentence.start, end: sentence.end, text: '' });
  } else if (kind === 'exact copy with full context elsewhere, original context edited') {
    for (let i = rng.int(1, 3); i > 0 && e.truth; i--) {
      const before = rng.next() < 0.5;
      const at = before
        ? rng.int(Math.max(0, e.truth.start - CONTEXT_LENGTH + 4), e.truth.start - 1)
        : rng.int(e.truth.end + 1, Math.min(e.text.length, e.truth.end + CONTEXT_LENGTH - 4));
      e.apply({
        start: at,
        end: Math.min(at + rng.int(0, 3), before ? e.truth.start : e.text.length),
        text: rng.pick(FILLER[script]),
      });
    }
  } else if (kind === 'paragraph rewrapped') {
    rewrap(rng, script, e);
  } else {
    for (let i = rng.int(10, 40); i > 0; i--) e.apply(randomEdit(rng, script, e.text, rng.int(0, e.text.length)));
  }
}

/** The quote's paragraph wrapped at another width (or not at all), as edits of its line breaks. */
function rewrap(rng: Rng, script: Script, e: Editing): void {
  const from = e.text.lastIndexOf('\n\n', e.annotation.start) + 1;
  const found = e.text.indexOf('\n\n', e.annotation.end);
  const to = found < 0 ? e.text.length : found;
  const old = e.text.slice(from, to).replace(/^\n/, '');
  const start = to - old.length;
  const content = script === 'zh' ? old.replace(/\n/g, '') : old.replace(/\n/g, ' ');
  // first join the lines (right to left, so earlier offsets stay valid), then break them again
  for (let i = old.length - 1; i >= 0; i--) {
    if (old[i] === '\n') e.apply({ start: start + i, end: start + i + 1, text: script === 'zh' ? '' : ' ' });
  }
  const width = rng.next() < 0.2 ? 0 : script === 'zh' ? rng.int(8, 24) : rng.int(25, 60);
  const wrapped = wrap(content, script, width);
  if (script === 'zh') {
    for (let i = wrapped.length - 1, c = content.length; i >= 0; i--) {
      if (wrapped[i] === '\n') e.apply({ start: start + c, end: start + c, text: '\n' });
      else c--;
    }
  } else {
    for (let i = wrapped.length - 1; i >= 0; i--)
      if (wrapped[i] === '\n') e.apply({ start: start + i, end: start + i + 1, text: '\n' });
  }
}

/** One case of `kind` in `script`, generated from `seed`. */
export function makeCase(kind: Kind, script: Script, seed: number): AnchorCase {
  const rng = new Rng(seed);
  let text = makeDocument(rng, script);
  let span = pickQuote(rng, text, script);
  const quote = text.slice(span.start, span.end);
  if (kind === 'quote deleted, a look-alike elsewhere') {
    ({ text, span } = plantedCopy(rng, text, span, script === 'zh' ? `据称${quote}。` : `As noted, ${quote}.`));
  } else if (
    kind === 'look-alike with the same prefix and suffix' ||
    kind === 'exact copy with full context elsewhere, original context edited'
  ) {
    const piece = text.slice(
      Math.max(0, span.start - CONTEXT_LENGTH),
      Math.min(text.length, span.end + CONTEXT_LENGTH),
    );
    ({ text, span } = plantedCopy(rng, text, span, piece));
  }
  const e = new Editing(text, annotate(text, span));
  editsOf(kind, rng, script, e);
  return { kind, script, after: e.text, annotation: e.annotation, truth: e.truth };
}

/** A long text with `n` annotations, and the same text after one character inserted at the top. */
export function manyAnnotations(n: number, seed: number): { before: string; after: string; annotations: Annotation[] } {
  const rng = new Rng(seed);
  const parts: string[] = [];
  let length = 0;
  while (length < n * 70) {
    const doc = makeDocument(rng, rng.pick(['en', 'ru', 'zh'] as const));
    parts.push(doc);
    length += doc.length + 2;
  }
  const before = parts.join('\n\n');
  const annotations: Annotation[] = [];
  const step = Math.floor(before.length / n);
  for (let i = 0; i < n; i++) {
    const start = i * step + rng.int(0, 20);
    const end = Math.min(before.length, start + rng.int(4, 30));
    const id = `a${i.toString(32).padStart(10, '0')}`;
    annotations.push(createAnnotation(before, start, end, 'bench-frame', 'bench', '2026-12-02', id));
  }
  return { before, after: `\n${before}`, annotations };
}
