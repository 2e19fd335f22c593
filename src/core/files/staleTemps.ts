/**
 * Temporary copies left by a save that was killed between writing the temp file and renaming it
 * (`.<name>.annotations.yaml.<12 hex>.tmp`, see tempPathFor in sidecar/write.ts). Each is a full or partial copy
 * of a coder's data, so none is ever deleted silently: validate and the loaders report those older than a few
 * minutes (younger ones may belong to a save in progress), and VS Code offers to delete them.
 */
import { basename, dirname, join } from 'node:path';
import { errorCode } from '../sidecar/write';
import { nodeFiles, type EntryInfo, type FilesPort } from './port';

/** A temp file younger than this may belong to a save that is still running. */
export const STALE_TEMP_AGE_MS = 5 * 60 * 1000;

const TEMP_NAME = /^\.(.+\.annotations\.yaml)\.[0-9a-f]{12}\.tmp$/;

/** The sidecar name a temp file name belongs to, or undefined when the name is not one of our temp files. */
export function sidecarNameOfTemp(name: string): string | undefined {
  return TEMP_NAME.exec(name)?.[1];
}

export interface StaleTemp {
  path: string;
  /** The sidecar it is a copy of (beside it). */
  sidecar: string;
  ageMs: number;
}

/** The message for one stale temp file: what it is and what to do. */
export function staleTempMessage(t: StaleTemp): string {
  const minutes = Math.floor(t.ageMs / 60000);
  return `${t.path}: a temporary copy of ${basename(t.sidecar)} left by an interrupted save ${minutes} minute(s) ago; compare it with ${basename(t.sidecar)} and delete it`;
}

/** Which of `paths` are our temp files older than STALE_TEMP_AGE_MS at `now`. */
export function staleTemps(paths: readonly string[], now: number, port: FilesPort = nodeFiles): StaleTemp[] {
  const found: StaleTemp[] = [];
  for (const path of paths) {
    const sidecar = sidecarNameOfTemp(basename(path));
    if (sidecar === undefined) continue;
    let info: EntryInfo;
    try {
      info = port.lstat(path);
    } catch (e) {
      if (errorCode(e) === 'ENOENT') continue; // removed since the folder was listed: nothing to report
      throw e;
    }
    const ageMs = now - info.mtimeMs;
    if (info.kind === 'file' && ageMs >= STALE_TEMP_AGE_MS)
      found.push({ path, sidecar: join(dirname(path), sidecar), ageMs });
  }
  return found;
}

/** The stale temp files of one sidecar, found in its folder. */
export function staleTempsOf(sidecarPath: string, now: number, port: FilesPort = nodeFiles): StaleTemp[] {
  const name = basename(sidecarPath);
  return staleTempsIn(dirname(sidecarPath), now, port).filter((t) => basename(t.sidecar) === name);
}

/** The stale temp files of every sidecar in a folder (one listing of the folder, however many sidecars). */
export function staleTempsIn(folder: string, now: number, port: FilesPort = nodeFiles): StaleTemp[] {
  return staleTemps(
    port
      .readdir(folder)
      .filter((n) => sidecarNameOfTemp(n) !== undefined)
      .map((n) => join(folder, n)),
    now,
    port,
  );
}
