/** Pure jobs of the editor (sidecar reads, corpus-index entries) run in a worker thread, or in place. */
export { OffThread } from './client';
export { framesOnly, readSidecarAgainst } from './jobs';
export type { JobInput, JobName, JobOutput, SidecarRead, TextInput, TextRef } from './jobs';
export { MirrorMissing } from './mirrors';
