/**
 * Reading a language model's answer without trusting it. The answer must be JSON of the form the prompt asks
 * for (a fenced or chatty answer is tolerated: the first `{` to the last `}` is read); every coding must name
 * a frame of the codebook and quote the chunk exactly. The model's offsets, if it gives any, are ignored:
 * quotes are found again in the text. A quote found more than once is placed by its `before` context, else
 * the n-th coding of one (frame, quote) takes the n-th occurrence; anything that cannot be placed is reported
 * with the reason and never written.
 */
import type { Codebook } from '../../codebook';
import type { TextChunk } from './chunks';

export interface PlacedCoding {
  /** Offsets in the whole text (the chunk's offset added). */
  start: number;
  end: number;
  frame: string;
  quote: string;
  reason: string;
}

export interface RejectedCoding {
  /** What the model sent, shortened for a message. */
  what: string;
  why: string;
}

export interface ParsedAnswer {
  placed: PlacedCoding[];
  rejected: RejectedCoding[];
  /** Set when the whole answer was unusable (not JSON, wrong shape). */
  error?: string;
}

/** A quote longer than this is not a coding of a passage but a copy of the text. */
const MAX_QUOTE = 2000;

const short = (s: string): string => (s.length > 80 ? `${s.slice(0, 79)}…` : s);

function jsonOf(answer: string): unknown {
  const from = answer.indexOf('{');
  const to = answer.lastIndexOf('}');
  if (from < 0 || to < from) throw new SyntaxError('the answer holds no JSON object');
  return JSON.parse(answer.slice(from, to + 1));
}

function occurrences(text: string, quote: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) out.push(i);
  return out;
}

const stringField = (o: Record<string, unknown>, key: string): string | undefined =>
  typeof o[key] === 'string' ? o[key] : undefined;

export function parseModelAnswer(answer: string, codebook: Codebook, chunk: TextChunk): ParsedAnswer {
  let data: unknown;
  try {
    data = jsonOf(answer);
  } catch (e) {
    return {
      placed: [],
      rejected: [],
      error: `the model's answer is not JSON (${e instanceof Error ? e.message : String(e)}): ${short(answer)}`,
    };
  }
  const codings = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).codings : undefined;
  if (!Array.isArray(codings))
    return { placed: [], rejected: [], error: `the model's answer has no "codings" list: ${short(answer)}` };
  const frames = new Set(codebook.frames.map((f) => f.id));
  const placed: PlacedCoding[] = [];
  const rejected: RejectedCoding[] = [];
  const used = new Map<string, number>();
  for (const item of codings as unknown[]) {
    if (typeof item !== 'object' || item === null) {
      rejected.push({ what: short(JSON.stringify(item) ?? String(item)), why: 'not a coding object' });
      continue;
    }
    const o = item as Record<string, unknown>;
    const frame = stringField(o, 'frame');
    const quote = stringField(o, 'quote')?.trim();
    const what = short(`${frame ?? '?'}: “${quote ?? '?'}”`);
    if (frame === undefined || !frames.has(frame)) {
      rejected.push({ what, why: frame === undefined ? 'no frame' : `frame '${frame}' is not in the codebook` });
      continue;
    }
    if (quote === undefined || quote === '') {
      rejected.push({ what, why: 'no quote' });
      continue;
    }
    if (quote.length > MAX_QUOTE) {
      rejected.push({ what, why: `the quote is longer than ${MAX_QUOTE} characters` });
      continue;
    }
    const found = occurrences(chunk.text, quote);
    if (found.length === 0) {
      rejected.push({ what, why: 'the quote is not in the text (the model paraphrased or invented it)' });
      continue;
    }
    const before = stringField(o, 'before');
    const byContext = before ? found.filter((i) => chunk.text.slice(0, i).endsWith(before)) : [];
    const key = `${frame}\u0000${quote}`;
    const nth = used.get(key) ?? 0;
    used.set(key, nth + 1);
    const at = byContext.length === 1 ? byContext[0] : found[nth];
    if (at === undefined) {
      rejected.push({ what, why: `the quote occurs ${found.length} time(s) and every occurrence is coded already` });
      continue;
    }
    placed.push({
      start: chunk.start + at,
      end: chunk.start + at + quote.length,
      frame,
      quote,
      reason: stringField(o, 'reason')?.trim() ?? '',
    });
  }
  return { placed, rejected };
}
