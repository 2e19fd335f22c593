/**
 * Real files for the file-safety tests: a temp folder, a text written for these tests and its sidecar in the
 * canonical form (through serializeSidecar, as the tool writes it), links, FIFOs and old temp files.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnnotation, type Annotation } from '../../src/core/annotations';
import { serializeSidecar } from '../../src/core/sidecar';
import { canonicalText, textHash } from '../../src/core/text';

export const SAMPLE_TEXT =
  'The delegates spoke of cyber sovereignty at length.\nA second speaker raised data localization twice.\nThe chair closed on digital borders.\n';

/** A fresh folder under the system temp dir, by its real path (macOS and some CI have /tmp as a link). */
export function tempFolder(prefix = 'sovcode-files-'): string {
  return realpathSync(mkdtempSync(join(tmpdir(), prefix)));
}

/** Annotations on the first occurrence of each of `quotes` in `text`, frame `territory`, with fixed ids. */
export function annotationsOn(text: string, quotes: readonly string[], coder = 'tester'): Annotation[] {
  return quotes.map((q, i) => {
    const start = text.indexOf(q);
    if (start < 0) throw new Error(`fixture: '${q}' is not in the text`);
    return createAnnotation(
      text,
      start,
      start + q.length,
      'territory',
      coder,
      '2026-12-01',
      `${coder.slice(0, 1)}${String(i).padStart(10, '0')}`,
    );
  });
}

/** The sidecar text of `annotations` on `text`, as the tool writes it. */
export function sidecarYaml(name: string, text: string, annotations: readonly Annotation[]): string {
  const canonical = canonicalText(text);
  return serializeSidecar(
    {
      version: 1,
      source: name,
      sourceHash: textHash(canonical),
      codebook: 'sovereignty',
      annotations: [...annotations],
    },
    canonical,
  );
}

const QUOTES = ['cyber sovereignty', 'data localization', 'digital borders'];

/** Writes `<dir>/<name>` and its sidecar with three annotations per coder; returns the sidecar's path. */
export function codedText(
  dir: string,
  name = 'speech.txt',
  text = SAMPLE_TEXT,
  coders: readonly string[] = ['tester'],
): string {
  writeFileSync(join(dir, name), text);
  const sidecar = join(dir, `${name}.annotations.yaml`);
  writeFileSync(
    sidecar,
    sidecarYaml(
      name,
      text,
      coders.flatMap((c) => annotationsOn(text, QUOTES, c)),
    ),
  );
  return sidecar;
}

export function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

/** Sets a file's modification time `minutes` ago. */
export function ageFile(path: string, minutes: number): void {
  const then = new Date(Date.now() - minutes * 60000);
  utimesSync(path, then, then);
}
