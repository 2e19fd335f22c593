/**
 * Coded documents in one import: a document with its annotations as read from its sidecar (the one pure step
 * from file texts to it, with its warnings), and the coded segments checked against its current text. Export,
 * agreement and the CLI stand on this room, not on one another.
 */
export * from './codedDocument';
export * from './codedSegments';
export * from './segmentPlaces';
export * from './duplicates';
