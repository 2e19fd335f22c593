/**
 * Printing a long list of problems so that it can still be read: up to a limit every problem is printed; past
 * it, each kind of problem gets a count and its first few, with positions, and `--verbose` prints them all. A
 * text with 10,000 annotations shifted by one insertion gives 10,000 warnings of one kind, and a terminal full
 * of them hides the one error that matters, so errors are always printed in full.
 */
import { formatProblem, type Problem } from '../core/input';

/** Up to this many problems are printed as they are. */
export const FULL_LIST_LIMIT = 50;
/** Past the limit, how many of each kind of warning are shown. */
export const SHOWN_PER_KIND = 5;

/** The lines to print for `problems`, each without its newline. */
export function problemLines(problems: readonly Problem[], verbose: boolean): string[] {
  if (verbose || problems.length <= FULL_LIST_LIMIT) return problems.map(formatProblem);
  const errors = problems.filter((p) => p.severity === 'error');
  const byKind = new Map<string, Problem[]>();
  for (const p of problems) {
    if (p.severity === 'error') continue;
    const kind = p.kind ?? 'other';
    // push into the kind's list: copying it per problem made 100,000 warnings cost 5·10⁹ copies (20 s)
    const list = byKind.get(kind);
    if (list) list.push(p);
    else byKind.set(kind, [p]);
  }
  const counts = [...byKind].map(([kind, list]) => `${list.length} ${kind}`).join(', ');
  const lines = [
    `${problems.length} problems: ${errors.length} error(s), warnings: ${counts} (the first ${SHOWN_PER_KIND} of each kind follow; --verbose lists all)`,
  ];
  lines.push(...errors.map(formatProblem));
  for (const [kind, list] of byKind) {
    lines.push(...list.slice(0, SHOWN_PER_KIND).map(formatProblem));
    if (list.length > SHOWN_PER_KIND) lines.push(`… and ${list.length - SHOWN_PER_KIND} more '${kind}' warning(s)`);
  }
  return lines;
}
