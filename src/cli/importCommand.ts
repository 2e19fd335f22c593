/**
 * `sovcode import`: a REFI-QDA project (.qdpx) into a folder — codebook.yaml, the texts (with their dates) and
 * their annotation files — or a REFI-QDA codebook (.qdc) into codebook.yaml. Nothing is overwritten: when a
 * file to be written exists, nothing is written and the files are named. What could not be placed is printed
 * and kept in refi-qda-import-report.txt in the folder.
 */
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { importRefiQda, isInterchangeError, reportText, type ImportResult } from '../core/interchange';
import { CliError } from './errors';
import { readBytes } from './inputs';

/** The report file, written beside the imported files when something was not placed. */
export const IMPORT_REPORT = 'refi-qda-import-report.txt';

/** No REFI-QDA project we import unpacks from more than this. */
const MAX_QDPX_BYTES = 512 * 1024 * 1024;

export function importFile(
  file: string,
  into: string | undefined,
  today = new Date().toISOString().slice(0, 10),
): { result: ImportResult; written: string[] } {
  const isProject = file.toLowerCase().endsWith('.qdpx');
  if (isProject && into === undefined)
    throw new CliError(`import ${file}: name the folder to import into with --into FOLDER`);
  const folder = into ?? '.';
  const read = readBytes(file, MAX_QDPX_BYTES);
  if ('refusal' in read) throw new CliError(read.refusal.message);
  let result: ImportResult;
  try {
    result = importRefiQda(read.bytes, file, today);
  } catch (e) {
    if (isInterchangeError(e)) throw new CliError(e.message);
    throw e;
  }
  const files = [
    ...result.files,
    ...(result.report.length > 0 ? [{ path: IMPORT_REPORT, text: reportText(result) }] : []),
  ];
  const existing = files.map((f) => join(folder, f.path)).filter((p) => existsSync(p));
  if (existing.length > 0)
    throw new CliError(
      `nothing imported: these files exist and would be overwritten:\n${existing.join('\n')}\nImport into an empty folder.`,
    );
  const written: string[] = [];
  for (const f of files) {
    const target = join(folder, f.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.text, { flag: 'wx' });
    if (f.date !== undefined) {
      const when = new Date(f.date);
      if (!Number.isNaN(when.getTime())) utimesSync(target, when, when);
    }
    written.push(target);
  }
  return { result, written };
}

/** The summary line for stderr. */
export function importSummary(result: ImportResult, folder: string): string {
  const reported =
    result.report.length > 0
      ? `; ${result.report.length} item(s) not placed, listed in ${join(folder, IMPORT_REPORT)}`
      : '';
  return `sovcode: imported codebook '${result.codebook.id}' (${result.codebook.frames.length} frames), ${result.texts} text(s) and ${result.placed} coding(s) into ${folder}${reported}\n`;
}
