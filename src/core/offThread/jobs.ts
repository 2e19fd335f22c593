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
} from '../documents';
import { parseSidecar } from '../sidecar';

export interface SidecarReadInput {
  /** The sidecar file's text, and its path for problems. */
  yaml: string;
  file: string;
  /** The document's canonical text (LF), undefined when it is not open: nothing to re-anchor against. */
  text: string | undefined;
}

export interface SidecarRead {
  parsed: ReturnType<typeof parseSidecar>;
  anchored: ReturnType<typeof reanchorAll> | undefined;
}

/** A sidecar parsed, then (when the document is open) its annotations checked against the text. */
export function readSidecarAgainst(input: SidecarReadInput): SidecarRead {
  const parsed = parseSidecar(input.yaml, input.file);
  const list = parsed.sidecar?.annotations ?? [];
  const anchored = input.text === undefined || list.length === 0 ? undefined : reanchorAll(list, input.text);
  return { parsed, anchored };
}

export interface IndexEntryInput {
  path: string;
  sidecarFile: string;
  sidecarText: string;
  sourceText: string | undefined;
  codebook: Codebook;
}

/** codedDocumentFrom, and the document's coded segments under `codebook` when it was read. */
export function indexEntry(input: IndexEntryInput): { read: DocumentRead; segments: CodedSegment[] | undefined } {
  const read = codedDocumentFrom(input.path, input.sidecarFile, input.sidecarText, input.sourceText);
  return { read, segments: read.document ? codedSegments(input.codebook, [read.document]) : undefined };
}

export const JOBS = {
  readSidecarAgainst,
  indexEntry,
  /** An open document's in-memory coding, for the index. */
  segments: (input: { document: CodedDocument; codebook: Codebook }): CodedSegment[] =>
    codedSegments(input.codebook, [input.document]),
};

export type JobName = keyof typeof JOBS;
export type JobInput<K extends JobName> = Parameters<(typeof JOBS)[K]>[0];
export type JobOutput<K extends JobName> = ReturnType<(typeof JOBS)[K]>;
