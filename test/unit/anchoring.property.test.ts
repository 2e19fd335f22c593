/**
 * Property test of the rule against silent jumps (issue 12): random texts from a small vocabulary (so that
 * quotes and contexts repeat by chance), an annotation, planted look-alikes that share the quote and its
 * prefix, or its suffix, or both, or neither, shifts elsewhere, and sometimes the coded passage deleted. A
 * relocation that is not flagged is accepted only where a reference — exact search of the stored prefix +
 * quote + suffix, up to whitespace — finds the piece; and the coded passage, when it is still there, is never orphaned.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { reanchor } from '../../src/core/anchoring';
import { storedPieces } from '../../src/core/anchoring/storedPieces';
import { fold } from '../../src/core/anchoring/whitespace';
import { CONTEXT_LENGTH, createAnnotation, type Annotation } from '../../src/core/annotations';

const WORDS = [
  'data',
  'state',
  'rule',
  'net',
  'law',
  'border',
  'cloud',
  'vote',
  'court',
  '主权',
  '网络',
  'сеть',
  'закон',
];
const SEPARATORS = [' ', ' ', ' ', ' ', '\n', ', '];

interface Plant {
  kind: 'quote' | 'prefix' | 'suffix' | 'piece';
  at: number;
  filler: string[];
}

const wordsArb = (min: number, max: number): fc.Arbitrary<string[]> =>
  fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max });
const textArb = fc
  .tuple(wordsArb(30, 90), fc.array(fc.constantFrom(...SEPARATORS), { minLength: 90, maxLength: 90 }))
  .map(([words, seps]) => words.map((w, i) => w + (i < words.length - 1 ? (seps[i] ?? ' ') : '')).join(''));
const plantArb: fc.Arbitrary<Plant> = fc.record({
  kind: fc.constantFrom('quote', 'prefix', 'suffix', 'piece'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  filler: wordsArb(3, 8),
});

/** The word starts of `text`: where a planted passage or a shift can go without splitting a word. */
function boundaries(text: string): number[] {
  return [0, ...[...text.matchAll(/[\s,]+/g)].map((m) => m.index + m[0].length), text.length];
}

/** The reference: quote starts of every exact occurrence of prefix + quote + suffix, up to whitespace. */
function reference(text: string, a: Annotation): number[] {
  const p = storedPieces(a);
  const piece = p.prefix + p.quote + p.suffix;
  const f = fold(text);
  const found: number[] = [];
  for (let i = f.text.indexOf(piece); i >= 0; i = f.text.indexOf(piece, i + 1))
    found.push(f.from[i + p.prefix.length] ?? -1);
  return found;
}

describe('Anchoring property: no silent jump onto a look-alike (reference: exact prefix+quote+suffix)', () => {
  it('accepts a relocation only where the reference finds the whole piece, and never orphans an intact passage', () => {
    fc.assert(
      fc.property(
        textArb,
        fc.nat(),
        fc.integer({ min: 1, max: 4 }),
        fc.array(plantArb, { maxLength: 4 }),
        fc.boolean(),
        wordsArb(1, 4),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (text, startSeed, quoteWords, plants, deleteOriginal, shiftWords, shiftAt) => {
          const starts = boundaries(text).filter((b) => b < text.length);
          const start = starts[startSeed % starts.length] ?? 0;
          const after = boundaries(text).filter((b) => b > start);
          const end = Math.min(text.length, after[quoteWords - 1] ?? text.length);
          const quoteEnd = text.slice(start, end).trimEnd().length + start;
          if (quoteEnd <= start) return;
          const a = createAnnotation(text, start, quoteEnd, 'frame', 'tester', '2026-12-02', 'a0000000001');
          // Edits keep off the stored piece, except the deletion of the quote itself.
          const guardFrom = a.start - CONTEXT_LENGTH - 1;
          const guardTo = a.end + CONTEXT_LENGTH + 1;
          const outside = boundaries(text).filter((b) => b < guardFrom || b > guardTo);
          const inserts: { at: number; text: string }[] = plants.map((p) => {
            const filler = p.filler.join(' ');
            const body =
              p.kind === 'quote'
                ? a.quote
                : p.kind === 'prefix'
                  ? a.prefix + a.quote
                  : p.kind === 'suffix'
                    ? a.quote + a.suffix
                    : a.prefix + a.quote + a.suffix;
            return { at: outside[Math.floor(p.at * outside.length)] ?? 0, text: ` ${filler} ${body} ${filler} ` };
          });
          inserts.push({ at: outside[Math.floor(shiftAt * outside.length)] ?? 0, text: `${shiftWords.join(' ')} ` });
          let edited = text;
          let quoteAt: number = a.start;
          for (const ins of [...inserts].sort((x, y) => y.at - x.at)) {
            edited = edited.slice(0, ins.at) + ins.text + edited.slice(ins.at);
            if (ins.at <= quoteAt) quoteAt += ins.text.length;
          }
          if (deleteOriginal) edited = edited.slice(0, quoteAt) + edited.slice(quoteAt + a.quote.length);
          const r = reanchor(a, edited);
          const agreeing = reference(edited, a);
          if (r.outcome === 'exact' || r.outcome === 'moved') {
            assert.ok(
              agreeing.includes(r.annotation.start),
              `placed silently at ${r.annotation.start}, the reference finds the piece at [${agreeing.join(', ')}]`,
            );
          }
          if (!deleteOriginal) assert.notEqual(r.outcome, 'orphaned', 'the coded passage is still there');
        },
      ),
      { numRuns: 2000, seed: 18 },
    );
  });
});
