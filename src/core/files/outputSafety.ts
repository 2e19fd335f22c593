/**
 * Whether an export may write to a path. An export that overwrites what it reads destroys a coder's work
 * (`--output doc.txt.annotations.yaml` replaced the sidecar with CSV), so the output is compared, by real path,
 * with every input of the export and with what a workspace holds: annotation files, codebooks and source texts
 * (a file with an annotation file beside it). The caller refuses unless the user confirms.
 */
import { basename, dirname, join, resolve } from 'node:path';
import { isSidecarPath, sidecarPathFor } from '../sidecar/path';
import { errorCode } from '../sidecar/write';
import { nodeFiles, type FilesPort } from './port';

/** The real path a file would have: of itself when it exists, else of its folder plus its name. */
export function realPathOf(path: string, port: FilesPort = nodeFiles): string {
  try {
    return port.realpath(path);
  } catch (e) {
    if (errorCode(e) !== 'ENOENT') throw e;
    try {
      return join(port.realpath(dirname(path)), basename(path));
    } catch (inner) {
      if (errorCode(inner) !== 'ENOENT') throw inner;
      return resolve(path); // nothing of it exists yet: it cannot be one of the inputs
    }
  }
}

function exists(path: string, port: FilesPort): boolean {
  try {
    port.lstat(path);
    return true;
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return false;
    throw e;
  }
}

/** Why writing to `output` would overwrite something the tool reads, or undefined when it is safe. */
export function outputConflict(
  output: string,
  inputs: readonly string[],
  port: FilesPort = nodeFiles,
): string | undefined {
  const real = realPathOf(output, port);
  const input = inputs.find((i) => realPathOf(i, port) === real);
  if (input !== undefined)
    return `is ${resolve(input) === resolve(output) ? '' : `the same file as ${input}, `}one of the files this export reads`;
  if (isSidecarPath(real) || isSidecarPath(output)) return 'is an annotation file';
  if (basename(real) === 'codebook.yaml' || basename(output) === 'codebook.yaml') return 'is a codebook';
  if (exists(sidecarPathFor(output), port) || exists(sidecarPathFor(real), port))
    return `is a source text (it has the annotation file ${sidecarPathFor(output)})`;
  return undefined;
}
