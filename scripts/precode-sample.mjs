// Writes the sample workspace's one pre-coded sidecar with the project's own core (never by hand), so that a
// newcomer sees finished coding decisions next to the cues, from two coders, as after merging their branches,
// so that the agreement report has something to compare. Run after `npm run build` when the sample text or
// the codebook changes: node scripts/precode-sample.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { parseCodebook, matcherTerms } = require('../out/src/core/codebook/index.js');
const { Matcher } = require('../out/src/core/matcher/index.js');
const { createAnnotation, addAnnotation } = require('../out/src/core/annotations/index.js');
const { serializeSidecar, sidecarPathFor } = require('../out/src/core/sidecar/index.js');
const { canonicalText, textHash } = require('../out/src/core/text/index.js');

const SOURCE = 'sample/speech-information-space.txt';
const DATE = '2026-11-23';
// Decisions careful coders might take on this speech: [quote, frame, memo?]. Ids are fixed so the file is stable.
const FIRST = [
  ['information space', 'territory', 'Preferred over "cyberspace" on purpose: the speaker explains the choice.'],
  ['internal sovereignty', 'territory'],
  ['fluid territory', 'territory'],
  ['sovereign internet law', 'territory', 'Framed as insurance, not isolation: code the defensive justification too.'],
  ['international information security', 'non-interference'],
  ['import substitution', 'self-reliance'],
  ['Technological sovereignty', 'self-reliance'],
  ['personal data localization law', 'data'],
  ['Data is a resource, like timber or gas', 'data', 'Resource metaphor without a cue term: tagged from a selection.'],
];
// A second coder who agrees on most, reads the sovereign internet law as non-interference, and codes two more.
const SECOND = [
  ['information space', 'territory'],
  ['fluid territory', 'territory'],
  [
    'sovereign internet law',
    'non-interference',
    'Read as protection against foreign switch-off, i.e. external sovereignty.',
  ],
  ['international information security', 'non-interference'],
  ['import substitution', 'self-reliance'],
  ['personal data localization law', 'data'],
  ['AI sovereignty', 'ai-sovereignty'],
  ['digital colonialism', 'colonization'],
];
const DECISIONS = [...FIRST.map((d) => ['sample-coder', ...d]), ...SECOND.map((d) => ['second-coder', ...d])];

const { codebook, problems } = parseCodebook(
  readFileSync('codebook/sovereignty.yaml', 'utf8'),
  'codebook/sovereignty.yaml',
);
if (!codebook) throw new Error(problems.map((p) => p.message).join('\n'));
const text = canonicalText(readFileSync(SOURCE, 'utf8'));
const matcher = Matcher.compile(matcherTerms(codebook));
const cues = matcher.find(text);
let annotations = [];
DECISIONS.forEach(([coder, quote, frame, memo], i) => {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`'${quote}' is not in ${SOURCE}`);
  if (!codebook.frames.some((f) => f.id === frame)) throw new Error(`no frame '${frame}'`);
  const id = `a${String(i + 1).padStart(10, '0')}`;
  const a = createAnnotation(text, start, start + quote.length, frame, coder, DATE, id);
  annotations = addAnnotation(annotations, memo ? { ...a, memo } : a);
});
const yaml = serializeSidecar(
  {
    version: 1,
    source: 'speech-information-space.txt',
    sourceHash: textHash(text),
    codebook: codebook.id,
    annotations,
  },
  text,
);
writeFileSync(sidecarPathFor(SOURCE), yaml);
console.log(`wrote ${sidecarPathFor(SOURCE)}: ${annotations.length} annotations (${cues.length} cues in the text)`);
