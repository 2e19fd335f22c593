/** The services the adapter's parts share, passed explicitly (no global singletons). */
import type * as vscode from 'vscode';
import type { AnnotationStore } from './annotationStore';
import type { CodebookService } from './codebookService';
import type { CoderIdentity } from './coderIdentity';
import type { CueIndex } from './cueIndex';

export interface Services {
  codebooks: CodebookService;
  store: AnnotationStore;
  cues: CueIndex;
  log: vscode.LogOutputChannel;
  /** The extension's version (package.json), for the origin of exports. */
  version: string;
  /** Who signs new annotations. */
  coder: CoderIdentity;
}
