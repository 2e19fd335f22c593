/**
 * Where an exported text came from (issue 19: "the exports carry them"): a text added from an original (PDF,
 * DOCX, a legacy encoding…) has a provenance record beside it (`<text>.provenance.yaml`, core/import/
 * provenance.ts); the exports carry the original's path, its SHA-256, the converter and the date of the import,
 * so an analyst can trace every row back to the file it was converted from. CSV: four columns appended at the
 * end of the column list (docs/export-csv.md); REFI-QDA: the source's `<Description>`. A text typed in the
 * workspace has no record, and its cells are empty.
 */
import { posix } from 'node:path';
import { parseProvenance, type Provenance } from '../import/provenance';
import type { SourceOrigin } from '../documents';
import type { Problem } from '../input';

/** A provenance record is a few hundred bytes; anything near this is not one (the YAML reader's own cap). */
export const PROVENANCE_MAX_BYTES = 1024 * 1024;

/** The CSV columns, in order, appended after the interchange columns (segmentsCsv.ts). */
export const ORIGIN_COLUMNS = [
  'source_original',
  'source_original_sha256',
  'source_converter',
  'source_imported',
] as const;

/**
 * The origin of the text at `documentPath` from its provenance record's YAML (`file` names the record), or a
 * warning naming the record when it is not one: the export goes on without the origin, never with a guess.
 */
export function originFromProvenance(
  documentPath: string,
  yamlText: string,
  file: string,
): { origin: SourceOrigin } | { problem: Problem } {
  const record: Provenance | Error = parseProvenance(yamlText, file);
  if (record instanceof Error)
    return {
      problem: {
        file,
        line: 1,
        column: 1,
        severity: 'warning',
        kind: 'provenance',
        message: `unusable provenance record (${record.message}): the export carries no origin for ${documentPath}`,
      },
    };
  const original = posix.normalize(posix.join(posix.dirname(documentPath), record.original.path));
  return {
    origin: {
      original,
      sha256: record.original.sha256,
      converter: String(record.converter),
      imported: String(record.imported),
    },
  };
}

export function originCells(origin: SourceOrigin | undefined): (string | undefined)[] {
  return origin
    ? [origin.original, origin.sha256, origin.converter, origin.imported]
    : [undefined, undefined, undefined, undefined];
}

/** One sentence for REFI-QDA's `<Description>` of the source. */
export function originDescription(origin: SourceOrigin): string {
  return `Converted from ${origin.original} (SHA-256 ${origin.sha256}) by ${origin.converter}, added ${origin.imported}.`;
}
