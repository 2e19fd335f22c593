/** A problem found in a user's file, positioned for `file:line:column: message` and the Problems panel. */
export interface Problem {
  file: string;
  /** 1-based, as editors and compilers print them. */
  line: number;
  /** 1-based, in UTF-16 code units (what VS Code shows as "Col"). */
  column: number;
  message: string;
  severity: 'error' | 'warning';
  /** What sort of problem, for summaries of long lists (`moved`, `orphaned`, `skipped`, …); optional. */
  kind?: string;
}

/** `file:line:column: severity: message`, the format editors and CI logs turn into links. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message}`;
}

/** The message of anything thrown: an Error's own message, anything else as text (never "[object Object]" hidden). */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
