/**
 * The list of disagreements as `sovcode adjudicate` prints it without a decision to apply: a table for the
 * terminal, JSON for scripts, and CSV that is at once the decisions file's form (its `decision` column empty,
 * decisionsFile.ts reads it back). Each row names the text and line, what kind of disagreement it is, each
 * coder's frames and quotes, and how it stands in the consensus.
 */
import type { Annotation } from '../annotations';
import { shortQuote } from '../coding/wording';
import { toCsv } from '../csv';
import type { CodedDocument } from '../documents';
import { LineIndex } from '../text';
import type { CoderPair, DisagreementKind } from './align';
import type { CorpusAdjudication } from './corpus';
import { kindWords } from './provenance';

export interface ListingRow {
  id: string;
  text: string;
  /** 1-based line and column of the region's start (UTF-16 columns, as VS Code's "Col"). */
  line: number;
  column: number;
  kind: DisagreementKind;
  /** 'open', or the decision the consensus holds (accept-a, accept-b, both, neither, mixed). */
  status: string;
  a: { frame: string; quote: string; start: number; end: number }[];
  b: { frame: string; quote: string; start: number; end: number }[];
}

const coding = (x: Annotation): ListingRow['a'][number] => ({
  frame: x.frame,
  quote: x.quote,
  start: x.start,
  end: x.end,
});

export function listingRows(corpus: CorpusAdjudication, documents: readonly CodedDocument[]): ListingRow[] {
  const texts = new Map(documents.map((d) => [d.path, d.text]));
  return corpus.texts.flatMap((t) => {
    const text = texts.get(t.path);
    const index = text === undefined ? undefined : new LineIndex(text);
    return t.disagreements.map((d): ListingRow => {
      const p = index?.positionAt(d.start) ?? { line: 0, character: 0 };
      return {
        id: d.id,
        text: t.path,
        line: p.line + 1,
        column: p.character + 1,
        kind: d.kind,
        status: d.resolution ?? 'open',
        a: d.a.map(coding),
        b: d.b.map(coding),
      };
    });
  });
}

const side = (codings: ListingRow['a']): string =>
  codings.length === 0 ? '—' : codings.map((c) => `${c.frame} “${shortQuote(c.quote, 40)}”`).join('; ');

/** The terminal table: a line per disagreement and a summary line. */
export function listingText(rows: readonly ListingRow[], corpus: CorpusAdjudication, pair: CoderPair): string {
  const lines = rows.map(
    (r) =>
      `${r.id}  ${r.text}:${r.line}:${r.column}  ${kindWords(r.kind, pair)}  [${r.status}]\n    ${pair.a}: ${side(r.a)}\n    ${pair.b}: ${side(r.b)}`,
  );
  const open = rows.filter((r) => r.status === 'open').length;
  const pending = corpus.texts.reduce((n, t) => n + t.agreementsPending.length, 0);
  const agreed = corpus.texts.reduce((n, t) => n + t.agreements.length, 0);
  const summary = `${rows.length} disagreement(s) of ${pair.a} and ${pair.b} in ${corpus.texts.length} text(s), ${open} open; ${agreed} agreement(s), ${pending} not yet in the consensus`;
  const skipped =
    corpus.codedByOneOnly.length > 0
      ? `\nleft out (coded by only one of them): ${corpus.codedByOneOnly.join(', ')}`
      : '';
  return `${lines.length > 0 ? `${lines.join('\n')}\n` : ''}${summary}${skipped}\n`;
}

/** JSON for scripts: the coders, the rows and the counts. */
export function listingJson(
  rows: readonly ListingRow[],
  corpus: CorpusAdjudication,
  pair: CoderPair,
  consensus: string,
): string {
  return `${JSON.stringify(
    {
      coders: [pair.a, pair.b],
      consensus,
      texts: corpus.texts.length,
      agreements: corpus.texts.reduce((n, t) => n + t.agreements.length, 0),
      agreementsPending: corpus.texts.reduce((n, t) => n + t.agreementsPending.length, 0),
      codedByOneOnly: corpus.codedByOneOnly,
      disagreements: rows,
    },
    null,
    2,
  )}\n`;
}

/** CSV with an empty `decision` column: fill it in and pass the file to `--decisions`. */
export function listingCsv(rows: readonly ListingRow[], pair: CoderPair): string {
  const quotes = (codings: ListingRow['a']): string => codings.map((c) => `${c.frame}: ${c.quote}`).join(' | ');
  return toCsv(
    ['id', 'decision', 'status', 'text', 'line', 'column', 'kind', pair.a, pair.b],
    rows.map((r) => [r.id, '', r.status, r.text, r.line, r.column, r.kind, quotes(r.a), quotes(r.b)]),
  );
}
