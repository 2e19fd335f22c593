/**
 * REFI-QDA (QDA-XML 1.0) for ATLAS.ti, MAXQDA, NVivo and QualCoder: the project file `project.qde` of a `.qdpx`
 * with its `sources/`. Built from the same coded segments as the CSV.
 *
 * Interoperability choices (docs/export-refi-qda.md): positions are code points, not UTF-16 units; sources
 * are the canonical text (LF line ends, so CRLF counting differences between tools cannot shift a span); a
 * source's name is its file name (QualCoder copies it to `documents/<name>`), its workspace path is in its
 * description; GUIDs are derived from stable keys and the dates from the data, so exporting twice gives the same
 * file; a parent frame without cue terms and without annotations is a pure category (`isCodable="false"`).
 * Segments that cannot be placed in a text become notes in forms QDA tools keep (refiQdaNotes.ts).
 */
import type { Codebook } from '../codebook';
import { codedSegments, duplicateGroups, type CodedDocument, type CodedSegment } from '../documents';
import { codePointPositions } from './positions';
import { codeGuid, codesXml, stableGuid } from './refiQdaCodes';
import { dateTime, unplacedNote, userGuid, type UnplacedNote } from './refiQdaNotes';
import { DATA_PREFIX, pathMark, selectionDescriptionText } from './refiQdaMarks';
import { attrs, xmlText } from './xml';
import { originDescription } from './sourceOrigin';
import { decidedBy, type Annotation } from '../annotations';

export { codePointPositions } from './positions';
export { codebookToQdc, CODEBOOK_NS, stableGuid } from './refiQdaCodes';

export const PROJECT_NS = 'urn:QDA-XML:project:1.0';

export interface RefiQdaOptions {
  projectName: string;
  /** The `origin` attribute: the exporting program and its version. */
  origin: string;
  /**
   * Per document path: the text's date as xsd:dateTime (its file's modification time). A text without one gets
   * the date of its first annotation.
   */
  textDates?: ReadonlyMap<string, string>;
}

export interface RefiQdaProject {
  projectXml: string;
  /** Files of the `.qdpx` besides project.qde: `sources/<guid>.txt`, UTF-8 text. */
  sources: { path: string; text: string }[];
  /** Segments placed as selections and those kept as notes. */
  selections: number;
  notes: number;
  /** Annotations that repeat another's frame, span and coder; each is still written as its own selection. */
  duplicates: number;
}

/** An xsd:dateTime: UTC, whole seconds. */
export function xsdDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function selectionXml(s: CodedSegment, positions: Map<number, number>): string {
  const a = s.annotation;
  const key = `${s.document}\0${a.id}`;
  const description = selectionDescriptionText({
    memo: a.memo,
    review: s.status === 'needs-review',
    conflictWith: s.status === 'conflict' ? (a.conflictWith ?? '?') : undefined,
    id: a.id,
  });
  const who = { creatingUser: userGuid(a.coder), creationDateTime: dateTime(a.created) };
  const changed = {
    modifyingUser: a.modifiedBy === undefined ? undefined : userGuid(a.modifiedBy),
    modifiedDateTime: a.modified === undefined ? undefined : dateTime(a.modified),
  };
  // the coding (span → frame) is credited to whoever chose the frame: a retag by a second coder is theirs
  const decider = { creatingUser: userGuid(decidedBy(a)), creationDateTime: dateTime(a.created) };
  return [
    `      <PlainTextSelection${attrs({ guid: stableGuid(`selection:${key}`), name: a.quote, startPosition: positions.get(s.start), endPosition: positions.get(s.end), ...who, ...changed })}>`,
    `        <Description>${xmlText(description)}</Description>`,
    `        <Coding${attrs({ guid: stableGuid(`coding:${key}`), ...decider })}>`,
    `          <CodeRef${attrs({ targetGUID: codeGuid(a.frame) })}/>`,
    '        </Coding>',
    '      </PlainTextSelection>',
  ].join('\n');
}

/** Everyone an annotation names (coder, last modifier, who chose the frame): each is a <User>. */
const peopleOf = (a: Annotation): string[] => [a.coder, a.modifiedBy, a.retaggedBy].filter((p) => p !== undefined);

const isPlaced = (s: CodedSegment): boolean => s.status !== 'orphaned' && s.status !== 'source-missing';

/** The file name of each path; paths whose file names collide are named by their whole path instead. */
function sourceNames(paths: readonly string[]): Map<string, string> {
  const base = (p: string): string => p.slice(p.lastIndexOf('/') + 1);
  const count = new Map<string, number>();
  for (const p of paths) count.set(base(p), (count.get(base(p)) ?? 0) + 1);
  return new Map(paths.map((p) => [p, (count.get(base(p)) ?? 0) > 1 ? p.split('/').join('__') : base(p)]));
}

/** The first coder of a text (the earliest annotation, then the coder's name): its `creatingUser`. */
function firstCoder(segments: readonly CodedSegment[]): { coder: string; created: string } | undefined {
  const sorted = segments
    .map((s) => s.annotation)
    .sort((a, b) => (a.created !== b.created ? (a.created < b.created ? -1 : 1) : a.coder < b.coder ? -1 : 1));
  return sorted[0];
}

interface SourceXml {
  file: { path: string; text: string };
  xml: string;
  notes: UnplacedNote[];
  date: string | undefined;
}

function sourceXml(
  d: CodedDocument & { text: string },
  mine: readonly CodedSegment[],
  name: string,
  textDate: string | undefined,
): SourceXml {
  const guid = stableGuid(`source:${d.path}`);
  const placed = mine.filter(isPlaced);
  const orphans = mine.filter((s) => !isPlaced(s));
  const clamp = (n: number): number => Math.min(Math.max(n, 0), d.text.length);
  const positions = codePointPositions(d.text, [
    ...placed.flatMap((s) => [s.start, s.end]),
    ...orphans.flatMap((s) => [clamp(s.start), clamp(s.end)]),
  ]);
  const notes = orphans.map((s) =>
    unplacedNote(s, { start: positions.get(clamp(s.start)) ?? 0, end: positions.get(clamp(s.end)) ?? 0 }),
  );
  const first = firstCoder(mine);
  const date = textDate ?? (first && dateTime(first.created));
  const head = { guid, name, plainTextPath: `internal://${guid}.txt` };
  return {
    file: { path: `sources/${guid}.txt`, text: d.text },
    notes,
    date,
    xml: [
      `    <TextSource${attrs({ ...head, creatingUser: first && userGuid(first.coder), creationDateTime: date })}>`,
      // where an added text came from (issue 19), then the path mark the import reads back
      `      <Description>${xmlText(d.origin ? `${originDescription(d.origin)}\n\n${pathMark(d.path)}` : pathMark(d.path))}</Description>`,
      ...placed.map((s) => selectionXml(s, positions)),
      ...notes.map((n) => `      <NoteRef${attrs({ targetGUID: n.guid })}/>`),
      '    </TextSource>',
    ].join('\n'),
  };
}

/** The project's own description: where it comes from in words, and the codebook's id, title and version as data. */
function projectDescription(codebook: Codebook): string {
  const data = { codebook: codebook.id, title: codebook.title, version: codebook.version };
  return `Exported by Sovereignty Coder with codebook '${codebook.id}'${codebook.version === undefined ? '' : ` version ${codebook.version}`}.\n${DATA_PREFIX}${JSON.stringify(data)}`;
}

/** The project: users, codebook, one text source per document with its selections, and notes for unplaced segments. */
export function buildRefiQdaProject(
  codebook: Codebook,
  documents: readonly CodedDocument[],
  options: RefiQdaOptions,
): RefiQdaProject {
  const segments = codedSegments(codebook, documents);
  const coders = [...new Set(segments.flatMap((s) => peopleOf(s.annotation)))].sort();
  const used = new Set(segments.map((s) => s.annotation.frame));
  const texts = [...documents]
    .filter((d): d is CodedDocument & { text: string } => d.text !== undefined)
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  const names = sourceNames(texts.map((d) => d.path));
  const sources = texts.map((d) =>
    sourceXml(
      d,
      segments.filter((s) => s.document === d.path),
      names.get(d.path) ?? d.path,
      options.textDates?.get(d.path),
    ),
  );
  const missing = segments.filter((s) => s.status === 'source-missing').map((s) => unplacedNote(s, undefined));
  const notes = [...sources.flatMap((s) => s.notes), ...missing];
  const dates = [...sources.map((s) => s.date), ...segments.map((s) => dateTime(s.annotation.created))];
  const latest = dates
    .filter((d): d is string => d !== undefined)
    .sort()
    .at(-1);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Project${attrs({ xmlns: PROJECT_NS, name: options.projectName, origin: options.origin, creationDateTime: latest })}>`,
    ...(coders.length > 0
      ? ['  <Users>', ...coders.map((c) => `    <User${attrs({ guid: userGuid(c), name: c })}/>`), '  </Users>']
      : []),
    '  <CodeBook>',
    '    <Codes>',
    codesXml(codebook, used, '      '),
    '    </Codes>',
    '  </CodeBook>',
    ...(sources.length > 0 ? ['  <Sources>', ...sources.map((s) => s.xml), '  </Sources>'] : []),
    ...(notes.length > 0 ? ['  <Notes>', ...notes.map((n) => n.xml), '  </Notes>'] : []),
    `  <Description>${xmlText(projectDescription(codebook))}</Description>`,
    '</Project>',
    '',
  ];
  const duplicates = documents.flatMap((d) => duplicateGroups(d.annotations)).reduce((n, g) => n + g.length - 1, 0);
  return {
    projectXml: lines.join('\n'),
    sources: [...sources.map((s) => s.file), ...notes.flatMap((n) => (n.file === undefined ? [] : [n.file]))],
    selections: segments.filter(isPlaced).length,
    notes: notes.length,
    duplicates,
  };
}
