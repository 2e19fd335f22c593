/**
 * Annotations that cannot be placed as selections, in forms QDA tools keep (QualCoder's import was read to find
 * them, docs/export-refi-qda.md):
 * - an orphan (its quote is no longer in the text) becomes a `<Note>` that its text's `<TextSource>` refers to
 *   with `<NoteRef>`, holding a `<PlainTextSelection>` at its last known place: QualCoder imports it as an
 *   annotation of that text;
 * - an annotation whose text is missing becomes a `<Note>` with its content in `sources/<guid>.txt`
 *   (`plainTextPath`): QualCoder imports it as a journal entry.
 * Each note says in words what was coded where, and ends with the annotation as data, for our own import.
 */
import type { CodedSegment } from '../documents';
import { DATA_PREFIX } from './refiQdaMarks';
import { stableGuid } from './refiQdaCodes';
import { attrs, xmlText } from './xml';

export interface UnplacedNote {
  guid: string;
  /** The note element, indented for `<Notes>`. */
  xml: string;
  /** The note's text file (source-missing notes only). */
  file?: { path: string; text: string };
}

export const noteGuid = (s: CodedSegment): string => stableGuid(`note:${s.document}\0${s.annotation.id}`);
export const userGuid = (coder: string): string => stableGuid(`user:${coder}`);
export const dateTime = (created: string): string => `${created}T00:00:00Z`;

/** What the note says: words for a person, then one line of data for an import. */
export function noteContent(s: CodedSegment): string {
  const a = s.annotation;
  const why = s.status === 'orphaned' ? 'its quote is no longer in the text' : 'the text file was not found';
  // explicit key order: the same annotation always gives the same line, whatever built the object
  const { id, frame, start, end, quote, prefix, suffix, coder, created, memo, status, conflictWith } = a;
  const annotation = { id, frame, start, end, quote, prefix, suffix, coder, created, memo, status, conflictWith };
  const data = { document: s.document, annotation };
  return [
    `Annotation ${a.id} could not be placed in ${s.document}: ${why}.`,
    `Frame: ${s.frameLabel ?? a.frame} (${a.frame})`,
    `Quote: ${a.quote}`,
    `Last known offsets (UTF-16, LF): ${a.start}-${a.end}`,
    `Coder: ${a.coder}, ${a.created}`,
    a.memo === undefined ? undefined : `Memo: ${a.memo}`,
    `${DATA_PREFIX}${JSON.stringify(data)}`,
  ]
    .filter((l) => l !== undefined)
    .join('\n');
}

/**
 * The note of an unplaced segment. `place` gives an orphan's last known span in code points, clamped to its
 * text (undefined for a segment whose text is missing).
 */
export function unplacedNote(s: CodedSegment, place: { start: number; end: number } | undefined): UnplacedNote {
  const a = s.annotation;
  const guid = noteGuid(s);
  const common = {
    guid,
    name: `Unplaced annotation ${a.id} (${s.status})`,
    creatingUser: userGuid(a.coder),
    creationDateTime: dateTime(a.created),
  };
  if (place === undefined) {
    const path = `${guid}.txt`;
    return {
      guid,
      xml: `    <Note${attrs({ ...common, plainTextPath: `internal://${path}` })}/>`,
      file: { path: `sources/${path}`, text: noteContent(s) },
    };
  }
  const selection = {
    guid: stableGuid(`note-selection:${s.document}\0${a.id}`),
    startPosition: place.start,
    endPosition: place.end,
  };
  return {
    guid,
    xml: [
      `    <Note${attrs(common)}>`,
      `      <PlainTextContent>${xmlText(noteContent(s))}</PlainTextContent>`,
      `      <PlainTextSelection${attrs(selection)}/>`,
      '    </Note>',
    ].join('\n'),
  };
}
