/**
 * Coded documents in one import: a document with its annotations as read from its sidecar, and the coded
 * segments checked against its current text. Export and agreement both stand on this room.
 */
export * from './codedSegments';
