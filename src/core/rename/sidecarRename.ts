/**
 * Renaming or merging a frame in one sidecar: every annotation of frame `from` gets frame `to`, and nothing else
 * changes (ids, spans, quotes, coders, memos, statuses stay). The file is written in canonical form, as the
 * extension writes it; line and column are recomputed only when the source text is the one the offsets refer
 * to (same sourceHash), so that a rename never re-anchors anything behind the coder's back. A sidecar with
 * errors is refused: rewriting it would drop the entries the reader could not read.
 */
import type { Problem } from '../input';
import { hasErrors } from '../input';
import { parseSidecar, serializeSidecar } from '../sidecar';
import { canonicalText, textHash } from '../text';

export interface SidecarRename {
  /** The new file text; undefined when the sidecar has no annotation of `from` (nothing to write). */
  text: string | undefined;
  /** Annotations retagged. */
  retagged: number;
  problems: Problem[];
}

export function renameFrameInSidecar(
  sidecarText: string,
  sidecarFile: string,
  sourceText: string | undefined,
  from: string,
  to: string,
): SidecarRename {
  const parsed = parseSidecar(sidecarText, sidecarFile);
  if (!parsed.sidecar || hasErrors(parsed.problems)) {
    const problems =
      parsed.problems.length > 0
        ? parsed.problems
        : [
            {
              file: sidecarFile,
              line: 1,
              column: 1,
              severity: 'error' as const,
              message: 'the annotation file could not be read',
            },
          ];
    return { text: undefined, retagged: 0, problems };
  }
  const sidecar = parsed.sidecar;
  const retagged = sidecar.annotations.filter((a) => a.frame === from).length;
  if (retagged === 0) return { text: undefined, retagged: 0, problems: parsed.problems };
  const annotations = sidecar.annotations.map((a) => (a.frame === from ? { ...a, frame: to } : a));
  const canonical = sourceText === undefined ? undefined : canonicalText(sourceText);
  const sameText = canonical !== undefined && textHash(canonical) === sidecar.sourceHash;
  const text = serializeSidecar({ ...sidecar, annotations }, sameText ? canonical : undefined);
  return { text, retagged, problems: parsed.problems };
}
