/** The report of one add, in lines, shared by `sovcode add` and the VS Code command's log. */
import { basename, relative } from 'node:path';
import type { AddResult } from './addText';

/** What a coder reads after an add: where the text went, from what, and for a re-import every move. */
export function describeAdd(r: AddResult, cwd: string): string[] {
  const name = relative(cwd, r.text) || r.text;
  const c = r.conversion;
  const paragraphs = c.text.split('\n').length - 1;
  const encoding =
    c.encoding && c.encoding.source !== 'utf-8'
      ? `; encoding ${c.encoding.encoding} (${c.encoding.source}, confidence ${Math.round(c.encoding.confidence * 100)}%)`
      : '';
  const lines = [
    `${r.reimport ? 're-added' : 'added'} ${name} from ${basename(r.original)} (${c.format}, ${c.converter}): ${paragraphs} paragraph(s)${encoding}`,
  ];
  for (const note of c.notes) lines.push(`  note: ${note}`);
  const re = r.reimport;
  if (re) {
    lines.push(
      re.unchanged
        ? '  the text is unchanged'
        : `  text changes: ${re.changes.added} paragraph(s) added, ${re.changes.removed} removed, ${re.changes.kept} kept`,
    );
    const { exact, moved, ambiguous, fuzzy, orphaned } = re.counts;
    lines.push(
      `  ${re.kept} annotation(s) kept: ${exact} in place, ${moved} moved, ${ambiguous + fuzzy} to review, ${orphaned} orphaned (kept in the annotation file)`,
    );
    for (const m of re.moves)
      lines.push(`  ${m.outcome} ${m.id} [${m.frame}] ${JSON.stringify(m.quote)}: offset ${m.from} → ${m.to}`);
  }
  return lines;
}
