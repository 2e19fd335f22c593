/**
 * The revisions of `sovcode agreement --rev A --rev B` read into coded documents (src/core/git/revisionDocuments.ts).
 * A sidecar with an error in any revision stops the report, naming it.
 */
import type { CodedDocument } from '../core/documents';
import { documentsAtRevisions, nodeGitPort, repositoryTop, splitRevisions } from '../core/git';
import { formatProblem, hasErrors } from '../core/input';
import { CliError } from './errors';
import { topRelative } from './diffCommand';

/** The documents and the repository top (where the workspace codebook is looked for). */
export function revisionDocuments(
  revs: readonly string[],
  paths: readonly string[],
): { documents: CodedDocument[]; top: string } {
  if (revs.length < 2) throw new CliError("--rev needs two or more revisions (one per coder's branch)");
  const top = repositoryTop(process.cwd());
  const git = nodeGitPort(top);
  const { revisions, paths: left } = splitRevisions(git, revs, revs.length);
  if (left.length > 0) throw new CliError(`--rev ${left[0] ?? ''}: not a branch, tag or commit of ${top}`);
  const { documents, problems } = documentsAtRevisions(git, revisions, topRelative(top, paths));
  if (hasErrors(problems))
    throw new CliError(
      `no report: fix these annotation files first:\n${problems
        .filter((p) => p.severity === 'error')
        .map(formatProblem)
        .join('\n')}`,
    );
  if (documents.length === 0) throw new CliError(`no annotation files (*.annotations.yaml) in ${revs.join(', ')}`);
  return { documents, top };
}
