/**
 * Checks of a sidecar's annotations that need their source text. Offsets count UTF-16 units, so an offset can
 * fall between the two halves of a surrogate pair (an emoji, a rare CJK ideograph): such a span has half a
 * character at its edge and would be exported as a broken one. The format forbids it (docs/sidecar-format.md),
 * so it is an error at the annotation's line, for `sovcode validate`, `sovcode export` and VS Code alike.
 */
import type { Annotation } from '../annotations';
import type { Problem } from '../input';
import { LineIndex, splitsSurrogatePair } from '../text';

/** The 1-based line of the `id: <id>` line of an annotation in a sidecar's text, or 1 when it is not there. */
export function lineOfAnnotation(sidecarText: string, id: string): number {
  const lines = sidecarText.split('\n');
  const i = lines.findIndex((l) => l.trimEnd().endsWith(`id: ${id}`));
  return i < 0 ? 1 : i + 1;
}

/** An error for each annotation whose start or end splits a character of the canonical `text`. */
export function splitCharacterProblems(
  annotations: readonly Annotation[],
  text: string,
  file: string,
  sidecarText: string,
): Problem[] {
  const index = new LineIndex(text);
  const problems: Problem[] = [];
  for (const a of annotations) {
    const split = [
      { name: 'start', at: a.start },
      { name: 'end', at: a.end },
    ].filter((e) => splitsSurrogatePair(text, e.at));
    if (split.length === 0) continue;
    const where = split
      .map((e) => {
        const p = index.positionAt(e.at);
        return `${e.name} ${e.at} (line ${p.line + 1}, column ${p.character + 1} of the text)`;
      })
      .join(' and ');
    problems.push({
      file,
      line: lineOfAnnotation(sidecarText, a.id),
      column: 1,
      severity: 'error',
      message: `annotation ${a.id}: ${where} falls inside a character (between the two halves of a surrogate pair): offsets must be whole characters; correct them or code the span again`,
    });
  }
  return problems;
}
