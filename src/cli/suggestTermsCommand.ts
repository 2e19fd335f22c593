/**
 * `sovcode suggest-terms`: frequent words and phrases (character n-grams for Chinese) of the segments coded with
 * each frame that no cue finds yet, with counts and examples (core/suggestTerms); `--accept TERM --frame ID`
 * adds one to the workspace codebook in place, keeping the rest of the file byte for byte. The shipped codebook
 * is never written: a team copies it into its workspace as codebook.yaml first.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { matcherTerms } from '../core/codebook';
import { Matcher } from '../core/matcher';
import { tempPathFor } from '../core/sidecar';
import { AcceptTermError, suggestTerms, withAcceptedTerm } from '../core/suggestTerms';
import { findWorkspaceCodebook, readTextFile, shippedCodebookPath } from './codebookFile';
import { readCodedDocuments } from './codedDocuments';
import { CliError } from './errors';
import { pathKind } from './inputs';

export interface SuggestTermsOptions {
  codebook?: string;
  frame?: string;
  accept?: string;
  format?: string;
}

/** The suggestions as text (or JSON) for the coded documents under `paths`. */
export function suggestTermsOutput(paths: readonly string[], options: SuggestTermsOptions): string {
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'json')
    throw new CliError(`unknown --format '${format}' for suggest-terms: use text, json`);
  const { codebook, documents } = readCodedDocuments(paths, options.codebook, 'suggested');
  if (options.frame !== undefined && !codebook.frames.some((f) => f.id === options.frame))
    throw new CliError(`--frame '${options.frame}': no such frame in ${codebook.file}`);
  const quotes = documents.flatMap((d) =>
    d.annotations.map((a) => ({ frame: a.frame, quote: a.quote, document: d.path })),
  );
  const suggestions = suggestTerms(
    codebook,
    Matcher.compile(matcherTerms(codebook)),
    quotes,
    options.frame ? { frame: options.frame } : {},
  );
  if (format === 'json') return `${JSON.stringify(suggestions, null, 2)}\n`;
  if (suggestions.length === 0)
    return 'no suggestions: no phrase recurs in two coded segments of a frame without a cue\n';
  const lines: string[] = [];
  let frame = '';
  for (const s of suggestions) {
    if (s.frame !== frame) lines.push(`${(frame = s.frame)}:`);
    const example = s.examples[0];
    lines.push(`  ${s.term}  (${s.count} segments; e.g. ${example.document}: "${example.quote.slice(0, 80)}")`);
  }
  lines.push('', 'accept one with: sovcode suggest-terms --accept TERM --frame ID');
  return `${lines.join('\n')}\n`;
}

/** The folder a path names, or the folder of the file it names. */
function folderOf(path: string): string {
  return pathKind(path) === 'folder' ? resolve(path) : dirname(resolve(path));
}

/** Adds `term` to `frame` in the workspace codebook; returns the file written. */
export function acceptSuggestedTerm(paths: readonly string[], options: SuggestTermsOptions): string {
  const { accept: term, frame } = options;
  if (term === undefined || frame === undefined) throw new CliError('--accept TERM needs --frame ID');
  const file = options.codebook ?? findWorkspaceCodebook(folderOf(paths[0] ?? '.'));
  if (file === undefined || resolve(file) === resolve(shippedCodebookPath()))
    throw new CliError(
      'no workspace codebook to add to: copy the shipped one into the workspace as codebook.yaml first',
    );
  try {
    const updated = withAcceptedTerm(readTextFile(file), file, frame, term);
    const temp = tempPathFor(file);
    writeFileSync(temp, updated);
    renameSync(temp, file);
    return file;
  } catch (e) {
    if (e instanceof AcceptTermError) throw new CliError(e.message);
    throw e;
  }
}
