/**
 * Reading the ZIP containers of DOCX, ODT and EPUB with fflate (already a dependency for REFI-QDA exports).
 * A truncated or damaged archive, or one whose entries would inflate beyond a sane size (a "zip bomb"), is
 * refused with an error naming the file, before any converter sees it.
 */
import { strFromU8, unzipSync } from 'fflate';
import { ImportError } from './types';

/** No office document or e-book we code unpacks to more than this. */
const MAX_INFLATED_BYTES = 512 * 1024 * 1024;

export type ZipEntries = Record<string, Uint8Array>;

/** The archive's entries (those `wanted` accepts), or an ImportError for a file that is not a readable ZIP. */
export function readZip(
  bytes: Uint8Array,
  file: string,
  format: string,
  wanted: (name: string) => boolean = () => true,
): ZipEntries {
  let total = 0;
  try {
    return unzipSync(bytes, {
      filter: (entry) => {
        if (!wanted(entry.name)) return false;
        total += entry.originalSize;
        if (total > MAX_INFLATED_BYTES)
          throw new ImportError(
            file,
            `its ${format} archive would unpack to more than ${MAX_INFLATED_BYTES / 1024 / 1024} MB; it was not read`,
            'damaged',
          );
        return true;
      },
    });
  } catch (e) {
    if (e instanceof ImportError) throw e;
    const reason = e instanceof Error ? e.message : String(e);
    throw new ImportError(
      file,
      `is not a readable ${format} file: its ZIP archive is truncated or damaged (${reason}). Nothing was written; open it in its application and save it again.`,
      'damaged',
    );
  }
}

/** An entry as UTF-8 text, or an ImportError saying which part of the archive is missing. */
export function entryText(entries: ZipEntries, name: string, file: string, format: string): string {
  const data = entries[name];
  if (!data)
    throw new ImportError(file, `is not a readable ${format} file: it has no ${name}. Nothing was written.`, 'damaged');
  return strFromU8(data);
}
