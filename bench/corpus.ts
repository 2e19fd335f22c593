/**
 * A synthetic coded corpus for the index benchmark and its smoke test: N texts of sentences in paragraphs and
 * M annotations spread over them, each a real span of its text with the context the extension would write,
 * serialized as canonical sidecars. Seeded, so runs compare; nothing is read from disk.
 */
import { contextAround, type Annotation } from '../src/core/annotations';
import { serializeSidecar } from '../src/core/sidecar';
import { textHash } from '../src/core/text';
import { EN, pick, rnd } from './fixtures';

export interface SyntheticFile {
  path: string;
  sidecarFile: string;
  text: string;
  sidecar: string;
}

function sentence(): string {
  const words = Array.from({ length: 8 + Math.floor(rnd() * 14) }, () => pick(EN));
  const s = words.join(' ');
  return `${s[0]?.toUpperCase() ?? ''}${s.slice(1)}.`;
}

function text(sentences: number): string {
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences; i += 4)
    paragraphs.push(Array.from({ length: Math.min(4, sentences - i) }, sentence).join(' '));
  return `${paragraphs.join('\n\n')}\n`;
}

/** `texts` files with `annotations` annotations in all, frames drawn from `frames`. */
export function syntheticCorpus(texts: number, annotations: number, frames: readonly string[]): SyntheticFile[] {
  const perText = Math.ceil(annotations / texts);
  const files: SyntheticFile[] = [];
  let made = 0;
  for (let t = 0; t < texts; t++) {
    const body = text(Math.max(8, Math.ceil(perText / 2)));
    const list: Annotation[] = [];
    for (let k = 0; k < perText && made < annotations; k++, made++) {
      const start = Math.floor(rnd() * (body.length - 60));
      const end = start + 5 + Math.floor(rnd() * 50);
      list.push({
        id: `a${String(made).padStart(10, '0')}`,
        frame: pick(frames),
        start,
        end,
        quote: body.slice(start, end),
        ...contextAround(body, start, end),
        coder: pick(['coder-a', 'coder-b']),
        created: '2026-11-30',
      });
    }
    const path = `texts/t${String(t).padStart(4, '0')}.txt`;
    const sidecar = serializeSidecar(
      { version: 1, source: path.slice(6), sourceHash: textHash(body), codebook: 'bench', annotations: list },
      body,
    );
    files.push({ path, sidecarFile: `${path}.annotations.yaml`, text: body, sidecar });
  }
  return files;
}
