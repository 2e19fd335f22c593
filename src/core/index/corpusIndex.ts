/**
 * The index of a whole corpus: every coded document with its coded segments (annotations checked against the
 * current text, orphans and unknown frames included), kept per document so that one changed sidecar costs one
 * document's work. It is plain data behind a small API; the adapter decides when a document is (re-)read, and
 * `indexInChunks` (chunked.ts) fills it without holding the event loop for long.
 */
import { findFrame, framePath, type Codebook } from '../codebook';
import { codedSegments, type CodedDocument, type CodedSegment } from '../documents';
import type { Problem } from '../input';

export interface IndexedDocument {
  document: CodedDocument;
  segments: CodedSegment[];
  /** Problems of its sidecar (and a missing source), for the explorer and the Problems panel. */
  problems: Problem[];
  readOnly: boolean;
}

/** Plain code-unit order: the same on every machine, unlike localeCompare. */
function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class CorpusIndex {
  private readonly entries = new Map<string, IndexedDocument>();
  private sortedCache: IndexedDocument[] | undefined;

  constructor(private codebookInUse: Codebook) {}

  get codebook(): Codebook {
    return this.codebookInUse;
  }

  /**
   * Adds or replaces a document; its segments are computed now (one re-anchoring check per annotation), unless
   * `segments` brings them, computed elsewhere as codedSegments(this.codebook, [document]) (a worker thread).
   */
  put(
    document: CodedDocument,
    problems: readonly Problem[] = [],
    readOnly = false,
    segments?: CodedSegment[],
  ): IndexedDocument {
    const entry = {
      document,
      segments: segments ?? codedSegments(this.codebookInUse, [document]),
      problems: [...problems],
      readOnly,
    };
    this.entries.set(document.path, entry);
    this.sortedCache = undefined;
    return entry;
  }

  remove(path: string): boolean {
    this.sortedCache = undefined;
    return this.entries.delete(path);
  }

  get(path: string): IndexedDocument | undefined {
    return this.entries.get(path);
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Documents in path order. */
  documents(): IndexedDocument[] {
    this.sortedCache ??= [...this.entries.values()].sort((a, b) => byPath(a.document.path, b.document.path));
    return this.sortedCache;
  }

  /** Every segment of every document: documents in path order, segments in sidecar order (as the CSV export). */
  segments(): CodedSegment[] {
    return this.documents().flatMap((d) => d.segments);
  }

  /**
   * A new codebook changes frame labels and paths, not where segments are: only the labels are recomputed
   * (once per frame id). Frames the new codebook lacks keep their raw id with `frameLabel` undefined, as in exports.
   */
  setCodebook(codebook: Codebook): void {
    this.codebookInUse = codebook;
    const names = new Map<string, { frameLabel: string | undefined; framePath: string }>();
    const nameOf = (id: string): { frameLabel: string | undefined; framePath: string } => {
      let name = names.get(id);
      if (!name) {
        name = { frameLabel: findFrame(codebook, id)?.label, framePath: framePath(codebook, id).join(' › ') };
        names.set(id, name);
      }
      return name;
    };
    for (const entry of this.entries.values()) {
      entry.segments = entry.segments.map((s) => ({ ...s, ...nameOf(s.annotation.frame) }));
    }
  }

  clear(): void {
    this.entries.clear();
    this.sortedCache = undefined;
  }
}
