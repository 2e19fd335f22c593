/**
 * Reading untrusted input in one import: the `Problem` every reader reports (with file and line), and the
 * hardened YAML parser that codebooks and sidecars are read with.
 */
export * from './problems';
export * from './safeYaml';
