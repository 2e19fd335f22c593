/**
 * Documents and quotes for the anchoring benchmark: a seeded random generator, documents made of the
 * benchmark's own sentences (sentences.ts) in paragraphs hard-wrapped like a text file, and a random quote of
 * a few words (a few characters in Chinese) to annotate in one.
 */
import { CHINESE, ENGLISH, RUSSIAN } from './sentences';

export type Script = 'en' | 'ru' | 'zh';
export const SCRIPTS: readonly Script[] = ['en', 'ru', 'zh'];

/** mulberry32: small, seeded, the same sequence on every machine. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    const x = xs[Math.floor(this.next() * xs.length)];
    if (x === undefined) throw new Error('pick from an empty list');
    return x;
  }
  shuffled<T>(xs: readonly T[]): T[] {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}

export function sentencesOf(script: Script): readonly string[] {
  return script === 'en' ? ENGLISH : script === 'ru' ? RUSSIAN : CHINESE;
}

/** Width at which paragraphs are wrapped: columns for spaced scripts, characters for Chinese. */
export function wrapWidth(script: Script): number {
  return script === 'zh' ? 30 : 72;
}

/** A paragraph's sentences wrapped at `width`: at spaces for spaced scripts, between characters for Chinese. */
export function wrap(content: string, script: Script, width: number): string {
  if (width <= 0) return content;
  if (script === 'zh') {
    const lines: string[] = [];
    for (let i = 0; i < content.length; i += width) lines.push(content.slice(i, i + width));
    return lines.join('\n');
  }
  let out = '';
  let column = 0;
  for (const word of content.split(' ')) {
    if (out === '') out = word;
    else if (column + 1 + word.length > width) out += `\n${word}`;
    else out += ` ${word}`;
    column = out.length - out.lastIndexOf('\n') - 1;
  }
  return out;
}

/** Every sentence of the script once, shuffled, in paragraphs of three to five, wrapped. */
export function makeDocument(rng: Rng, script: Script): string {
  const sentences = rng.shuffled(sentencesOf(script));
  const joiner = script === 'zh' ? '' : ' ';
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length;) {
    const n = rng.int(3, 5);
    paragraphs.push(wrap(sentences.slice(i, i + n).join(joiner), script, wrapWidth(script)));
    i += n;
  }
  return paragraphs.join('\n\n');
}

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\n';
}

/** A random quote inside one paragraph: two to six words, or three to ten Chinese characters. */
export function pickQuote(rng: Rng, text: string, script: Script): { start: number; end: number } {
  for (;;) {
    if (script === 'zh') {
      const start = rng.int(0, text.length - 12);
      const end = start + rng.int(3, 10);
      if (/^[\s，。]|[\s，。]$|\n\n/.test(text.slice(start, end))) continue;
      return { start, end };
    }
    const words = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    const i = rng.int(0, words.length - 7);
    const k = rng.int(2, 6);
    const first = words[i];
    const last = words[i + k - 1];
    if (!first || !last) continue;
    const span = text.slice(first.start, last.end);
    if (span.includes('\n\n') || isSpace(span[0])) continue;
    return { start: first.start, end: last.end };
  }
}
