/**
 * A REFI-QDA project (.qdpx) or codebook (.qdc) → the files of a Sovereignty Coder workspace: `codebook.yaml`,
 * each text and its `<text>.annotations.yaml`, with the texts' dates. Pure: the caller unzips and writes. A
 * project exported here comes back as it was (the marks of export/refiQdaMarks.ts), so that exporting it again
 * gives the same bytes; another tool's project comes back with every coding placed or reported.
 */
import type { Annotation } from '../annotations';
import { decodeUtf8File } from '../input';
import { serializeSidecar, sidecarPathFor } from '../sidecar';
import { canonicalText, textHash } from '../text';
import { readDataLine, readPathMark } from '../export/refiQdaMarks';
import { codebookYaml, idFromName, importCodes, type ImportedCodebook } from './importCodes';
import { importSelections, type ReportLine, type SourceContext } from './importSources';
import { restoredAnnotation } from './restored';
import { childNamed, childrenNamed, parseXml, XmlError, type XmlElement } from './xmlReader';

export interface ImportedFile {
  /** Relative to the folder imported into, with '/'. */
  path: string;
  text: string;
  /** xsd:dateTime to give the file as its modification time (a text's date). */
  date?: string;
}

export interface ImportResult {
  files: ImportedFile[];
  codebook: ImportedCodebook;
  texts: number;
  placed: number;
  report: ReportLine[];
}

export class InterchangeError extends Error {}

function rootOf(xml: string, file: string, element: 'Project' | 'CodeBook'): XmlElement {
  const root = parseXml(xml, file);
  const ns = root.attributes.get('xmlns') ?? '';
  const want = element === 'Project' ? 'urn:QDA-XML:project:' : 'urn:QDA-XML:codebook:';
  if (root.name !== element || !ns.startsWith(want))
    throw new XmlError(
      file,
      root.line,
      `not a REFI-QDA ${element === 'Project' ? 'project' : 'codebook'}: the root is <${root.name}> in namespace '${ns}'`,
    );
  return root;
}

/** A safe relative path inside the folder, or undefined: no absolute path, no `..`, no backslash or control character. */
function safePath(path: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (path === '' || path.startsWith('/') || /[\\\u0000-\u001f:]/.test(path)) return undefined;
  return path.split('/').every((p) => p !== '' && p !== '.' && p !== '..') ? path : undefined;
}

/** A file name from another tool's source name: no folder part, no character a file system refuses, `.txt` added when needed. */
function fileNameFor(name: string, taken: Set<string>): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is replaced
  const clean = name.replace(/[/\\:*?"<>|\u0000-\u001f]/g, '_').replace(/^[.\s]+|[.\s]+$/g, '') || 'text';
  const withExt = /\.(txt|md)$/i.test(clean) ? clean : `${clean}.txt`;
  let result = withExt;
  for (let n = 2; taken.has(result.toLowerCase()); n++) result = withExt.replace(/(\.[^.]+)$/, ` (${n})$1`);
  taken.add(result.toLowerCase());
  return result;
}

/** The codebook's id, title and version from the project's description (ours), else from the project's name. */
function codebookHead(root: XmlElement, file: string): Omit<ImportedCodebook, 'frames'> {
  const data = readDataLine(childNamed(root, 'Description')?.text ?? '');
  if (typeof data === 'object' && data !== null && 'codebook' in data && typeof data.codebook === 'string') {
    const d = data as { codebook: string; title?: unknown; version?: unknown };
    return {
      id: d.codebook,
      title: typeof d.title === 'string' ? d.title : d.codebook,
      ...(typeof d.version === 'string' ? { version: d.version } : {}),
    };
  }
  const name = root.attributes.get('name') ?? file.replace(/^.*[/\\]/, '').replace(/\.[^.]+$/, '');
  return { id: idFromName(name, new Set(), 'imported'), title: name || 'Imported codebook' };
}

/** A `.qdc` codebook → `codebook.yaml`. */
export function importCodebook(xml: string, file: string): ImportResult {
  const root = rootOf(xml, file, 'CodeBook');
  const { frames } = importCodes(childNamed(root, 'Codes'));
  const codebook = { ...codebookHead(root, file), frames };
  return {
    files: [{ path: 'codebook.yaml', text: codebookYaml(codebook, file) }],
    codebook,
    texts: 0,
    placed: 0,
    report: [],
  };
}

/** A `.qdpx` project (its unzipped entries) → a workspace's files. `today` dates codings that have no date. */
export function importProject(entries: ReadonlyMap<string, Uint8Array>, file: string, today: string): ImportResult {
  const qdeName = [...entries.keys()].find((n) => /^[^/]+\.qde$/i.test(n));
  const qde = qdeName === undefined ? undefined : entries.get(qdeName);
  if (qde === undefined || qdeName === undefined)
    throw new InterchangeError(`${file}: no project.qde in the archive: not a REFI-QDA project`);
  const decoded = decodeUtf8File(qde, `${file}!${qdeName}`, 'REFI-QDA project');
  if (!decoded.ok)
    throw new InterchangeError(`${decoded.problem.file}:${decoded.problem.line}: ${decoded.problem.message}`);
  const where = `${file}!${qdeName}`;
  const root = rootOf(decoded.text, where, 'Project');
  const users = new Map(
    childrenNamed(childNamed(root, 'Users') ?? root, 'User').map((u) => [
      u.attributes.get('guid') ?? '',
      u.attributes.get('name') ?? 'unknown',
    ]),
  );
  const { frames, frameOf } = importCodes(childNamed(childNamed(root, 'CodeBook') ?? root, 'Codes'));
  const codebook = { ...codebookHead(root, file), frames };
  const notes = new Map(
    childrenNamed(childNamed(root, 'Notes') ?? root, 'Note').map((n) => [n.attributes.get('guid') ?? '', n]),
  );
  const report: ReportLine[] = [];
  const ctx: SourceContext = {
    file: where,
    origin: root.attributes.get('origin') ?? '',
    users,
    frameOf,
    notes,
    today,
    report,
  };
  const entry = (path: string | undefined): Uint8Array | undefined => {
    const name = path?.startsWith('internal://') ? path.slice('internal://'.length) : undefined;
    return name === undefined ? undefined : (entries.get(`sources/${name}`) ?? entries.get(`Sources/${name}`));
  };
  const documents = new Map<string, { text?: string; date?: string; annotations: Annotation[] }>();
  const taken = new Set<string>();
  const usedNotes = new Set<string>();
  let placed = 0;
  for (const source of (childNamed(root, 'Sources') ?? root).children.filter((c) => c.name.endsWith('Source'))) {
    const name = source.attributes.get('name') ?? '';
    const selections = childrenNamed(source, 'PlainTextSelection').length;
    if (source.name !== 'TextSource') {
      report.push({
        where: `${where}:${source.line}`,
        message: `${source.name} '${name}' not imported: Sovereignty Coder codes text sources only${selections > 0 ? ` (${selections} selection(s) not placed)` : ''}`,
      });
      continue;
    }
    const inline = childNamed(source, 'PlainTextContent')?.text;
    const bytes = entry(source.attributes.get('plainTextPath'));
    const decodedText =
      bytes === undefined
        ? undefined
        : decodeUtf8File(bytes, `${file}!${source.attributes.get('plainTextPath') ?? ''}`, 'text');
    const raw = inline ?? (decodedText?.ok ? decodedText.text : undefined);
    if (raw === undefined) {
      const why =
        decodedText && !decodedText.ok
          ? decodedText.problem.message
          : `its text (${source.attributes.get('plainTextPath') ?? 'no plainTextPath'}) is not in the archive`;
      report.push({
        where: `${where}:${source.line}`,
        message: `text source '${name}' not imported: ${why}; its ${childrenNamed(source, 'PlainTextSelection').length} selection(s) are not placed`,
      });
      continue;
    }
    const marked = safePath(readPathMark(childNamed(source, 'Description')?.text ?? '') ?? '');
    const path = marked ?? fileNameFor(name, taken);
    if (marked) taken.add(marked.toLowerCase());
    const imported = importSelections(source, raw, path, ctx);
    const variables = childrenNamed(source, 'VariableValue').length;
    if (variables > 0)
      report.push({
        where: `${where}:${source.line}`,
        message: `${variables} document variable(s) of ${path} not imported: document attributes go in documents.csv (docs/attributes.md)`,
      });
    placed += imported.placed;
    const annotations = [...imported.annotations];
    for (const ref of childrenNamed(source, 'NoteRef')) {
      const guid = ref.attributes.get('targetGUID') ?? '';
      const note = notes.get(guid);
      usedNotes.add(guid);
      const restored = note && restoredAnnotation(note, where);
      if (restored) annotations.push(restored.annotation);
      else if (note)
        report.push({
          where: `${where}:${note.line}`,
          message: `a note on ${path} not imported as coding (it has no code): ${childNamed(note, 'PlainTextContent')?.text ?? ''}`,
        });
    }
    documents.set(path, { text: raw, date: source.attributes.get('creationDateTime'), annotations });
  }
  for (const [guid, note] of notes) {
    if (usedNotes.has(guid)) continue;
    const restored = restoredAnnotation(note, where, entry(note.attributes.get('plainTextPath')));
    const path = restored && safePath(restored.document);
    if (restored && path) {
      const doc = documents.get(path) ?? { annotations: [] };
      doc.annotations.push(restored.annotation);
      documents.set(path, doc);
    } else
      report.push({
        where: `${where}:${note.line}`,
        message: `note '${note.attributes.get('name') ?? ''}' not imported: it is not a coding (a memo or journal entry)`,
      });
  }
  const files: ImportedFile[] = [{ path: 'codebook.yaml', text: codebookYaml(codebook, file) }];
  for (const [path, doc] of [...documents].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (doc.text !== undefined)
      files.push({ path, text: doc.text, ...(doc.date === undefined ? {} : { date: doc.date }) });
    const sidecar = {
      version: 1 as const,
      source: path.slice(path.lastIndexOf('/') + 1),
      sourceHash: textHash(''),
      codebook: codebook.id,
      annotations: doc.annotations,
    };
    files.push({
      path: sidecarPathFor(path),
      text: serializeSidecar(sidecar, doc.text === undefined ? undefined : canonicalText(doc.text)),
    });
  }
  return { files, codebook, texts: [...documents.values()].filter((d) => d.text !== undefined).length, placed, report };
}
