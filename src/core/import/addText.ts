/**
 * Adding one original to the corpus: convert it, write `NAME.txt` (beside the original or into a folder) and
 * its provenance record, atomically and never over a file we did not write. Adding a revised original over a
 * text added before re-converts it and re-anchors the existing coding through the normal core path
 * (anchoring.ts), so every annotation is kept, moved with its quote or marked for review or orphaned — and
 * each move is reported. Nothing is written when conversion fails, and the sidecar is written before the
 * new text is, under the same atomic writer the editor uses.
 */
import { promises as fs } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { reanchor, type AnchorOutcome } from '../anchoring';
import {
  parseSidecar,
  serializeSidecar,
  sidecarPathFor,
  writeSidecarSafely,
  nodeFilePort,
  type FilePort,
} from '../sidecar';
import { decodeUtf8File, formatProblem } from '../input';
import { canonicalText } from '../text';
import type { Conversion } from './convert';
import { paragraphChanges, type ParagraphChanges } from './textChanges';
import { parseProvenance, provenanceOf, provenancePathFor, serializeProvenance, type Provenance } from './provenance';
import { ImportError, type ConvertOptions } from './types';
import type { ConvertFunction } from './workerClient';

/** Originals larger than this are refused before reading (a 300-page PDF is a few MB). */
export const MAX_ORIGINAL_BYTES = 200 * 1024 * 1024;

export interface AddOptions extends ConvertOptions {
  /** Folder for the text; default: beside the original. */
  into?: string;
  /** The tool's version for the provenance record. */
  toolVersion: string;
  now?: Date;
  port?: FilePort;
  /**
   * How to convert: convertOriginal in process (tests), or workerConverter (CLI, VS Code), which keeps the
   * format libraries out of the callers' bundles and their event loops.
   */
  convert: ConvertFunction;
}

/** An annotation whose place or state changed in a re-import. */
export interface AnnotationMove {
  id: string;
  frame: string;
  quote: string;
  outcome: Exclude<AnchorOutcome, 'exact'>;
  from: number;
  to: number;
}

export interface AddResult {
  original: string;
  text: string;
  provenancePath: string;
  conversion: Conversion;
  provenance: Provenance;
  /** Present when a text added before was replaced. */
  reimport?: {
    unchanged: boolean;
    kept: number;
    counts: Record<AnchorOutcome, number>;
    moves: AnnotationMove[];
    changes: ParagraphChanges;
  };
}

/** The text's path for an original: NAME.txt beside it or in `into`. */
export function textPathFor(original: string, into?: string): string {
  const name = basename(original, extname(original));
  return resolve(into ?? dirname(original), `${name}.txt`);
}

async function readOriginal(file: string): Promise<Uint8Array> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (e) {
    throw new ImportError(file, `cannot be read (${e instanceof Error ? e.message : String(e)})`, 'io');
  }
  if (!stat.isFile()) throw new ImportError(file, 'is not a regular file', 'io');
  if (stat.size > MAX_ORIGINAL_BYTES)
    throw new ImportError(file, `is larger than ${MAX_ORIGINAL_BYTES / 1024 / 1024} MB; it was not read`, 'io');
  return new Uint8Array(await fs.readFile(file));
}

/** A file the import may replace (text, sidecar, provenance), decoded strictly: what is not UTF-8 is never overwritten. */
async function readIfExists(port: FilePort, p: string): Promise<string | undefined> {
  let bytes: Uint8Array | undefined;
  try {
    bytes = await port.readBytes(p);
  } catch (e) {
    throw new ImportError(
      p,
      `cannot be read (${e instanceof Error ? e.message : String(e)}); nothing was written`,
      'io',
    );
  }
  if (bytes === undefined) return undefined;
  const decoded = decodeUtf8File(bytes, p, 'file');
  if (!decoded.ok) throw new ImportError(p, `${decoded.problem.message}; nothing was written`, 'io');
  return decoded.text;
}

async function writeOrThrow(port: FilePort, path: string, content: string, expected: string | null): Promise<void> {
  const result = await writeSidecarSafely(port, path, content, expected);
  if (!result.ok) throw new ImportError(path, result.message, 'io');
}

/** Re-anchors the coding of the old text onto the new one, annotation by annotation; what to write and what happened. */
function reanchorSidecar(
  sidecarPath: string,
  sidecarText: string,
  newText: string,
): { yaml: string; kept: number; counts: Record<AnchorOutcome, number>; moves: AnnotationMove[] } {
  const parsed = parseSidecar(sidecarText, sidecarPath);
  if (!parsed.sidecar || parsed.readOnly) {
    const problems = parsed.problems.map(formatProblem).join('\n');
    throw new ImportError(
      sidecarPath,
      `has problems, so its coding cannot be carried over; nothing was written. Fix them first:\n${problems}`,
      'conflict',
    );
  }
  const counts: Record<AnchorOutcome, number> = { exact: 0, moved: 0, ambiguous: 0, fuzzy: 0, orphaned: 0 };
  const moves: AnnotationMove[] = [];
  const annotations = parsed.sidecar.annotations.map((old) => {
    const { annotation, outcome } = reanchor(old, newText);
    counts[outcome]++;
    if (outcome !== 'exact')
      moves.push({ id: old.id, frame: old.frame, quote: old.quote, outcome, from: old.start, to: annotation.start });
    return annotation;
  });
  return {
    yaml: serializeSidecar({ ...parsed.sidecar, annotations }, newText),
    kept: annotations.length,
    counts,
    moves,
  };
}

/** Converts `original` and writes the text and its provenance (see the file comment). */
export async function addText(original: string, options: AddOptions): Promise<AddResult> {
  const port = options.port ?? nodeFilePort;
  const source = resolve(original);
  const target = textPathFor(source, options.into && resolve(options.into));
  if (target === source)
    throw new ImportError(
      source,
      'would be replaced by its own converted text; add it --into another folder',
      'conflict',
    );
  const bytes = await readOriginal(source);
  const conversion = await options.convert(source, bytes, options);
  const provenancePath = provenancePathFor(target);
  const provenance = provenanceOf(conversion, source, bytes, target, options.toolVersion, options.now ?? new Date());
  const oldText = await readIfExists(port, target);
  const oldProvenance = await readIfExists(port, provenancePath);
  if (oldText !== undefined && oldProvenance === undefined) {
    throw new ImportError(
      target,
      'already exists and was not added from an original (it has no provenance record); nothing was written. Move it away or add --into another folder.',
      'conflict',
    );
  }
  if (oldProvenance !== undefined) {
    const previous = parseProvenance(oldProvenance, provenancePath);
    if (previous instanceof Error)
      throw new ImportError(provenancePath, `${previous.message}; nothing was written`, 'conflict');
  }
  const result: AddResult = { original: source, text: target, provenancePath, conversion, provenance };
  if (options.into !== undefined) await fs.mkdir(dirname(target), { recursive: true });
  if (oldText !== undefined) {
    const sidecarPath = sidecarPathFor(target);
    const sidecarText = await readIfExists(port, sidecarPath);
    const changes = paragraphChanges(canonicalText(oldText), conversion.text);
    const unchanged = canonicalText(oldText) === conversion.text;
    const carried = sidecarText === undefined ? undefined : reanchorSidecar(sidecarPath, sidecarText, conversion.text);
    const counts = carried?.counts ?? { exact: 0, moved: 0, ambiguous: 0, fuzzy: 0, orphaned: 0 };
    result.reimport = { unchanged, kept: carried?.kept ?? 0, counts, moves: carried?.moves ?? [], changes };
    // the sidecar first: a crash before the text is written leaves offsets the normal load re-anchors again
    if (carried && sidecarText !== undefined && !unchanged)
      await writeOrThrow(port, sidecarPath, carried.yaml, sidecarText);
  }
  await writeOrThrow(port, target, conversion.text, oldText ?? null);
  await writeOrThrow(port, provenancePath, serializeProvenance(provenance), oldProvenance ?? null);
  return result;
}
