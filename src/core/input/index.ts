/**
 * Reading untrusted input in one import: the `Problem` every reader reports (with file and line), the strict
 * UTF-8 decoder and the hardened YAML parser that codebooks and sidecars are read with.
 */
export * from './problems';
export * from './safeYaml';
export * from './utf8';
export * from './excerpt';
