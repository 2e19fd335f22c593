/**
 * Splitting a file with Git conflict markers back into the two sides (and the base, when Git wrote it with
 * `merge.conflictStyle diff3` or `zdiff3`), so that `sovcode resolve` can merge a sidecar by annotation id after
 * Git's line merge stopped on it. Lines outside the conflict hunks belong to every side.
 */

export interface ConflictSides {
  ours: string;
  theirs: string;
  /** Undefined when some hunk has no base section (the default `merge` conflict style). */
  base: string | undefined;
  hunks: number;
}

const MARK = { start: '<<<<<<<', base: '|||||||', middle: '=======', end: '>>>>>>>' } as const;

const isMark = (line: string, mark: string): boolean => line === mark || line.startsWith(`${mark} `);

/** True when `text` has a line that opens a Git conflict hunk. */
export function hasConflictMarkers(text: string): boolean {
  return text.split('\n').some((l) => isMark(l.replace(/\r$/, ''), MARK.start));
}

/** The sides of a conflicted file, or a message saying which line breaks the hunk structure. */
export function splitConflict(text: string): ConflictSides | { error: string; line: number } {
  const ours: string[] = [];
  const theirs: string[] = [];
  const base: string[] = [];
  let state: 'both' | 'ours' | 'base' | 'theirs' = 'both';
  let everyHunkHasBase = true;
  let sawBase = false;
  let hunks = 0;
  // Every side gets each of its lines with a final LF (a sidecar always ends with one).
  const lines = text.replace(/\n$/, '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const line = raw.replace(/\r$/, '');
    const keep = (into: string[][]): void => {
      for (const side of into) side.push(raw);
    };
    if (isMark(line, MARK.start)) {
      if (state !== 'both') return { error: 'a conflict hunk opens inside another', line: i + 1 };
      state = 'ours';
      sawBase = false;
      hunks++;
    } else if (isMark(line, MARK.base) && state === 'ours') {
      state = 'base';
      sawBase = true;
    } else if (line === MARK.middle && (state === 'ours' || state === 'base')) {
      state = 'theirs';
      everyHunkHasBase &&= sawBase;
    } else if (isMark(line, MARK.end) && state === 'theirs') state = 'both';
    else
      keep(
        state === 'both' ? [ours, theirs, base] : state === 'ours' ? [ours] : state === 'theirs' ? [theirs] : [base],
      );
  }
  if (state !== 'both') return { error: 'a conflict hunk is not closed', line: lines.length };
  const join = (side: string[]): string => side.map((l) => `${l}\n`).join('');
  return {
    ours: join(ours),
    theirs: join(theirs),
    base: everyHunkHasBase && hunks > 0 ? join(base) : undefined,
    hunks,
  };
}
