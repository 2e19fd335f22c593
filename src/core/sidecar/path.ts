/**
 * Where a source's annotations live, and back. The source of a sidecar is always derived from the sidecar's
 * own path, never from the `source:` field inside it, so a crafted sidecar cannot make the extension open or
 * hash a file elsewhere (`source: ../../etc/passwd`). Paths may use `/` or `\` (file system paths or URI paths).
 */

/** The suffix appended to the source file name: `speech.txt` → `speech.txt.annotations.yaml`. */
export const SIDECAR_SUFFIX = '.annotations.yaml';

/** Length of the folder part of a path, including its last separator. */
function folderLength(p: string): number {
  return Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1;
}

/** The last segment of a path. */
export function baseName(p: string): string {
  return p.slice(folderLength(p));
}

/** The sidecar path for a source: `<dir>/<name.ext>.annotations.yaml`, in the same folder. */
export function sidecarPathFor(sourcePath: string): string {
  return sourcePath + SIDECAR_SUFFIX;
}

/** True when the path names a sidecar (a non-empty source name followed by the suffix). */
export function isSidecarPath(p: string): boolean {
  return baseName(p).length > SIDECAR_SUFFIX.length && p.endsWith(SIDECAR_SUFFIX);
}

/** The source path a sidecar belongs to, or undefined when `sidecarPath` is not a sidecar path. */
export function sourcePathFor(sidecarPath: string): string | undefined {
  return isSidecarPath(sidecarPath) ? sidecarPath.slice(0, -SIDECAR_SUFFIX.length) : undefined;
}

/**
 * Why a `source:` value is unsafe to even show as a path (absolute, a drive or URI, a `..` segment, a folder
 * part, a control character), or undefined when it is a plain file name.
 */
export function unsafeSourceReason(source: string): string | undefined {
  if (source === '') return 'is empty';
  if (/^[/\\]/.test(source) || /^[A-Za-z]:/.test(source) || /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(source))
    return 'is an absolute path';
  if (source.split(/[/\\]/).includes('..')) return "contains '..'";
  if (/[/\\]/.test(source)) return 'names a folder: it must be the source file name only';
  if ([...source].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f))
    return 'contains a control character';
  return undefined;
}
