/**
 * Where `sovcode export` and `sovcode agreement` write with --output: never over one of their inputs, an
 * annotation file, a codebook or a source text, unless --force says so (core/files/outputSafety.ts).
 */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { outputConflict } from '../core/files';
import { CliError } from './errors';

export function writeOutput(
  output: string,
  data: string | readonly string[] | Uint8Array,
  inputs: readonly string[],
  force: boolean,
): void {
  const conflict = outputConflict(output, inputs);
  if (conflict !== undefined && !force) {
    throw new CliError(
      `refusing to write ${output}: it ${conflict}, and would be overwritten; nothing was written. Choose another --output, or add --force to overwrite it`,
    );
  }
  if (typeof data === 'string' || data instanceof Uint8Array) {
    writeFileSync(output, data);
    return;
  }
  // pieces written one by one: the whole text is never held twice (as one string and as its UTF-8 bytes)
  const fd = openSync(output, 'w');
  try {
    for (const piece of data) {
      const bytes = Buffer.from(piece, 'utf8');
      for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done);
    }
  } finally {
    closeSync(fd);
  }
}
