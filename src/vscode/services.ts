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
  /** The coder's name for new annotations. */
  coder(): string;
}
