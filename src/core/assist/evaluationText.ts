/**
 * The suggester's cross-validated figures as a table for the terminal and the README: one block per human
 * coder (precision, recall and F1 per frame, micro-averaged, and kappa/alpha between the suggester and the
 * coder), with the method in the first line so that a pasted table carries its own caption.
 */
import type { CoderEvaluation, EvaluationReport, FrameScore } from './crossValidation';

const fixed = (x: number | undefined): string => (x === undefined ? 'n/a' : x.toFixed(2));

function scoreLine(name: string, s: FrameScore, width: number): string {
  const cells = [String(s.support), fixed(s.precision), fixed(s.recall), fixed(s.f1)];
  return `  ${name.padEnd(width)}  ${cells.map((c) => c.padStart(9)).join('  ')}`;
}

function coderBlock(c: CoderEvaluation, width: number): string[] {
  return [
    `against ${c.coder} (${c.units} held-out sentences): precision ${fixed(c.overall.precision)}, recall ${fixed(c.overall.recall)}, F1 ${fixed(c.overall.f1)}; Cohen's kappa ${fixed(c.agreement.cohenKappa)}, Krippendorff's alpha ${fixed(c.agreement.krippendorffAlpha)}`,
    `  ${'frame'.padEnd(width)}  ${['coded', 'precision', 'recall', 'F1'].map((h) => h.padStart(9)).join('  ')}`,
    ...c.frames.map((f) => scoreLine(f.frame, f, width)),
    scoreLine('all (micro)', c.overall, width),
    '',
  ];
}

export function evaluationText(r: EvaluationReport): string {
  const width = Math.max(11, ...r.frames.map((f) => f.length));
  const by = r.foldBy === 'text' ? 'whole texts' : 'sentences (fewer coded texts than folds)';
  return [
    `frame suggester: ${r.folds}-fold cross-validation over ${by}, seed ${r.seed}, threshold ${r.threshold.toFixed(2)}; ${r.units} coded sentences; unit: sentence`,
    r.frames.length === 0
      ? `no frame has enough coded sentences to learn (each needs at least 5 outside any one fold)`
      : `frames learned: ${r.frames.join(', ')}`,
    '',
    ...r.coders.flatMap((c) => coderBlock(c, width)),
  ].join('\n');
}
