/**
 * REFI-QDA (QDA-XML 1.0) for ATLAS.ti, MAXQDA, NVivo and QualCoder: the project file `project.qde` of a `.qdpx`
 * with its `sources/`, and the codebook file `.qdc`. Built from the same coded segments as the CSV.
 *
 * Interoperability choices (docs/export-refi-qda.md): positions are code points, not UTF-16 units; sources
 * are the canonical text (LF line ends, so CRLF counting differences between tools cannot shift a span);
 * GUIDs are derived from stable keys, so exporting twice gives the same file; a parent frame without cue terms
 * and without annotations is a pure category (`isCodable="false"`). Segments that cannot be placed in a text
 * (orphaned, source missing) become project notes that say what was coded where, so nothing is lost.
 */
import { createHash } from 'node:crypto';
import type { Codebook, Frame } from '../codebook';
import { decidedBy, type Annotation } from '../annotations';
import { attrs, xmlText } from './xml';
import { originDescription } from './sourceOrigin';
import { codedSegments, type CodedDocument, type CodedSegment } from '../documents';

export const PROJECT_NS = 'urn:QDA-XML:project:1.0';
export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';

export interface RefiQdaOptions {
  projectName: string;
  /** The `origin` attribute: the exporting program and its version. */
  origin: string;
  /** xsd:dateTime of the export, e.g. 2026-12-01T10:00:00Z (passed in, so that tests are reproducible). */
  now: string;
}

export interface RefiQdaProject {
  projectXml: string;
  /** Files of the `.qdpx` besides project.qde: `sources/<guid>.txt`, UTF-8 text. */
  sources: { path: string; text: string }[];
  /** Segments placed as selections and those kept as notes. */
  selections: number;
  notes: number;
}

/** An xsd:dateTime for the `now` option: UTC, whole seconds. */
export function xsdDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A GUID (8-4-4-4-12 hex, RFC 4122 version 5 layout) derived from a key: the same key always gives the same GUID. */
export function stableGuid(key: string): string {
  const h = createHash('sha1').update(`sovereignty-coder\0${key}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/** Code-point positions of UTF-16 offsets in `text`, in one pass however many offsets there are. */
export function codePointPositions(text: string, offsets: readonly number[]): Map<number, number> {
  const wanted = [...new Set(offsets)].sort((a, b) => a - b);
  const result = new Map<number, number>();
  let unit = 0;
  let points = 0;
  for (const target of wanted) {
    while (unit < target && unit < text.length) {
      const code = text.charCodeAt(unit);
      unit +=
        code >= 0xd800 && code <= 0xdbff && unit + 1 < text.length && (text.charCodeAt(unit + 1) & 0xfc00) === 0xdc00
          ? 2
          : 1;
      points++;
    }
    result.set(target, points);
  }
  return result;
}

function frameDescription(f: Frame): string {
  return [f.definition, f.include && `Include: ${f.include}`, f.exclude && `Exclude: ${f.exclude}`]
    .filter(Boolean)
    .join('\n\n');
}

const UNKNOWN_GROUP = 'frames-not-in-codebook';

/** The `<Codes>` tree: the codebook's frames nested by parent, then any frame ids used but not in the codebook. */
function codesXml(codebook: Codebook, used: ReadonlySet<string>, indent: string): string {
  const children = new Map<string | undefined, Frame[]>();
  const known = new Set(codebook.frames.map((f) => f.id));
  for (const f of codebook.frames) {
    const parent = f.parent !== undefined && known.has(f.parent) ? f.parent : undefined;
    children.set(parent, [...(children.get(parent) ?? []), f]);
  }
  const code = (f: Frame, pad: string): string => {
    const kids = children.get(f.id) ?? [];
    const codable = f.terms.length > 0 || used.has(f.id) || kids.length === 0;
    const open = `${pad}<Code${attrs({ guid: stableGuid(`code:${f.id}`), name: f.label, isCodable: codable, color: f.color })}>`;
    const inner = [
      `${pad}  <Description>${xmlText(frameDescription(f))}</Description>`,
      ...kids.map((k) => code(k, `${pad}  `)),
    ];
    return [open, ...inner, `${pad}</Code>`].join('\n');
  };
  const top = (children.get(undefined) ?? []).map((f) => code(f, indent));
  const unknown = [...used].filter((id) => !known.has(id)).sort();
  if (unknown.length > 0) {
    top.push(
      [
        `${indent}<Code${attrs({ guid: stableGuid(`code:${UNKNOWN_GROUP}`), name: 'Frames not in the codebook', isCodable: false })}>`,
        `${indent}  <Description>Frame ids that annotations use but codebook '${xmlText(codebook.id)}' does not define (renamed or removed frames).</Description>`,
        ...unknown.map(
          (id) => `${indent}  <Code${attrs({ guid: stableGuid(`code:${id}`), name: id, isCodable: true })}/>`,
        ),
        `${indent}</Code>`,
      ].join('\n'),
    );
  }
  return top.join('\n');
}

/** A `.qdc` file: the codebook alone, for importing the frames before any coding. */
export function codebookToQdc(codebook: Codebook, origin: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<CodeBook${attrs({ xmlns: CODEBOOK_NS, origin })}>\n  <Codes>\n${codesXml(codebook, new Set(), '    ')}\n  </Codes>\n</CodeBook>\n`;
}

const dateTime = (created: string): string => `${created}T00:00:00Z`;
const userGuid = (coder: string): string => stableGuid(`user:${coder}`);
/** Everyone an annotation names (coder, last modifier, who chose the frame): each is a <User>. */
const peopleOf = (a: Annotation): string[] => [a.coder, a.modifiedBy, a.retaggedBy].filter((p) => p !== undefined);

function selectionXml(s: CodedSegment, positions: Map<number, number>): string {
  const a = s.annotation;
  const key = `${s.document}\0${a.id}`;
  const flag =
    s.status === 'needs-review'
      ? '[Sovereignty Coder: needs review]'
      : s.status === 'conflict'
        ? `[Sovereignty Coder: merge conflict with annotation ${a.conflictWith ?? '?'}]`
        : undefined;
  const description = [a.memo, flag, `[annotation ${a.id}]`].filter(Boolean).join('\n');
  return [
    `      <PlainTextSelection${attrs({
      guid: stableGuid(`selection:${key}`),
      name: a.quote,
      startPosition: positions.get(s.start),
      endPosition: positions.get(s.end),
      creatingUser: userGuid(a.coder),
      creationDateTime: dateTime(a.created),
      modifyingUser: a.modifiedBy === undefined ? undefined : userGuid(a.modifiedBy),
      modifiedDateTime: a.modified === undefined ? undefined : dateTime(a.modified),
    })}>`,
    `        <Description>${xmlText(description)}</Description>`,
    // the coding (span → frame) is credited to whoever chose the frame: a retag by a second coder is theirs
    `        <Coding${attrs({ guid: stableGuid(`coding:${key}`), creatingUser: userGuid(decidedBy(a)), creationDateTime: dateTime(a.created) })}>`,
    `          <CodeRef${attrs({ targetGUID: stableGuid(`code:${a.frame}`) })}/>`,
    '        </Coding>',
    '      </PlainTextSelection>',
  ].join('\n');
}

function noteXml(s: CodedSegment): string {
  const a = s.annotation;
  const why = s.status === 'orphaned' ? 'its quote is no longer in the text' : 'the text file was not found';
  const content = [
    `Annotation ${a.id} could not be placed in ${s.document}: ${why}.`,
    `Frame: ${s.frameLabel ?? a.frame} (${a.frame})`,
    `Quote: ${a.quote}`,
    `Last known offsets (UTF-16, LF): ${a.start}-${a.end}`,
    `Coder: ${a.coder}, ${a.created}`,
    a.memo === undefined ? undefined : `Memo: ${a.memo}`,
  ]
    .filter(Boolean)
    .join('\n');
  return [
    `    <Note${attrs({ guid: stableGuid(`note:${s.document}\0${a.id}`), name: `Unplaced annotation ${a.id} (${s.status})`, creatingUser: userGuid(a.coder), creationDateTime: dateTime(a.created) })}>`,
    `      <PlainTextContent>${xmlText(content)}</PlainTextContent>`,
    '    </Note>',
  ].join('\n');
}

/** The project: users, codebook, one text source per document with its selections, and notes for unplaced segments. */
export function buildRefiQdaProject(
  codebook: Codebook,
  documents: readonly CodedDocument[],
  options: RefiQdaOptions,
): RefiQdaProject {
  const segments = codedSegments(codebook, documents);
  const isPlaced = (s: CodedSegment): boolean => s.status !== 'orphaned' && s.status !== 'source-missing';
  const placed = segments.filter(isPlaced);
  const unplaced = segments.filter((s) => !isPlaced(s));
  const coders = [...new Set(segments.flatMap((s) => peopleOf(s.annotation)))].sort();
  const used = new Set(segments.map((s) => s.annotation.frame));
  const texts = [...documents]
    .filter((d): d is CodedDocument & { text: string } => d.text !== undefined)
    .sort((a, b) => (a.path < b.path ? -1 : 1));

  const sources = texts.map((d) => {
    const guid = stableGuid(`source:${d.path}`);
    const mine = placed.filter((s) => s.document === d.path);
    const positions = codePointPositions(
      d.text,
      mine.flatMap((s) => [s.start, s.end]),
    );
    return {
      file: { path: `sources/${guid}.txt`, text: d.text },
      xml: [
        `    <TextSource${attrs({ guid, name: d.path, plainTextPath: `internal://${guid}.txt`, creationDateTime: options.now })}>`,
        ...(d.origin ? [`      <Description>${xmlText(originDescription(d.origin))}</Description>`] : []),
        ...mine.map((s) => selectionXml(s, positions)),
        '    </TextSource>',
      ].join('\n'),
    };
  });
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Project${attrs({ xmlns: PROJECT_NS, name: options.projectName, origin: options.origin, creationDateTime: options.now })}>`,
    ...(coders.length > 0
      ? ['  <Users>', ...coders.map((c) => `    <User${attrs({ guid: userGuid(c), name: c })}/>`), '  </Users>']
      : []),
    '  <CodeBook>',
    '    <Codes>',
    codesXml(codebook, used, '      '),
    '    </Codes>',
    '  </CodeBook>',
    ...(sources.length > 0 ? ['  <Sources>', ...sources.map((s) => s.xml), '  </Sources>'] : []),
    ...(unplaced.length > 0 ? ['  <Notes>', ...unplaced.map(noteXml), '  </Notes>'] : []),
    '</Project>',
    '',
  ];
  return {
    projectXml: lines.join('\n'),
    sources: sources.map((s) => s.file),
    selections: placed.length,
    notes: unplaced.length,
  };
}
