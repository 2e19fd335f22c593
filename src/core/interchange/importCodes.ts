/**
 * REFI-QDA codes → Sovereignty Coder frames, for `sovcode import` of a project (.qdpx) or a codebook (.qdc). A code
 * exported here carries its frame id, guidance and cue terms in its description (export/refiQdaMarks.ts) and
 * comes back as the same frame; another tool's code becomes a frame whose id is made from its name, whose
 * definition is its description, and whose colour is its own when it is one (#RRGGBB or #RGB). The codes under
 * our "Frames not in the codebook" group stay unknown frame ids, as they were before the export.
 */
import { ID_PATTERN } from '../codebook/shape';
import { codeGuid, UNKNOWN_GROUP } from '../export/refiQdaCodes';
import { readFrameDescription } from '../export/refiQdaMarks';
import { childNamed, childrenNamed, type XmlElement } from './xmlReader';
import { stringify } from 'yaml';

export interface ImportedFrame {
  id: string;
  label: string;
  color: string;
  parent?: string;
  definition: string;
  include?: string;
  exclude?: string;
  terms: string[];
}

export interface ImportedCodebook {
  id: string;
  title: string;
  version?: string;
  frames: ImportedFrame[];
}

export interface ImportedCodes {
  frames: ImportedFrame[];
  /** Code GUID → frame id, for every code that selections may refer to (unknown frame ids included). */
  frameOf: Map<string, string>;
}

/** Colours for codes that have none: the shipped codebook's palette, in turn. */
const PALETTE = ['#5A8869', '#368E45', '#1565C0', '#AD1457', '#EF6C00', '#6A1B9A', '#00838F', '#795548'];
const COLOR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

/** A frame id from a code's name: lower-case ASCII letters, digits, `.`, `_` and `-`, unique among `taken`. */
export function idFromName(name: string, taken: Set<string>, fallback: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/-+$/, '');
  const base = slug === '' ? fallback : slug;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

export function importCodes(codes: XmlElement | undefined): ImportedCodes {
  const frames: ImportedFrame[] = [];
  const frameOf = new Map<string, string>();
  const taken = new Set<string>();
  const visit = (code: XmlElement, parent: string | undefined): void => {
    const guid = code.attributes.get('guid') ?? '';
    if (guid === codeGuid(UNKNOWN_GROUP)) {
      for (const kid of childrenNamed(code, 'Code'))
        frameOf.set(kid.attributes.get('guid') ?? '', kid.attributes.get('name') ?? '');
      return;
    }
    const name = code.attributes.get('name') ?? '';
    const description = readFrameDescription(childNamed(code, 'Description')?.text ?? '');
    const marked = description.id !== undefined && ID_PATTERN.test(description.id) && !taken.has(description.id);
    const id = marked ? (description.id as string) : idFromName(name, taken, `code-${frames.length + 1}`);
    taken.add(id);
    const color = code.attributes.get('color') ?? '';
    frames.push({
      id,
      label: name === '' ? id : name,
      color: COLOR.test(color) ? color : PALETTE[frames.length % PALETTE.length],
      ...(parent === undefined ? {} : { parent }),
      definition: description.definition === '' ? `${name} (a code without a description)` : description.definition,
      ...(description.include === undefined ? {} : { include: description.include }),
      ...(description.exclude === undefined ? {} : { exclude: description.exclude }),
      terms: description.terms,
    });
    frameOf.set(guid, id);
    for (const kid of childrenNamed(code, 'Code')) visit(kid, id);
  };
  for (const code of codes === undefined ? [] : childrenNamed(codes, 'Code')) visit(code, undefined);
  return { frames, frameOf };
}

/** The codebook as `codebook.yaml` (codebook/README.md), keys in the order the shipped codebook has them. */
export function codebookYaml(book: ImportedCodebook, from: string): string {
  const frames = book.frames.map((f) => ({
    id: f.id,
    label: f.label,
    color: f.color,
    ...(f.parent === undefined ? {} : { parent: f.parent }),
    definition: f.definition,
    ...(f.include === undefined ? {} : { include: f.include }),
    ...(f.exclude === undefined ? {} : { exclude: f.exclude }),
    ...(f.terms.length === 0 ? {} : { terms: f.terms }),
  }));
  const body = stringify(
    { codebook: book.id, title: book.title, ...(book.version === undefined ? {} : { version: book.version }), frames },
    { lineWidth: 0 },
  );
  return `# Imported from ${from} by sovcode import (docs/export-refi-qda.md). Cue terms can be added under each frame.\n${body}`;
}
