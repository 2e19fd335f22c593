/**
 * The sidecar of a source file, built in one place for every writer (the extension's save, its "compare"
 * view, the CLI): the source's file name, the hash of the canonical text the offsets refer to, the codebook
 * id, the coders' done marks and the annotations.
 */
import type { Annotation } from '../annotations';
import { textHash } from '../text';
import { baseName } from './path';
import { SIDECAR_VERSION, type Sidecar } from './types';
import { normalDone } from './done';

/** `canonical` is the source's canonical text; without it (the text is not at hand) the hash is left empty. */
export function sidecarForSource(
  sourcePath: string,
  codebook: string,
  annotations: readonly Annotation[],
  canonical: string | undefined,
  done?: readonly string[],
): Sidecar {
  const marks = normalDone(done);
  return {
    version: SIDECAR_VERSION,
    source: baseName(sourcePath),
    sourceHash: canonical === undefined ? '' : textHash(canonical),
    codebook,
    ...(marks ? { done: marks } : {}),
    annotations: [...annotations],
  };
}
