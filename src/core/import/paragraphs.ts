/**
 * Normalisation of converted text into what the coder codes: UTF-8 text in NFC with LF line ends, one
 * paragraph per line, the wrap of the original undone and words hyphenated at a line end rejoined. A hyphen
 * at a line end is ambiguous ("self-" + "determination" is a compound, "sover-" + "eignty" a break), so a
 * break is kept as a hyphen only where the document itself writes that compound with a hyphen elsewhere;
 * otherwise the word is rejoined, as pdftotext and readers' "reflow" do. Chinese and Japanese lines are
 * joined without a space.
 */

const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/;
/** Letters, then a hyphen (or a soft hyphen) at the very end of a line. */
const BROKEN_WORD_END = /(\p{L}+)[-\u00ad]$/u;
const WORD_START = /^(\p{Ll}\p{L}*)/u;
const HYPHENATED_COMPOUND = /\p{L}+(?:-\p{L}+)+/gu;
const CJK_END = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]$/u;
const CJK_START = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
/** C0/C1 controls other than tab, and zero-width no-break spaces (stray BOMs), never belong in a coded text. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufeff]/g;

/** Hyphenated compounds the document writes within a line, lower-cased: evidence for keeping a line-end hyphen. */
export function hyphenatedCompounds(paragraphs: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const p of paragraphs) {
    for (const line of p.split(LINE_BREAK)) {
      for (const m of line.matchAll(HYPHENATED_COMPOUND)) found.add(m[0].toLowerCase());
    }
  }
  return found;
}

/** Joins the wrapped lines of one paragraph into one line. */
export function unwrapParagraph(paragraph: string, compounds: ReadonlySet<string>): string {
  const lines = paragraph
    .replace(CONTROL, '')
    .split(LINE_BREAK)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');
  let out = '';
  for (const line of lines) {
    if (out === '') {
      out = line;
      continue;
    }
    const broken = BROKEN_WORD_END.exec(out);
    const next = WORD_START.exec(line);
    if (broken && next) {
      const soft = out.endsWith('\u00ad');
      const compound = `${broken[1]}-${next[1]}`.toLowerCase();
      out = out.slice(0, -1) + (!soft && compounds.has(compound) ? '-' : '') + line;
    } else if (CJK_END.test(out) && CJK_START.test(line)) {
      out += line;
    } else {
      out += ` ${line}`;
    }
  }
  return out.replace(/\u00ad/g, '');
}

/** The final text: NFC, one paragraph per line, LF, a final newline; empty paragraphs dropped. */
export function joinParagraphs(paragraphs: readonly string[]): string {
  const compounds = hyphenatedCompounds(paragraphs);
  const lines = paragraphs.map((p) => unwrapParagraph(p, compounds).normalize('NFC')).filter((l) => l !== '');
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/**
 * Paragraphs of a plain text: blank lines separate paragraphs when the text has any (its lines are then a
 * wrap to undo); a text without blank lines already has one paragraph per line.
 */
export function plainTextParagraphs(text: string): string[] {
  const normalised = text.replace(/\r\n?/g, '\n');
  if (/\n[ \t]*\n/.test(normalised.trim())) return normalised.split(/\n[ \t]*\n/);
  return normalised.split('\n');
}
