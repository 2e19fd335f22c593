/**
 * The coded documents of several Git revisions at once, for `sovcode agreement --rev A --rev B` (blind coding on
 * separate branches, compared without merging). Each text's annotations are the union by id over the revisions:
 * a decision both branches inherited is one decision, each coder's own additions come from their branch. The
 * text is the first revision's. A sidecar with an error in any revision stops the report, naming it.
 */
import type { Annotation } from '../core/annotations';
import type { CodedDocument } from '../core/documents';
import { readAtRevision, readSidecarVersion, sidecarsAtRevision } from '../core/git';
import { formatProblem, hasErrors, type Problem } from '../core/input';
import { sourcePathFor } from '../core/sidecar';
import { CliError } from './codebookFile';
import { splitRevisions } from '../core/git';
import { topRelative } from './diffCommand';
import { nodeGitPort, repositoryTop } from '../core/git/nodeGit';

/** The documents and the repository top (where the workspace codebook is looked for). */
export function revisionDocuments(revs: readonly string[], paths: readonly string[]): { documents: CodedDocument[]; top: string } {
  if (revs.length < 2) throw new CliError('--rev needs two or more revisions (one per coder\'s branch)');
  const top = repositoryTop(process.cwd());
  const git = nodeGitPort(top);
  const { revisions, paths: left } = splitRevisions(git, revs, revs.length);
  if (left.length > 0) throw new CliError(`--rev ${left[0] ?? ''}: not a branch, tag or commit of ${top}`);
  const where = topRelative(top, paths);
  const byPath = new Map<string, { text: string | undefined; annotations: Map<string, Annotation> }>();
  const problems: Problem[] = [];
  for (const { rev, commit } of revisions) {
    for (const path of sidecarsAtRevision(git, commit, where)) {
      const v = readSidecarVersion((p) => readAtRevision(git, commit, p), path, `${rev}:${path}`);
      problems.push(...v.problems);
      const doc = byPath.get(path) ?? { text: v.text, annotations: new Map<string, Annotation>() };
      for (const a of v.sidecar?.annotations ?? []) if (!doc.annotations.has(a.id)) doc.annotations.set(a.id, a);
      byPath.set(path, doc);
    }
  }
  if (hasErrors(problems)) throw new CliError(`no report: fix these annotation files first:\n${problems.filter((p) => p.severity === 'error').map(formatProblem).join('\n')}`);
  if (byPath.size === 0) throw new CliError(`no annotation files (*.annotations.yaml) in ${revs.join(', ')}`);
  const documents = [...byPath].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, d]) => ({ path: sourcePathFor(path) ?? path, text: d.text, annotations: [...d.annotations.values()] }));
  return { documents, top };
}
