/** `sovcode validate`: problems of codebooks and sidecars, as `file:line:column: severity: message`. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { findFrame, type Codebook } from '../core/codebook';
import type { Problem } from '../core/input';
import { parseSidecar, sourcePathFor } from '../core/sidecar';
import { canonicalText } from '../core/text';
import { findWorkspaceCodebook, loadCodebookFile, readTextFile, shippedCodebookPath, type LoadedCodebook } from './codebookFile';

const SIDECAR_SUFFIX = '.annotations.yaml';
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'out']);

/** Files to check below a path: sidecars and codebook.yaml in folders; any named file as it is. */
export function filesToValidate(path: string): string[] {
  if (!existsSync(path)) return [path]; // reported as "no such file" by the reader
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((name) => {
    const p = join(path, name);
    if (statSync(p).isDirectory()) return SKIPPED_FOLDERS.has(name) ? [] : filesToValidate(p);
    return name.endsWith(SIDECAR_SUFFIX) || name === 'codebook.yaml' ? [p] : [];
  });
}

export function validatePaths(paths: readonly string[], codebookPath: string | undefined): Problem[] {
  const files = (paths.length > 0 ? paths : ['.']).flatMap(filesToValidate);
  const codebooks = new Map<string, LoadedCodebook>();
  const codebookFor = (sidecar: string): LoadedCodebook => {
    const path = codebookPath ?? findWorkspaceCodebook(dirname(sidecar)) ?? shippedCodebookPath();
    let loaded = codebooks.get(path);
    if (!loaded) codebooks.set(path, (loaded = loadCodebookFile(path)));
    return loaded;
  };
  const problems: Problem[] = [];
  for (const file of files) {
    if (file.endsWith(SIDECAR_SUFFIX)) problems.push(...validateSidecarFile(file, codebookFor(file).codebook));
    else if (!codebooks.has(file)) codebooks.set(file, loadCodebookFile(file));
  }
  for (const loaded of codebooks.values()) problems.push(...loaded.problems);
  return dedupe(problems);
}

function validateSidecarFile(file: string, codebook: Codebook | undefined): Problem[] {
  const yamlText = readTextFile(file);
  const { sidecar, problems } = parseSidecar(yamlText, file);
  if (!sidecar) return problems;
  const lineOfId = (id: string): number => {
    const i = yamlText.split('\n').findIndex((l) => l.trimEnd().endsWith(`id: ${id}`));
    return i < 0 ? 1 : i + 1;
  };
  const warn = (id: string, message: string): Problem => ({ file, line: lineOfId(id), column: 1, message, severity: 'warning' });
  const sourcePath = sourcePathFor(file) ?? file.slice(0, -SIDECAR_SUFFIX.length);
  const text = existsSync(sourcePath) ? canonicalText(readTextFile(sourcePath)) : undefined;
  if (text === undefined) problems.push({ file, line: 1, column: 1, severity: 'warning', message: `source file ${basename(sourcePath)} not found beside the sidecar` });
  for (const a of sidecar.annotations) {
    if (codebook && !findFrame(codebook, a.frame)) problems.push(warn(a.id, `annotation ${a.id}: frame '${a.frame}' is not in codebook '${codebook.id}' (kept as an unknown frame)`));
    if (text !== undefined && text.slice(a.start, a.end) !== a.quote) {
      problems.push(warn(a.id, `annotation ${a.id}: the text at ${a.start}-${a.end} is no longer its quote "${a.quote}" (needs re-anchoring)`));
    }
  }
  return problems;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}:${p.line}:${p.column}:${p.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
