/** The sidecar API in one import: path mapping, serialization, parsing with validation, the checks against the source text, and safe writing. */
export { baseName, isSidecarPath, SIDECAR_SUFFIX, sidecarPathFor, sourcePathFor, unsafeSourceReason } from './path';
export { mustEscape, quoteYaml, scalarYaml, serializeSidecar } from './serialize';
export { parseSidecar, parseSidecarBytes, parseSidecarYaml } from './parse';
export { parseCanonicalSidecar } from './fastParse';
export type { ParsedSidecar, ParsedSidecarFile } from './parse';
export { errorCode, nodeFilePort, tempPathFor, writeSidecarSafely } from './write';
export type { FilePort, Permissions, WriteOptions, WriteResult } from './write';
export { sidecarForSource } from './forSource';
export { mergeDone, normalDone, withDone } from './done';
export { OFFSETS_UNIT, SIDECAR_HEADER, SIDECAR_MAX_BYTES, SIDECAR_VERSION, SIDECAR_YAML_MAX_BYTES } from './types';
export type { Sidecar } from './types';
export { lineOfAnnotation, splitCharacterProblems } from './againstText';
