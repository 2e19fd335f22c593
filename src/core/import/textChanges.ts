/** What a re-import changed, paragraph by paragraph (as multisets: a moved paragraph is neither added nor removed). */

export interface ParagraphChanges {
  added: number;
  removed: number;
  kept: number;
}

function counts(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const line of text.split('\n')) if (line !== '') m.set(line, (m.get(line) ?? 0) + 1);
  return m;
}

export function paragraphChanges(oldText: string, newText: string): ParagraphChanges {
  const before = counts(oldText);
  const after = counts(newText);
  let kept = 0;
  let removed = 0;
  for (const [line, n] of before) {
    const m = after.get(line) ?? 0;
    kept += Math.min(n, m);
    removed += Math.max(0, n - m);
  }
  let total = 0;
  for (const n of after.values()) total += n;
  return { added: total - kept, removed, kept };
}
