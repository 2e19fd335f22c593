/**
 * The REFI-QDA `<Codes>` tree of a codebook, shared by the project (.qdpx) and the codebook file (.qdc): frames
 * nested by parent, colours always as `#RRGGBB` (QualCoder reads only seven-character colours and turns `#abc`
 * grey), and the definition, guidance, cue terms and frame id in the description, so that an import gives the
 * same frames back (refiQdaMarks.ts).
 */
import { createHash } from 'node:crypto';
import type { Codebook, Frame } from '../codebook';
import { frameDescriptionText } from './refiQdaMarks';
import { attrs, xmlText } from './xml';

export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';

/** A GUID (8-4-4-4-12 hex, RFC 4122 version 5 layout) derived from a key: the same key always gives the same GUID. */
export function stableGuid(key: string): string {
  const h = createHash('sha1').update(`sovereignty-coder\0${key}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

export const codeGuid = (frameId: string): string => stableGuid(`code:${frameId}`);

/** `#abc` → `#AABBCC`, `#a1b2c3` → `#A1B2C3`: the one colour form every QDA tool reads. */
export function fullHexColor(color: string): string {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color);
  const long = short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}` : color;
  return long.toUpperCase();
}

export const UNKNOWN_GROUP = 'frames-not-in-codebook';
export const UNKNOWN_GROUP_NAME = 'Frames not in the codebook';

/** The `<Codes>` content: the codebook's frames nested by parent, then any frame ids used but not in the codebook. */
export function codesXml(codebook: Codebook, used: ReadonlySet<string>, indent: string): string {
  const children = new Map<string | undefined, Frame[]>();
  const known = new Set(codebook.frames.map((f) => f.id));
  for (const f of codebook.frames) {
    const parent = f.parent !== undefined && known.has(f.parent) ? f.parent : undefined;
    children.set(parent, [...(children.get(parent) ?? []), f]);
  }
  const code = (f: Frame, pad: string): string => {
    const kids = children.get(f.id) ?? [];
    const codable = f.terms.length > 0 || used.has(f.id) || kids.length === 0;
    const description = frameDescriptionText({ ...f, terms: f.terms.map((t) => t.raw), id: f.id });
    const open = `${pad}<Code${attrs({ guid: codeGuid(f.id), name: f.label, isCodable: codable, color: fullHexColor(f.color) })}>`;
    const inner = [
      `${pad}  <Description>${xmlText(description)}</Description>`,
      ...kids.map((k) => code(k, `${pad}  `)),
    ];
    return [open, ...inner, `${pad}</Code>`].join('\n');
  };
  const top = (children.get(undefined) ?? []).map((f) => code(f, indent));
  const unknown = [...used].filter((id) => !known.has(id)).sort();
  if (unknown.length > 0) {
    top.push(
      [
        `${indent}<Code${attrs({ guid: codeGuid(UNKNOWN_GROUP), name: UNKNOWN_GROUP_NAME, isCodable: false })}>`,
        `${indent}  <Description>Frame ids that annotations use but codebook '${xmlText(codebook.id)}' does not define (renamed or removed frames).</Description>`,
        ...unknown.map((id) => `${indent}  <Code${attrs({ guid: codeGuid(id), name: id, isCodable: true })}/>`),
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
