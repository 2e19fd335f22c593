/**
 * One REFI-QDA `<TextSource>` → a text and its annotations. Positions are code points; tools disagree on how a
 * CRLF line end counts (QualCoder and MAXQDA count two, ATLAS.ti one), so where a text has CRLF line ends the
 * count the selection's own quote (`name`) confirms is used, else the one the exporting tool is known for.
 * Every coding is placed or reported: a coding of a code the codebook lacks, outside the text, or of a whole
 * document is reported with its source and line, never dropped in silence.
 */
import { contextAround, isIsoDate, type Annotation } from '../annotations';
import { canonicalText } from '../text';
import { createHash } from 'node:crypto';
import { readSelectionDescription } from '../export/refiQdaMarks';
import { utf16Offsets } from '../export/positions';
import { childNamed, childrenNamed, type XmlElement } from './xmlReader';

export interface ReportLine {
  /** The project file and the line of the element the report is about. */
  where: string;
  message: string;
}

export interface SourceContext {
  file: string;
  origin: string;
  users: ReadonlyMap<string, string>;
  frameOf: ReadonlyMap<string, string>;
  notes: ReadonlyMap<string, XmlElement>;
  /** YYYY-MM-DD for codings without a date. */
  today: string;
  report: ReportLine[];
}

/** Crockford's base32, as annotation ids are written (annotations/annotation.ts). */
const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** A stable annotation id for another tool's coding: the same project always imports with the same ids. */
function idFor(...guids: string[]): string {
  const h = createHash('sha1').update(guids.join('\0')).digest();
  let id = 'a';
  for (let i = 0; i < 10; i++) id += ID_ALPHABET[h[i] & 31];
  return id;
}

function dateOf(e: XmlElement, today: string): string {
  const day = (e.attributes.get('creationDateTime') ?? e.attributes.get('modifiedDateTime') ?? '').slice(0, 10);
  return isIsoDate(day) ? day : today;
}

/** Canonical UTF-16 offsets for code-point positions counted over `raw` (CRLF as two) or over the canonical text. */
function offsetsIn(raw: string, positions: number[], crlfAsTwo: boolean): Map<number, number> {
  if (!crlfAsTwo) return utf16Offsets(canonicalText(raw), positions);
  const noBom = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  const rawOffsets = utf16Offsets(noBom, positions);
  // a CR that a LF follows is dropped from the canonical text: count them before each offset
  const crs: number[] = [];
  for (let i = noBom.indexOf('\r\n'); i >= 0; i = noBom.indexOf('\r\n', i + 1)) crs.push(i);
  const result = new Map<number, number>();
  for (const [p, u] of rawOffsets) {
    let before = 0;
    while (before < crs.length && crs[before] < u) before++;
    result.set(p, u - before);
  }
  return result;
}

export interface ImportedText {
  annotations: Annotation[];
  /** Placed codings. */
  placed: number;
}

/** The annotations of one text source whose (raw) text is `raw`. */
export function importSelections(
  source: XmlElement,
  raw: string,
  sourceName: string,
  ctx: SourceContext,
): ImportedText {
  const text = canonicalText(raw);
  const where = (e: XmlElement): string => `${ctx.file}:${e.line}`;
  const selections = childrenNamed(source, 'PlainTextSelection');
  const positions = selections.flatMap((s) => [
    Number(s.attributes.get('startPosition')),
    Number(s.attributes.get('endPosition')),
  ]);
  const hasCrlf = raw.includes('\r\n');
  const byOrigin = hasCrlf && !/atlas/i.test(ctx.origin);
  const primary = offsetsIn(raw, positions, byOrigin);
  const other = hasCrlf ? offsetsIn(raw, positions, !byOrigin) : primary;
  const annotations: Annotation[] = [];
  for (const sel of selections) {
    const [s, e] = [Number(sel.attributes.get('startPosition')), Number(sel.attributes.get('endPosition'))];
    const name = sel.attributes.get('name');
    const span = (m: Map<number, number>): [number, number] | undefined => {
      const [a, b] = [m.get(s), m.get(e)];
      return a === undefined || b === undefined || a >= b ? undefined : [a, b];
    };
    const first = span(primary);
    const second = span(other);
    const confirmed = (x: [number, number] | undefined): boolean => x !== undefined && text.slice(x[0], x[1]) === name;
    const at = !confirmed(first) && confirmed(second) ? second : first;
    const codings = childrenNamed(sel, 'Coding');
    if (at === undefined) {
      ctx.report.push({
        where: where(sel),
        message: `a selection at ${s}-${e} of ${sourceName} is outside its text (${[...text].length} code points): its ${codings.length} coding(s) are not placed`,
      });
      continue;
    }
    if (codings.length === 0) {
      const memo = childNamed(sel, 'Description')?.text ?? '';
      ctx.report.push({
        where: where(sel),
        message: `a selection without a code in ${sourceName} ("${text.slice(at[0], at[1])}"), not imported${memo === '' ? '' : `; its description: ${memo}`}`,
      });
      continue;
    }
    const described = readSelectionDescription(childNamed(sel, 'Description')?.text ?? '');
    const noteTexts = childrenNamed(sel, 'NoteRef').flatMap((r) => {
      const note = ctx.notes.get(r.attributes.get('targetGUID') ?? '');
      const content = note && childNamed(note, 'PlainTextContent')?.text;
      return content ? [content] : [];
    });
    const memo = [described.memo, ...noteTexts].filter((m) => m !== undefined && m !== '').join('\n\n');
    for (const coding of codings) {
      const codeGuid = childNamed(coding, 'CodeRef')?.attributes.get('targetGUID') ?? '';
      const frame = ctx.frameOf.get(codeGuid);
      if (frame === undefined) {
        ctx.report.push({
          where: where(coding),
          message: `a coding in ${sourceName} refers to code ${codeGuid}, which the project does not define: not placed`,
        });
        continue;
      }
      const userGuid = sel.attributes.get('creatingUser') ?? coding.attributes.get('creatingUser') ?? '';
      const coder = ctx.users.get(userGuid) ?? 'unknown';
      const id =
        codings.length === 1 && described.id !== undefined
          ? described.id
          : idFor(
              source.attributes.get('guid') ?? '',
              sel.attributes.get('guid') ?? '',
              coding.attributes.get('guid') ?? '',
            );
      annotations.push({
        id,
        frame,
        start: at[0],
        end: at[1],
        quote: text.slice(at[0], at[1]),
        ...contextAround(text, at[0], at[1]),
        coder,
        created: dateOf(sel, ctx.today),
        ...(memo === '' ? {} : { memo }),
        ...(described.review ? { status: 'needs-review' as const } : {}),
        ...(described.conflictWith === undefined
          ? {}
          : { status: 'conflict' as const, conflictWith: described.conflictWith }),
      });
    }
  }
  for (const whole of childrenNamed(source, 'Coding'))
    ctx.report.push({
      where: where(whole),
      message: `a coding of the whole of ${sourceName} (code ${ctx.frameOf.get(childNamed(whole, 'CodeRef')?.attributes.get('targetGUID') ?? '') ?? 'unknown'}): Sovereignty Coder codes spans of text, so it is not placed`,
    });
  return { annotations, placed: annotations.length };
}
