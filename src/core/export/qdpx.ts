/**
 * The `.qdpx` container: a zip with `project.qde` at the root and the texts under lowercase `sources/` (ATLAS.ti
 * rejects `Sources/`). fflate writes the zip: a small, dependency-free, widely used implementation, where a
 * hand-written one would be one more place for CRC and header bugs. Entries get a fixed date, so the same
 * project always gives the same bytes.
 */
import { zipSync, type Zippable } from 'fflate';
import type { RefiQdaProject } from './refiQda';

/** 1980-01-01, the earliest date a zip header can hold: a fixed value keeps exports byte-identical. */
const FIXED_ZIP_DATE = new Date(1980, 0, 1);

export function qdpxBytes(project: RefiQdaProject): Uint8Array {
  const encoder = new TextEncoder();
  const files: Zippable = { 'project.qde': [encoder.encode(project.projectXml), { mtime: FIXED_ZIP_DATE }] };
  for (const source of project.sources) files[source.path] = [encoder.encode(source.text), { mtime: FIXED_ZIP_DATE }];
  return zipSync(files, { level: 6 });
}
