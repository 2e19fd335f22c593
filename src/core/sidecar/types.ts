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
  /**
   * Coders who marked the text as coded ("done"), sorted, each once; absent when nobody did. A coder who is
   * done and has no annotation here found that no frame applies: agreement counts the text (docs/agreement.md).
   */
  done?: string[];
  /** Sorted by compareAnnotations. */
  annotations: Annotation[];
}

/** The only format version this code reads and writes. */
export const SIDECAR_VERSION = 1;

/** The offset unit written in every sidecar: UTF-16 code units over the text with LF line endings and no BOM. */
export const OFFSETS_UNIT = 'utf16-lf';

/**
 * The one size limit of a sidecar, shared by the writer (which refuses to write more) and every reader (which
 * refuses to read more, while reading): 64 MiB, about 150,000 annotations on a Chinese text. What the tool
 * writes is in the canonical form, which the line-based fast reader reads at any size up to this limit.
 */
export const SIDECAR_MAX_BYTES = 64 * 1024 * 1024;

/**
 * A sidecar that is not in the canonical form (edited by hand or by another tool) goes to the full YAML reader,
 * which is slow (about 300 KB/s): over this size such a file is refused with a message that says why, so that
 * parse time stays bounded.
 */
export const SIDECAR_YAML_MAX_BYTES = 32 * 1024 * 1024;

/** The first line of every sidecar, for people who open one without knowing what it is. */
export const SIDECAR_HEADER = '# Sovereignty Coder annotations: one block per coding decision (docs/sidecar-format.md)';
