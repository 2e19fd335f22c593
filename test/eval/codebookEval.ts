/**
 * `npm run eval:codebook`: recall and precision of the shipped codebook (or the one named) on the evaluation
 * set of real texts, per script and per frame, with every miss and every noisy match listed so the codebook can
 * grow from what it misses. Exits 1 below the goals (recall ≥ 90 % in every script, precision ≥ 90 %), so the
 * README's test command (scripts/test.sh) fails when a change to the cues or the matcher loses vocabulary.
 *
 * Usage: node out/test/eval/codebookEval.js [CODEBOOK] [EVALUATION_SET]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter } from 'yaml';
import { matcherTerms, parseCodebook } from '../../src/core/codebook';
import { Matcher } from '../../src/core/matcher';
import { evaluate, parseEvaluationSet, precision, recall, type Tally } from './evaluation';

const GOAL_RECALL = 0.9;
const GOAL_PRECISION = 0.9;
const root = join(__dirname, '..', '..', '..');
const codebookPath = process.argv[2] ?? join(root, 'codebook', 'sovereignty.yaml');
const setPath = process.argv[3] ?? join(root, 'test', 'eval', 'codebook-eval.yaml');

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
const row = (name: string, t: Tally): string =>
  `${name.padEnd(18)} recall ${pct(recall(t)).padStart(8)} (${t.found}/${t.marks})   precision ${pct(precision(t)).padStart(8)} (${t.correct}/${t.matches})`;

function main(): number {
  const { codebook, problems } = parseCodebook(readFileSync(codebookPath, 'utf8'), codebookPath);
  if (!codebook) {
    console.error(
      `${codebookPath}: the codebook has errors:\n${problems.map((p) => `  ${p.line}:${p.column} ${p.message}`).join('\n')}`,
    );
    return 1;
  }
  const documents = parseEvaluationSet(readFileSync(setPath, 'utf8'), setPath, codebook, new LineCounter());
  const result = evaluate(documents, Matcher.compile(matcherTerms(codebook)));
  console.log(
    `codebook evaluation: ${documents.length} documents, ${result.total.marks} marked terms, ${codebookPath}`,
  );
  console.log('per script:');
  for (const [script, t] of [...result.byScript].sort()) console.log(`  ${row(script, t)}`);
  console.log('per frame:');
  for (const [frame, t] of [...result.byFrame].sort()) console.log(`  ${row(frame, t)}`);
  for (const m of result.misses)
    console.log(`  missed: ${m.document}: '${m.term}' (${m.frame})${m.instead ? `, found as ${m.instead}` : ''}`);
  for (const n of result.noise)
    console.log(`  noise:  ${n.document}: '${n.term}' cued ${n.frame} by '${n.instead ?? ''}'`);
  console.log(row('all', result.total));
  const low = [...result.byScript].filter(([, t]) => recall(t) < GOAL_RECALL).map(([s]) => s);
  const noisy = precision(result.total) < GOAL_PRECISION;
  if (low.length > 0 || noisy) {
    console.log(
      `below the goals (recall ≥ ${pct(GOAL_RECALL)} per script, precision ≥ ${pct(GOAL_PRECISION)}): ${[...low.map((s) => `recall in ${s}`), ...(noisy ? ['precision'] : [])].join(', ')}`,
    );
    return 1;
  }
  console.log('goals met');
  return 0;
}

process.exitCode = main();
