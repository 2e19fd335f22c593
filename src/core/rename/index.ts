/** Renaming and merging frames across the coded data: the sidecar step and the codebook step. */
export { renameFrameInSidecar } from './sidecarRename';
export type { SidecarRename } from './sidecarRename';
export { RenameError, renameFrameInCodebook } from './codebookRename';
