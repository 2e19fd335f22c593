/**
 * `sovcode suggest`: frame suggestions for the uncoded sentences of texts, learned from the coded texts of a
 * corpus (`--from`, default the current folder) and the codebook's own words; and `--evaluate`, the
 * suggester's cross-validated precision, recall, F1 and agreement with each human coder (docs/assisted-coding.md).
 * Nothing is written: suggestions become annotations only when a coder accepts them in the editor.
 */
import {
  codebookUnits,
  evaluateSuggester,
  evaluationText,
  labelledUnits,
  MIN_POSITIVES,
  suggestFrames,
  trainFrameModel,
  type FrameModel,
} from '../core/assist';
import type { Codebook } from '../core/codebook';
import type { Annotation } from '../core/annotations';
import type { CodedDocument } from '../core/documents';
import { sidecarPathFor } from '../core/sidecar';
import { canonicalText, LineIndex } from '../core/text';
import { readCodedDocuments } from './codedDocuments';
import { CliError } from './errors';
import { pathKind, readText, TEXT_MAX_BYTES } from './inputs';

export interface SuggestOptions {
  codebook?: string;
  coders?: string;
  from?: string;
  format?: string;
  threshold?: string;
  folds?: string;
  seed?: string;
}

function numberOption(
  name: string,
  value: string | undefined,
  fallback: number,
  valid: (x: number) => boolean,
): number {
  if (value === undefined) return fallback;
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || !valid(x)) throw new CliError(`--${name} '${value}' is not valid`);
  return x;
}

function format(options: SuggestOptions): 'text' | 'json' {
  const f = options.format ?? 'text';
  if (f !== 'text' && f !== 'json') throw new CliError(`unknown --format '${f}' for suggest: use text or json`);
  return f;
}

function coderList(options: SuggestOptions): string[] | undefined {
  return options.coders
    ?.split(',')
    .map((c) => c.trim())
    .filter(Boolean);
}

/** The cross-validation report over the coded texts of the paths. */
export function evaluateOutput(paths: readonly string[], options: SuggestOptions): string {
  const { codebook, documents } = readCodedDocuments(paths, options.codebook, 'counted');
  const units = labelledUnits(codebook, documents, coderList(options));
  if (units.length < 2)
    throw new CliError('no coded text found: the suggester learns from coded texts (their sidecars)');
  const report = evaluateSuggester(units, {
    folds: numberOption('folds', options.folds, 5, (x) => Number.isInteger(x) && x >= 2),
    seed: numberOption('seed', options.seed, 1, Number.isInteger),
    threshold: numberOption('threshold', options.threshold, 0.5, (x) => x > 0 && x < 1),
    prior: codebookUnits(codebook),
  });
  return format(options) === 'json' ? `${JSON.stringify(report, null, 2)}\n` : evaluationText(report);
}

function trainedModel(
  codebook: Codebook,
  documents: readonly CodedDocument[],
  corpus: string,
  coders: string[] | undefined,
): { model: FrameModel; summary: string } {
  const units = labelledUnits(codebook, documents, coders);
  const model = trainFrameModel(units, { frames: codebook.frames.map((f) => f.id), prior: codebookUnits(codebook) });
  if (model.frames.length === 0) {
    throw new CliError(
      `${corpus}: no frame has ${MIN_POSITIVES} coded sentences yet (${units.length} coded sentences in all): code more before asking for suggestions`,
    );
  }
  const summary = `suggester: learned ${model.frames.map((f) => f.frame).join(', ')} from ${units.length} coded sentences in ${corpus}`;
  return { model, summary };
}

interface SuggestionRow {
  file: string;
  line: number;
  column: number;
  frame: string;
  probability: number;
  because: string[];
  sentence: string;
}

/** A text to suggest for, with its own annotations (none when it has no sidecar yet). */
function textToSuggestFor(
  file: string,
  codebookPath: string | undefined,
): { text: string; annotations: readonly Annotation[] } {
  const read = readText(file, TEXT_MAX_BYTES);
  if ('refusal' in read) throw new CliError(read.refusal.message);
  if (pathKind(sidecarPathFor(file)) === undefined) return { text: canonicalText(read.text), annotations: [] };
  const own = readCodedDocuments([file], codebookPath, 'counted').documents[0];
  return { text: canonicalText(read.text), annotations: own?.annotations ?? [] };
}

/** Suggestions for the uncoded sentences of each text named. */
export function suggestOutput(texts: readonly string[], options: SuggestOptions): { text: string; summary: string } {
  if (texts.length === 0) throw new CliError('suggest: name the texts to suggest frames for (or use --evaluate)');
  const threshold = numberOption('threshold', options.threshold, 0.5, (x) => x > 0 && x < 1);
  const corpus = options.from ?? '.';
  const { codebook, documents } = readCodedDocuments([corpus], options.codebook, 'counted');
  const { model, summary } = trainedModel(codebook, documents, corpus, coderList(options));
  const rows: SuggestionRow[] = [];
  for (const file of texts) {
    const { text, annotations } = textToSuggestFor(file, options.codebook);
    const lines = new LineIndex(text);
    for (const s of suggestFrames(model, text, annotations, { threshold })) {
      const at = lines.positionAt(s.start);
      rows.push({
        file,
        line: at.line + 1,
        column: at.character + 1,
        frame: s.frame,
        probability: s.probability,
        because: s.because,
        sentence: text.slice(s.start, s.end),
      });
    }
  }
  if (format(options) === 'json') return { text: `${JSON.stringify(rows, null, 2)}\n`, summary };
  const excerpt = (s: string): string => (s.length > 70 ? `${s.slice(0, 69)}…` : s);
  const body = rows.map(
    (r) =>
      `${r.file}:${r.line}:${r.column}: ${r.frame} ${r.probability.toFixed(2)} because: ${r.because.join(', ')}  “${excerpt(r.sentence)}”`,
  );
  return { text: body.length === 0 ? 'no suggestions\n' : `${body.join('\n')}\n`, summary };
}
