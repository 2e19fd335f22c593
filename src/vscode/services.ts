/** The services the adapter's parts share, passed explicitly (no global singletons). */
import type * as vscode from 'vscode';
import type { AnnotationStore } from './annotationStore';
import type { CodebookService } from './codebookService';
import type { CueIndex } from './cueIndex';
import type { DecorationController } from './decorations';

export interface Services {
  codebooks: CodebookService;
  store: AnnotationStore;
  cues: CueIndex;
  decorations: DecorationController;
  log: vscode.LogOutputChannel;
  /** The extension's version (package.json), for the origin of exports. */
  version: string;
  /** The coder's name for new annotations. */
  coder(): string;
}
