/**
 * `sovcode validate`: problems of codebooks and sidecars, as `file:line:column: severity: message`. Folders are
 * walked by the shared walker and files read by the safe reader (cli/inputs.ts); each sidecar is checked against
 * its text with the same re-anchoring the editor does, once per file (documentSegments), and stale temporary
 * copies left by interrupted saves are reported.
 */
import { basename, dirname } from 'node:path';
import { findFrame, type Codebook } from '../core/codebook';
import { documentSegments, duplicateGroups, duplicateMessage, type CodedSegment } from '../core/documents';
import { sidecarNameOfTemp, staleTempMessage, staleTemps } from '../core/files';
import { excerpt, type Problem } from '../core/input';
import {
  isSidecarPath,
  parseSidecarBytes,
  SIDECAR_MAX_BYTES,
  sourcePathFor,
  splitCharacterProblems,
} from '../core/sidecar';
import { canonicalText } from '../core/text';
import { findWorkspaceCodebook, loadCodebookFile, shippedCodebookPath, type LoadedCodebook } from './codebookFile';
import { strictProblems, type StrictOptions } from './strictChecks';
import { findInputs, readBytes, readText, refusalProblem, TEXT_MAX_BYTES, type InputFile } from './inputs';

const isValidated = (name: string): boolean =>
  isSidecarPath(name) || name === 'codebook.yaml' || sidecarNameOfTemp(name) !== undefined;

export function validatePaths(
  paths: readonly string[],
  codebookPath: string | undefined,
  strict: StrictOptions = { strict: false, allowOrphans: false },
): Problem[] {
  const { files, skipped } = findInputs(paths, isValidated);
  const problems: Problem[] = skipped.map((r) => ({ ...refusalProblem(r, 'warning'), kind: 'skipped' }));
  const codebooks = new Map<string, LoadedCodebook>();
  const codebookFor = (sidecar: string): LoadedCodebook => {
    const path = codebookPath ?? findWorkspaceCodebook(dirname(sidecar)) ?? shippedCodebookPath();
    let loaded = codebooks.get(path);
    if (!loaded) codebooks.set(path, (loaded = loadCodebookFile(path)));
    return loaded;
  };
  const temps = new Set(files.filter((f) => sidecarNameOfTemp(basename(f.path)) !== undefined));
  for (const t of staleTemps(
    [...temps].map((f) => f.path),
    Date.now(),
  )) {
    problems.push({
      file: t.path,
      line: 1,
      column: 1,
      severity: 'warning',
      kind: 'stale-temp',
      message: staleTempMessage(t).slice(t.path.length + 2),
    });
  }
  for (const file of files) {
    if (temps.has(file)) continue;
    if (isSidecarPath(file.path)) problems.push(...validateSidecarFile(file, codebookFor(file.path).codebook, strict));
    else if (!codebooks.has(file.path)) codebooks.set(file.path, loadCodebookFile(file.path, file.root));
  }
  for (const loaded of codebooks.values()) problems.push(...loaded.problems);
  return dedupe(problems);
}

/** The sidecar line of each annotation id, in one pass over the file (`- id: x` starts a block). */
function idLines(yamlText: string): Map<string, number> {
  const lines = new Map<string, number>();
  yamlText.split('\n').forEach((l, i) => {
    const m = /^\s*-\s+id:\s*["']?([^"'\s]+)/.exec(l);
    if (m?.[1] !== undefined && !lines.has(m[1])) lines.set(m[1], i + 1);
  });
  return lines;
}

const short = (s: string): string => `"${excerpt(s)}"`;

/** The other places of a flagged segment, for its warning (the editor's hover offers the same, with "Move here"). */
function candidatesNote(s: CodedSegment, lead: string): string {
  if (s.alternatives === undefined) return '';
  const places = s.alternatives.map((c) => `line ${c.line}, column ${c.column} "${c.excerpt}" (score ${c.score})`);
  return `; ${lead}: ${places.join('; ')}`;
}

/** What validate says about a segment whose status re-anchoring changed, or undefined when it stands. */
function statusWarning(s: CodedSegment): { kind: string; message: string } | undefined {
  const a = s.annotation;
  const at = `line ${s.line ?? '?'}, column ${s.column ?? '?'} of the text`;
  if (s.status === 'orphaned')
    return {
      kind: 'orphaned',
      message: `annotation ${a.id}: its quote ${short(a.quote)} is no longer in the text (orphaned: kept, and exported with status orphaned)${candidatesNote(s, 'look-alikes elsewhere, not taken')}`,
    };
  if (s.status === 'moved')
    return {
      kind: 'moved',
      message: `annotation ${a.id}: its quote moved to ${at} (${s.start}-${s.end}); the editor writes the new offsets when the file is saved`,
    };
  if (s.status === 'needs-review' && a.status !== 'needs-review')
    return {
      kind: 'needs-review',
      message: `annotation ${a.id}: its quote is no longer at ${a.start}-${a.end}; placed at ${at} for review (needs-review)${candidatesNote(s, 'it could also be at')}`,
    };
  return undefined;
}

function validateSidecarFile(file: InputFile, codebook: Codebook | undefined, strict: StrictOptions): Problem[] {
  const read = readBytes(file, SIDECAR_MAX_BYTES);
  if ('refusal' in read) return [refusalProblem(read.refusal, 'error')];
  const { sidecar, problems, text: yamlText } = parseSidecarBytes(read.bytes, file.path); // strict UTF-8
  if (!sidecar) return problems;
  const lines = idLines(yamlText);
  const warn = (id: string, kind: string, message: string): Problem => ({
    file: file.path,
    line: lines.get(id) ?? 1,
    column: 1,
    message,
    severity: 'warning',
    kind,
  });
  const sourcePath = sourcePathFor(file.path) as string;
  const source = readText({ path: sourcePath, root: file.root }, TEXT_MAX_BYTES);
  const text = 'text' in source ? canonicalText(source.text) : undefined;
  if ('refusal' in source) {
    const why =
      source.refusal.reason === 'missing'
        ? `source file ${sourcePath} not found beside the sidecar`
        : `source ${source.refusal.message}; the annotations are not checked against it`;
    problems.push({ file: file.path, line: 1, column: 1, severity: 'warning', kind: 'source', message: why });
  }
  for (const a of sidecar.annotations) {
    if (codebook && !findFrame(codebook, a.frame) && !strict.strict)
      problems.push(
        warn(
          a.id,
          'unknown-frame',
          `annotation ${a.id}: frame '${excerpt(a.frame)}' is not in codebook '${codebook.id}' (kept as an unknown frame)`,
        ),
      );
  }
  for (const group of duplicateGroups(sidecar.annotations))
    problems.push(warn(group[1]?.id ?? '', 'duplicate', duplicateMessage(group)));
  if (text !== undefined) {
    problems.push(...splitCharacterProblems(sidecar.annotations, text, file.path, yamlText));
    for (const s of documentSegments(codebook, { path: sourcePath, text, annotations: sidecar.annotations })) {
      const w = statusWarning(s);
      if (w) problems.push(warn(s.annotation.id, w.kind, w.message));
    }
  }
  if (strict.strict)
    problems.push(
      ...strictProblems(file.path, sidecar.annotations, codebook, text, (id) => lines.get(id) ?? 1, strict),
    );
  return problems;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}:${p.line}:${p.column}:${p.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
