/** The sidecar file's data model and the constants of its format (docs/sidecar-format.md). */
import type { Annotation } from '../annotations';

/** The parsed content of a `<source>.annotations.yaml` file. */
export interface Sidecar {
  version: 1;
  /** Informational only: the source file name. The source is always derived from the sidecar's own path. */
  source: string;
  /** `sha256:<hex>` of the canonical text the offsets refer to. */
  sourceHash: string;
  /** Id of the codebook the frames come from. */
  codebook: string;
  /** Sorted by compareAnnotations. */
  annotations: Annotation[];
}

/** The only format version this code reads and writes. */
export const SIDECAR_VERSION = 1;

/** The offset unit written in every sidecar: UTF-16 code units over the text with LF line endings and no BOM. */
export const OFFSETS_UNIT = 'utf16-lf';

/** Files larger than this are refused before parsing, so that parse time stays bounded. */
export const SIDECAR_MAX_BYTES = 32 * 1024 * 1024;

/** The first line of every sidecar, for people who open one without knowing what it is. */
export const SIDECAR_HEADER = '# Sovereignty Coder annotations: one block per coding decision (docs/sidecar-format.md)';
