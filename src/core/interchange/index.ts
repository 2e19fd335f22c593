/**
 * REFI-QDA import in one call: a `.qdpx` project (a zip, read with the same bomb-proof reader as the office
 * formats) or a `.qdc` codebook → the files of a workspace, with what could not be placed reported. Used by
 * `sovcode import` and by *Import REFI-QDA Project…* in VS Code, which only write the files.
 */
import { decodeUtf8File } from '../input';
import { ImportError } from '../import/types';
import { readZip } from '../import/zip';
import { importCodebook, importProject, InterchangeError, type ImportResult } from './importProject';
import { XmlError } from './xmlReader';

export { InterchangeError, type ImportedFile, type ImportResult } from './importProject';
export type { ReportLine } from './importSources';
export { XmlError } from './xmlReader';

/** The workspace files of a REFI-QDA file named `file` (by its extension, .qdpx or .qdc). */
export function importRefiQda(bytes: Uint8Array, file: string, today: string): ImportResult {
  const lower = file.toLowerCase();
  if (lower.endsWith('.qdc')) {
    const decoded = decodeUtf8File(bytes, file, 'REFI-QDA codebook');
    if (!decoded.ok) throw new InterchangeError(`${file}:${decoded.problem.line}: ${decoded.problem.message}`);
    return importCodebook(decoded.text, file);
  }
  if (!lower.endsWith('.qdpx'))
    throw new InterchangeError(`${file}: not a REFI-QDA file: name a project (.qdpx) or a codebook (.qdc)`);
  return importProject(new Map(Object.entries(readZip(bytes, file, 'REFI-QDA project'))), file, today);
}

/** True for the errors an import reports to the user (a damaged archive, malformed XML, a file of another kind). */
export function isInterchangeError(e: unknown): e is Error {
  return e instanceof InterchangeError || e instanceof XmlError || e instanceof ImportError;
}

/** The report as text: one `file:line: message` line per coding or note not placed, for the report file. */
export function reportText(result: ImportResult): string {
  return result.report.map((r) => `${r.where}: ${r.message}\n`).join('');
}
