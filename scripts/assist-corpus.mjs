// Writes the suggester's measurement corpus (test/fixtures/assist-corpus/*.txt and their sidecars) from the
// hand-coded sentences in test/fixtures/assist-corpus/corpus.txt, with the project's own core, so the sidecars
// are exactly what the extension writes. Each sentence is a paragraph of its own; each coder's decision is an
// annotation over the whole sentence. Run after `npm run build`: node scripts/assist-corpus.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { createAnnotation, addAnnotation } = require('../out/src/core/annotations/index.js');
const { serializeSidecar, sidecarPathFor } = require('../out/src/core/sidecar/index.js');
const { textHash } = require('../out/src/core/text/index.js');

const DIR = 'test/fixtures/assist-corpus';
const CODERS = ['lena', 'omar'];
const DATE = '2026-12-01';

/** "=a,b" → both coders; "lena:a;omar:b" → per coder; "-" → coded, no frame. */
function decisions(spec) {
  if (spec === '-') return new Map(CODERS.map((c) => [c, []]));
  const list = (s) =>
    s
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean);
  if (spec.startsWith('=')) return new Map(CODERS.map((c) => [c, list(spec.slice(1))]));
  const byCoder = new Map(
    spec.split(';').map((part) => {
      const [coder, frames = ''] = part.split(':');
      return [coder.trim(), list(frames)];
    }),
  );
  for (const c of CODERS) if (!byCoder.has(c)) throw new Error(`'${spec}' has no decision of ${c}`);
  return byCoder;
}

const texts = [];
for (const line of readFileSync(join(DIR, 'corpus.txt'), 'utf8').split('\n')) {
  if (line.startsWith('## ')) texts.push({ name: line.slice(3).trim(), sentences: [] });
  else if (line.includes(' | ') && !line.startsWith('#')) {
    const [spec, sentence] = [line.slice(0, line.indexOf(' | ')), line.slice(line.indexOf(' | ') + 3)];
    texts.at(-1).sentences.push({ sentence, byCoder: decisions(spec.trim()) });
  }
}
const textOf = (name) => texts.find((t) => t.name === name);
let total = 0;
for (const { name, sentences } of texts) {
  const text = sentences.map((s) => s.sentence).join('\n\n') + '\n';
  let annotations = [];
  let offset = 0;
  let n = 0;
  for (const { sentence, byCoder } of sentences) {
    for (const coder of CODERS) {
      for (const frame of byCoder.get(coder)) {
        // fixed ids (digits only after 'ac': valid base32) so that regenerating gives the same files
        const id = `ac${String(texts.indexOf(textOf(name))).padStart(2, '0')}${String(++n).padStart(6, '0')}`;
        annotations = addAnnotation(
          annotations,
          createAnnotation(text, offset, offset + sentence.length, frame, coder, DATE, id),
        );
      }
    }
    offset += sentence.length + 2;
  }
  const source = join(DIR, name);
  writeFileSync(source, text);
  const sidecar = { version: 1, source: name, sourceHash: textHash(text), codebook: 'sovereignty-frames', annotations };
  writeFileSync(sidecarPathFor(source), serializeSidecar(sidecar, text));
  total += annotations.length;
}
console.log(`wrote ${texts.length} texts with ${total} annotations into ${DIR}`);
