/** The services the adapter's parts share, passed explicitly (no global singletons). */
import type * as vscode from 'vscode';
import type { AnnotationStore } from './annotationStore';
import type { CodebookService } from './codebookService';
import type { CodingHistory } from './codingHistory';
import type { CoderIdentity } from './coderIdentity';
import type { CueIndex } from './cueIndex';
import type { OffThread } from '../core/offThread';
import type { TextMirrors } from './textMirrors';
import type { SidecarFiles } from './sidecarFiles';

export interface Services {
  codebooks: CodebookService;
  store: AnnotationStore;
  /** Reads and writes the store's sidecars; coding decisions go through `applyDecision`. */
  sidecars: SidecarFiles;
  /** Coding decisions that can be undone go through `history.decide` (it writes through `sidecars`). */
  history: CodingHistory;
  cues: CueIndex;
  log: vscode.LogOutputChannel;
  /** The extension's version (package.json), for the origin of exports. */
  version: string;
  /** `publisher.name`, to address the extension's own contributions (its walkthrough). */
  extensionId: string;
  /** Who signs new annotations. */
  coder: CoderIdentity;
  /** The jobs worker: sidecar reads and corpus-index entries off the extension host's thread. */
  jobs: OffThread;
  /** The worker's copies of large open documents, for jobs over their text. */
  mirrors: TextMirrors;
}
