/**
 * The checks `sovcode validate --strict` adds for CI (docs/git.md): a branch is not ready to merge while a
 * sidecar holds merge conflict entries, frames the codebook does not have, orphans (unless `--allow-orphans`), or
 * the same decision twice (same frame, span and coder: usually both sides of a merge coded it). Each is an error
 * at the block's line.
 */
import { reanchor } from '../core/anchoring';
import type { Annotation } from '../core/annotations';
import { findFrame, type Codebook } from '../core/codebook';
import type { Problem } from '../core/input';

export interface StrictOptions {
  strict: boolean;
  allowOrphans: boolean;
}

export function strictProblems(
  file: string,
  annotations: readonly Annotation[],
  codebook: Codebook | undefined,
  text: string | undefined,
  lineOfId: (id: string) => number,
  options: StrictOptions,
): Problem[] {
  const problems: Problem[] = [];
  const error = (a: Annotation, message: string): void => {
    problems.push({
      file,
      line: lineOfId(a.id),
      column: 1,
      severity: 'error',
      message: `annotation ${a.id}: ${message}`,
    });
  };
  const ids = new Set(annotations.map((a) => a.id));
  const decisions = new Map<string, string>();
  for (const a of annotations) {
    if (a.status === 'conflict') {
      const other = a.conflictWith ?? '';
      error(
        a,
        `merge conflict with ${other}${ids.has(other) ? '' : ' (which is missing)'}: keep one version or both (sovcode validate --strict refuses it until then)`,
      );
    }
    if (codebook !== undefined && !findFrame(codebook, a.frame))
      error(a, `frame '${a.frame}' is not in codebook '${codebook.id}'`);
    const orphan = a.status === 'orphaned' || (text !== undefined && reanchor(a, text).outcome === 'orphaned');
    if (orphan && !options.allowOrphans)
      error(a, `orphaned: its quote "${a.quote}" is no longer in the text (pass --allow-orphans to accept)`);
    const key = `${a.frame}\0${a.start}\0${a.end}\0${a.coder}`;
    const first = decisions.get(key);
    if (first !== undefined)
      error(a, `the same decision as ${first} (frame ${a.frame}, ${a.start}-${a.end}, coder ${a.coder}): remove one`);
    else decisions.set(key, a.id);
  }
  return problems;
}
