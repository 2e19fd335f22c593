/**
 * The coded documents of several Git revisions at once, for agreement from coders' branches without merging
 * (`sovcode agreement --rev A --rev B`, and the same in VS Code). Each text's annotations are the union by id
 * over the revisions: a decision both branches inherited is one decision, each coder's own additions come from
 * their branch; so are the done marks. The text is the first revision's that has it.
 */
import type { Annotation } from '../annotations';
import type { CodedDocument } from '../documents';
import type { Problem } from '../input';
import { sourcePathFor } from '../sidecar';
import { readAtRevision, readSidecarVersion, sidecarsAtRevision } from './revisions';
import type { GitPort } from './revisions';

/** Documents (paths relative to the repository top) and every problem met reading them. */
export function documentsAtRevisions(
  git: GitPort,
  revisions: ReadonlyArray<{ rev: string; commit: string }>,
  paths: readonly string[],
): { documents: CodedDocument[]; problems: Problem[] } {
  const byPath = new Map<
    string,
    { text: string | undefined; annotations: Map<string, Annotation>; done: Set<string> }
  >();
  const problems: Problem[] = [];
  for (const { rev, commit } of revisions) {
    for (const path of sidecarsAtRevision(git, commit, paths)) {
      const v = readSidecarVersion((p) => readAtRevision(git, commit, p), path, `${rev}:${path}`);
      problems.push(...v.problems);
      const doc = byPath.get(path) ?? { text: v.text, annotations: new Map<string, Annotation>(), done: new Set() };
      doc.text ??= v.text;
      for (const coder of v.sidecar?.done ?? []) doc.done.add(coder);
      for (const a of v.sidecar?.annotations ?? []) if (!doc.annotations.has(a.id)) doc.annotations.set(a.id, a);
      byPath.set(path, doc);
    }
  }
  const documents = [...byPath]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([path, d]) => ({
      path: sourcePathFor(path) ?? path,
      text: d.text,
      annotations: [...d.annotations.values()],
      ...(d.done.size > 0 ? { done: [...d.done].sort() } : {}),
    }));
  return { documents, problems };
}
