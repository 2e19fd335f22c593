/**
 * The versions of the conversion libraries, for provenance records. The worker bundle has them written in at
 * build time (scripts/build.mjs defines IMPORT_LIBRARY_VERSIONS), because packages such as linkedom do not
 * export their package.json; run from out/ (tests), each package's package.json is looked up beside its
 * entry point.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

declare const IMPORT_LIBRARY_VERSIONS: Record<string, string> | undefined;

function versionBesideEntry(pkg: string): string {
  let dir = dirname(require.resolve(pkg));
  for (let i = 0; i < 6; i++) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown; version?: unknown };
      if (parsed.name === pkg && typeof parsed.version === 'string') return parsed.version;
    }
    dir = dirname(dir);
  }
  return 'unknown';
}

/** The installed version of one conversion library. */
export function libraryVersion(pkg: string): string {
  if (typeof IMPORT_LIBRARY_VERSIONS === 'object') return IMPORT_LIBRARY_VERSIONS[pkg] ?? 'unknown';
  return versionBesideEntry(pkg);
}
