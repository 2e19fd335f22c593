/** Team coding in Git in one import: three-way merge by id, the diff of two versions, reading revisions. */
export { mergeSidecars } from './merge';
export type { MergeOutcome } from './merge';
export { diffAnnotations } from './diff';
export type { AnnotationChange, ChangeKind, DiffSide, Place, TextDiff } from './diff';
export { changeLine, describeChange, diffJson, diffMarkdown, diffText } from './diffFormat';
export { GitError, readAtRevision, readSidecarVersion, resolveCommit, sidecarsAtRevision } from './revisions';
export type { GitPort, GitResult, SidecarVersion } from './revisions';
export { otherVersion, resolveConflict } from './resolveConflict';
export type { ConflictChoice } from './resolveConflict';
export { hasConflictMarkers, splitConflict } from './conflictMarkers';
export { ATTRIBUTES_LINE, cliCommandFor, gitConfigEntries, setUpGit, shellWords } from './setup';
export { nodeGitPort, repositoryTop } from './nodeGit';
export { diffSides, readerFor, sidecarsOn, splitRevisions } from './compare';
export type { DiffRun, Side } from './compare';
export { documentsAtRevisions } from './revisionDocuments';
export { checkedOutAt, describeHead, gitFolderOf } from './head';
export { sidecarCommits } from './sidecarCommits';
