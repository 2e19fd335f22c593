/**
 * The pure jobs the editor hands to a worker thread (worker.ts) because at 10 MB and 10,000 annotations each
 * holds the extension host's event loop for a tenth of a second or more: reading a sidecar against its text
 * (parse, then re-anchor every annotation), and turning a coded document into the corpus index's entry
 * (parse, canonical text, coded segments). Inputs and outputs are plain data (structured-clonable); the same
 * functions run in place when no worker can (client.ts), so the result never depends on where they ran.
 */
import { reanchorAll } from '../anchoring';
import type { Codebook } from '../codebook';
import {
  codedDocumentFrom,
  codedSegments,
  type CodedDocument,
  type CodedSegment,
  type DocumentRead,
  placesOf,
  type SegmentPlaces,
} from '../documents';
import { parseSidecar } from '../sidecar';
import { decodeUtf8Lenient } from '../input';
import { isTextRef, MirrorMissing, type TextRef } from './mirrors';

/**
 * A text file's bytes as read, decoded where the job runs (as VS Code decodes a text: lenient UTF-8). For a
 * large text that is not open: the extension host then neither decodes 10 MB (40 ms) nor clones the 20 MB of
 * the decoded string to the worker; the bytes cross as one copy of a typed array.
 */
export interface EncodedText {
  utf8: Uint8Array;
}

export function isEncodedText(x: unknown): x is EncodedText {
  return typeof x === 'object' && x !== null && (x as EncodedText).utf8 instanceof Uint8Array;
}

/** A text given whole, as bytes to decode, or named as the worker's copy of an open document (mirrors.ts). */
export type TextInput = string | EncodedText | TextRef;

/** Turns a TextInput into its text: in the worker from its copies; in place only a string or bytes are at hand. */
export type ResolveText = (t: TextInput) => string;

export const resolveInPlace: ResolveText = (t) => {
  if (isTextRef(t)) throw new MirrorMissing(`${t.mirror}: no copy of the text here`);
  return isEncodedText(t) ? decodeUtf8Lenient(t.utf8) : t;
};

export interface SidecarReadInput {
  /** The sidecar file's text, and its path for problems. */
  yaml: string;
  file: string;
  /** The document's canonical text (LF), undefined when it is not open: nothing to re-anchor against. */
  text: TextInput | undefined;
}

export interface SidecarRead {
  parsed: ReturnType<typeof parseSidecar>;
  anchored: ReturnType<typeof reanchorAll> | undefined;
}

/** A sidecar parsed, then (when the document is open) its annotations checked against the text. */
export function readSidecarAgainst(input: SidecarReadInput, resolve: ResolveText = resolveInPlace): SidecarRead {
  const parsed = parseSidecar(input.yaml, input.file);
  const list = parsed.sidecar?.annotations ?? [];
  const anchored = input.text === undefined || list.length === 0 ? undefined : reanchorAll(list, resolve(input.text));
  return { parsed, anchored };
}

export interface IndexEntryInput {
  path: string;
  sidecarFile: string;
  sidecarText: string;
  sourceText: TextInput | undefined;
  codebook: Codebook;
  /** False: the document comes back without its text (the caller has it, and 10 MB back costs what it saved). */
  keepText?: boolean;
}

/** codedDocumentFrom, and the document's coded segments under `codebook` when it was read. */
export function indexEntry(
  input: IndexEntryInput,
  resolve: ResolveText = resolveInPlace,
): { read: DocumentRead; segments: CodedSegment[] | undefined } {
  const source = input.sourceText === undefined ? undefined : resolve(input.sourceText);
  const read = codedDocumentFrom(input.path, input.sidecarFile, input.sidecarText, source);
  const segments = read.document ? codedSegments(input.codebook, [read.document]) : undefined;
  if (input.keepText === false && read.document) read.document = { ...read.document, text: undefined };
  return { read, segments };
}

/**
 * The codebook as the index jobs need it: frames with their ids, labels and parents (coded segments name a
 * frame by label and path), without the terms and examples, which at 5,000 terms are most of what a clone to
 * the worker would copy (80 ms of the extension host's time per job).
 */
export function framesOnly(codebook: Codebook): Codebook {
  return {
    ...codebook,
    frames: codebook.frames.map((f) => ({ ...f, terms: [], examples: [], examplePositions: [] })),
  };
}

export const JOBS = {
  readSidecarAgainst,
  indexEntry,
  /**
   * An open document's in-memory coding, for the index: where its segments stand (the text stays where it is;
   * sending 10 MB back would cost the extension host what the job saved), as numbers the host turns back into
   * segments with its own annotations (documents/segmentPlaces.ts).
   */
  segmentPlaces: (
    input: { document: Omit<CodedDocument, 'text'> & { text: TextInput }; codebook: Codebook },
    resolve: ResolveText = resolveInPlace,
  ): SegmentPlaces =>
    placesOf(codedSegments(input.codebook, [{ ...input.document, text: resolve(input.document.text) }])),
};

export type JobName = keyof typeof JOBS;
export type JobInput<K extends JobName> = Parameters<(typeof JOBS)[K]>[0];
export type { TextRef } from './mirrors';
export type JobOutput<K extends JobName> = ReturnType<(typeof JOBS)[K]>;
