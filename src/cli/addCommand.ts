/**
 * `sovcode add FILE… [--into FOLDER] [--encoding ENC]`: converts originals (PDF, DOCX, ODT, EPUB, HTML,
 * plain text in any common encoding) into texts to code, each with its provenance record, through the same
 * core as the VS Code command; the conversion runs in the import worker so the CLI bundle stays small. One
 * file failing does not stop the others; the exit code says whether any failed.
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { addText } from '../core/import/addText';
import { describeAdd } from '../core/import/describe';
import { ImportError } from '../core/import/types';
import { workerConverter } from '../core/import/workerClient';
import { CLI_VERSION } from './version';

/** The worker beside the bundle (dist/importWorker.mjs), or its compiled source when run from out/ (tests). */
export function importWorkerPath(): string {
  const bundled = join(__dirname, 'importWorker.mjs');
  return existsSync(bundled) ? bundled : join(__dirname, '..', 'core', 'import', 'worker.js');
}

/** Runs the command; returns the exit code (0 all added, 1 some refused). */
export async function addFiles(
  files: readonly string[],
  into: string | undefined,
  encoding: string | undefined,
  out: (s: string) => void,
  err: (s: string) => void,
  progressLine?: (s: string) => void,
): Promise<number> {
  let failed = 0;
  const convert = workerConverter(importWorkerPath());
  for (const file of files) {
    try {
      const result = await addText(file, {
        convert,
        toolVersion: CLI_VERSION,
        ...(into === undefined ? {} : { into }),
        ...(encoding === undefined ? {} : { encoding }),
        onProgress: (_fraction, message) => progressLine?.(`sovcode: ${basename(file)}: ${message}`),
      });
      progressLine?.('');
      for (const line of describeAdd(result, process.cwd())) out(`${line}\n`);
    } catch (e) {
      progressLine?.('');
      if (!(e instanceof ImportError)) throw e;
      failed++;
      err(`sovcode: ${e.message}\n`);
      if (e.kind === 'encoding-uncertain' && e.candidates.length)
        err(`  for example: sovcode add --encoding ${e.candidates[0]?.encoding ?? 'utf-8'} ${file}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}
