/**
 * The one pure step from files to a coded document: a sidecar's text and its source's text (when there is one)
 * become a `CodedDocument` and the problems found on the way. Every reader of the corpus (the workspace index in
 * VS Code, the benchmark, the CLI) does its own I/O and then calls this, so that they all see the same
 * documents and give the same warnings. A sidecar with errors is still indexed with the annotations that could be
 * read, flagged `readOnly`, so that the explorer shows them beside the problem; callers that must not act on a
 * part of the coding (exports, statistics from the CLI) refuse when `problems` has an error.
 */
import type { CodedDocument } from '../documents';
import type { Problem } from '../input';
import { parseSidecar } from '../sidecar';
import { canonicalText } from '../text';

export interface DocumentRead {
  /** Undefined when the whole sidecar was refused (conflict markers, an unknown version…). */
  document: CodedDocument | undefined;
  problems: Problem[];
  /** The sidecar has errors: what was read is shown, but nothing may be written back to it. */
  readOnly: boolean;
}

/**
 * `path` is the document's path as the user knows it (relative, with '/'); `sidecarFile` names the sidecar in
 * problems; `sourceText` is the raw text of the source, undefined when it could not be read.
 */
export function codedDocumentFrom(
  path: string,
  sidecarFile: string,
  sidecarText: string,
  sourceText: string | undefined,
): DocumentRead {
  const parsed = parseSidecar(sidecarText, sidecarFile);
  const problems = [...parsed.problems];
  if (sourceText === undefined) {
    problems.push({
      file: sidecarFile,
      line: 1,
      column: 1,
      severity: 'warning',
      message: `source ${path} not found: its segments have status source-missing`,
    });
  }
  if (!parsed.sidecar) return { document: undefined, problems, readOnly: true };
  const text = sourceText === undefined ? undefined : canonicalText(sourceText);
  return { document: { path, text, annotations: parsed.sidecar.annotations }, problems, readOnly: parsed.readOnly };
}
