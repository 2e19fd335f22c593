/**
 * The one pure step from files to a coded document: a sidecar's text and its source's text (when there is one)
 * become a `CodedDocument` and the problems found on the way. Every reader (the extension's exports and
 * agreement view, the CLI's `export` and `agreement`) does its own I/O and then calls this, so that they all
 * see the same documents and give the same warnings.
 */
import { findFrame, type Codebook } from '../codebook';
import type { Problem } from '../input';
import { parseSidecar, sidecarPathFor } from '../sidecar';
import { canonicalText } from '../text';
import { byPath, type CodedDocument } from './codedSegments';

export interface DocumentRead {
  /** Undefined when the whole sidecar was refused (conflict markers, an unknown version…). */
  document: CodedDocument | undefined;
  problems: Problem[];
  /** The sidecar has errors: what could be read is in `document`, but a caller must not act on a part of the coding. */
  readOnly: boolean;
}

/**
 * `path` is the document's path as the user knows it (relative, with '/'); `sidecarFile` names the sidecar in
 * problems; `sourceText` is the raw text of the source, undefined when it could not be read, and then
 * `sourceRefused` says why when it was not simply missing (a link out of the folder, a file over the cap…).
 */
export function codedDocumentFrom(
  path: string,
  sidecarFile: string,
  sidecarText: string,
  sourceText: string | undefined,
  sourceRefused?: string,
): DocumentRead {
  const parsed = parseSidecar(sidecarText, sidecarFile);
  const problems = [...parsed.problems];
  if (sourceText === undefined) {
    const why = sourceRefused === undefined ? `source ${path} not found` : `source ${sourceRefused}`;
    problems.push({
      file: sidecarFile,
      line: 1,
      column: 1,
      severity: 'warning',
      kind: 'source',
      message: `${why}: its segments have status source-missing`,
    });
  }
  if (!parsed.sidecar) return { document: undefined, problems, readOnly: true };
  const text = sourceText === undefined ? undefined : canonicalText(sourceText);
  const { annotations, done } = parsed.sidecar;
  return { document: { path, text, annotations, ...(done ? { done } : {}) }, problems, readOnly: parsed.readOnly };
}

/** A warning per annotation whose frame the codebook does not have (it is kept, under its raw id), in path order. */
export function unknownFrameProblems(codebook: Codebook, documents: readonly CodedDocument[]): Problem[] {
  return [...documents].sort(byPath).flatMap((d) =>
    d.annotations
      .filter((a) => !findFrame(codebook, a.frame))
      .map((a): Problem => ({
        file: sidecarPathFor(d.path),
        line: 1,
        column: 1,
        severity: 'warning',
        message: `annotation ${a.id}: frame '${a.frame}' is not in codebook '${codebook.id}' (kept under its raw id)`,
      })),
  );
}
