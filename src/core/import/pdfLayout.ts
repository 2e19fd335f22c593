/**
 * Reading order of PDF text from positioned text runs (what PDF.js's getTextContent gives): running headers,
 * footers and page numbers that repeat at the top or bottom of pages are removed; a page set in two columns
 * is read left column then right (a title or any line across the gutter is read where it stands); lines are
 * grouped into paragraphs by the vertical gap, a first-line indent, a change of font size, or a short line
 * that ends a sentence. Pure: positions in, paragraphs (still wrapped, for paragraphs.ts) out.
 */

/** One text run: its text, left edge, baseline (PDF units, y grows upwards), width and font size. */
export interface TextRun {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface PdfPage {
  width: number;
  height: number;
  runs: TextRun[];
}

interface Line {
  runs: TextRun[];
  y: number;
  x: number;
  right: number;
  size: number;
  text: string;
}

/** A line's text: runs left to right, a space where the gap between two runs is wider than a thin space. */
function lineOf(runs: TextRun[]): Line {
  const sorted = [...runs].sort((a, b) => a.x - b.x);
  let text = '';
  let end = -Infinity;
  for (const r of sorted) {
    if (text !== '' && r.x - end > 0.15 * r.size && !text.endsWith(' ') && !r.str.startsWith(' ')) text += ' ';
    text += r.str;
    end = Math.max(end, r.x + r.width);
  }
  const first = sorted[0];
  return {
    runs: sorted,
    y: first ? Math.max(...sorted.map((r) => r.y)) : 0,
    x: first?.x ?? 0,
    right: end,
    size: Math.max(...sorted.map((r) => r.size)),
    text: text.replace(/\s+/g, ' ').trim(),
  };
}

/** Runs grouped into lines by baseline (within half a font size), top to bottom. */
export function groupLines(runs: readonly TextRun[]): Line[] {
  const sorted = runs.filter((r) => r.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextRun[][] = [];
  let current: TextRun[] = [];
  let y = Infinity;
  for (const r of sorted) {
    if (current.length > 0 && Math.abs(y - r.y) > 0.5 * Math.max(r.size, 1)) {
      lines.push(current);
      current = [];
    }
    if (current.length === 0) y = r.y;
    current.push(r);
  }
  if (current.length > 0) lines.push(current);
  return lines.map(lineOf);
}

/** A header/footer's shape: digits stand for page numbers, case and spaces ignored. */
function shape(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

const PAGE_NUMBER =
  /^(?:(?:page|p\.|стр\.?|с\.|第)?\s*[-–—]?\s*(?:\d+|[ivxlcdm]+)\s*[-–—]?\s*(?:页|of\s+\d+|\/\s*\d+|из\s+\d+)?)$/iu;

/**
 * Removes the top and bottom lines of each page that are page numbers, or whose shape repeats on at least
 * half of the pages (and on two pages at least). Returns the pages' remaining lines and how many were removed.
 */
export function removeRunningLines(pages: readonly Line[][]): { pages: Line[][]; removed: number } {
  const edgeCount = new Map<string, number>();
  const edges = (lines: readonly Line[]): Line[] => {
    const top = lines.slice(0, 2);
    const bottom = lines.slice(Math.max(top.length, lines.length - 2));
    return [...top, ...bottom];
  };
  for (const lines of pages) {
    for (const s of new Set(edges(lines).map((l) => shape(l.text)))) edgeCount.set(s, (edgeCount.get(s) ?? 0) + 1);
  }
  const minRepeats = Math.max(2, Math.ceil(pages.length / 2));
  let removed = 0;
  const kept = pages.map((lines) => {
    const running = new Set(
      edges(lines).filter((l) => PAGE_NUMBER.test(l.text) || (edgeCount.get(shape(l.text)) ?? 0) >= minRepeats),
    );
    removed += running.size;
    return lines.filter((l) => !running.has(l));
  });
  return { pages: kept, removed };
}

/** The x of a gutter between two columns in the middle of the page, if the page has one. */
export function findGutter(lines: readonly Line[], pageWidth: number): number | undefined {
  const runs = lines.flatMap((l) => l.runs);
  if (runs.length < 6 || pageWidth <= 0) return undefined;
  const cover = new Array<number>(Math.ceil(pageWidth) + 1).fill(0);
  for (const r of runs)
    for (let c = Math.max(0, Math.floor(r.x)); c <= Math.min(cover.length - 1, Math.ceil(r.x + r.width)); c++)
      cover[c] = (cover[c] ?? 0) + 1;
  let best: { at: number; width: number } | undefined;
  let start = -1;
  for (let c = Math.floor(pageWidth * 0.3); c <= Math.ceil(pageWidth * 0.7); c++) {
    const empty = (cover[c] ?? 0) <= runs.length * 0.02;
    if (empty && start < 0) start = c;
    if ((!empty || c === Math.ceil(pageWidth * 0.7)) && start >= 0) {
      if (!best || c - start > best.width) best = { at: (start + c) / 2, width: c - start };
      start = -1;
    }
  }
  if (!best || best.width < 8) return undefined;
  const gutter = best.at;
  const left = runs.filter((r) => r.x + r.width < gutter).length;
  const right = runs.filter((r) => r.x > gutter).length;
  return left >= 3 && right >= 3 ? gutter : undefined;
}

/** The page's lines in reading order: across-gutter lines where they stand, each column block left then right. */
export function readingOrder(lines: readonly Line[], pageWidth: number): Line[][] {
  const gutter = findGutter(lines, pageWidth);
  if (gutter === undefined) return [lines.slice()];
  const split = lines.flatMap((l): { line: Line; side: 'left' | 'right' | 'full' }[] => {
    const left = l.runs.filter((r) => r.x + r.width <= gutter);
    const right = l.runs.filter((r) => r.x >= gutter);
    if (left.length + right.length < l.runs.length) return [{ line: l, side: 'full' }];
    const parts: { line: Line; side: 'left' | 'right' }[] = [];
    if (left.length) parts.push({ line: lineOf(left), side: 'left' });
    if (right.length) parts.push({ line: lineOf(right), side: 'right' });
    return parts;
  });
  const blocks: Line[][] = [];
  let left: Line[] = [];
  let right: Line[] = [];
  const flushColumns = (): void => {
    if (left.length) blocks.push(left);
    if (right.length) blocks.push(right);
    left = [];
    right = [];
  };
  for (const { line, side } of split) {
    if (side === 'full') {
      flushColumns();
      blocks.push([line]);
    } else (side === 'left' ? left : right).push(line);
  }
  flushColumns();
  return blocks;
}

/** Paragraphs of one block of lines (a column, or a page without columns), each still wrapped (lines joined by \n). */
export function blockParagraphs(block: readonly Line[]): string[] {
  if (block.length === 0) return [];
  const left = Math.min(...block.map((l) => l.x));
  const right = Math.max(...block.map((l) => l.right));
  const paragraphs: string[] = [];
  let current: string[] = [];
  let previous: Line | undefined;
  for (const line of block) {
    if (previous) {
      const gap = previous.y - line.y;
      const size = Math.max(previous.size, line.size);
      const newParagraph =
        gap > 1.6 * size ||
        gap < 0 ||
        Math.abs(previous.size - line.size) > 0.15 * size ||
        line.x - left > 1.2 * line.size ||
        (previous.right < right - 0.15 * (right - left) && /[.!?:。！？»"”)]$/u.test(previous.text));
      if (newParagraph && current.length) {
        paragraphs.push(current.join('\n'));
        current = [];
      }
    }
    current.push(line.text);
    previous = line;
  }
  if (current.length) paragraphs.push(current.join('\n'));
  return paragraphs;
}

/** A paragraph cut by a column or page end: the first part ends mid-sentence and the rest starts in lower case. */
function continues(before: string, after: string): boolean {
  return !/[.!?:;。！？»"”)]$/u.test(before) && /^\p{Ll}/u.test(after);
}

/** All pages' paragraphs in reading order, running headers and footers removed. */
export function pdfParagraphs(pages: readonly PdfPage[]): { paragraphs: string[]; removedRunningLines: number } {
  const { pages: kept, removed } = removeRunningLines(pages.map((p) => groupLines(p.runs)));
  const paragraphs: string[] = [];
  for (const [i, lines] of kept.entries()) {
    for (const block of readingOrder(lines, pages[i]?.width ?? 0)) {
      const [first, ...rest] = blockParagraphs(block);
      if (first === undefined) continue;
      const last = paragraphs.length - 1;
      if (last >= 0 && continues(paragraphs[last] ?? '', first)) paragraphs[last] += `\n${first}`;
      else paragraphs.push(first);
      paragraphs.push(...rest);
    }
  }
  return { paragraphs, removedRunningLines: removed };
}
