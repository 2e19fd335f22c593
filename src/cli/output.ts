/**
 * Where `sovcode export` and `sovcode agreement` write with --output: never over one of their inputs, an
 * annotation file, a codebook or a source text, unless --force says so (core/files/outputSafety.ts).
 */
import { writeFileSync } from 'node:fs';
import { outputConflict } from '../core/files';
import { CliError } from './errors';

export function writeOutput(
  output: string,
  data: string | Uint8Array,
  inputs: readonly string[],
  force: boolean,
): void {
  const conflict = outputConflict(output, inputs);
  if (conflict !== undefined && !force) {
    throw new CliError(
      `refusing to write ${output}: it ${conflict}, and would be overwritten; nothing was written. Choose another --output, or add --force to overwrite it`,
    );
  }
  writeFileSync(output, data);
}
