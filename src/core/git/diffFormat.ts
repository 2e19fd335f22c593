/**
 * `sovcode diff` output: readable lines for the terminal and `git diff` textconv, JSON for tools, and Markdown
 * for a pull-request comment. One line per change, in a shape a reviewer can scan:
 * `+ [colonization] "digital colonialism" 33:16 (second-coder)`.
 */
import type { AnnotationChange, Place, TextDiff } from './diff';

const SIGN: Record<AnnotationChange['kind'], string> = {
  added: '+',
  removed: '-',
  retagged: '~',
  moved: '>',
  memo: '~',
  status: '~',
};

/** A quote shortened for one line, with newlines shown as ⏎ so one change stays one line. */
function shortQuote(q: string): string {
  const one = q.replace(/\r?\n/g, '⏎');
  return JSON.stringify([...one].length > 60 ? [...one].slice(0, 59).join('') + '…' : one);
}

function where(p: Place): string {
  return p.line === undefined ? `@${p.start}-${p.end}` : `${p.line}:${p.column ?? 1}`;
}

const none = (s: string | undefined): string => (s === undefined || s === '' ? '(none)' : s);

/** One change as a line, without the sign. */
export function describeChange(c: AnnotationChange): string {
  const head = `[${c.frame}] ${shortQuote(c.quote)} ${where(c.place)} (${c.coder})`;
  switch (c.kind) {
    case 'added':
    case 'removed':
      return head;
    case 'retagged':
      return `retagged [${none(c.from)}] → ${head}`;
    case 'moved':
      return `moved ${c.fromPlace === undefined ? '' : `${where(c.fromPlace)} → `}${head}`;
    case 'memo':
      return `memo ${head}: ${shortQuote(c.from ?? '')} → ${shortQuote(c.to ?? '')}`;
    case 'status':
      return `status ${head}: ${none(c.from)} → ${none(c.to)}`;
  }
}

export function changeLine(c: AnnotationChange): string {
  return `${SIGN[c.kind]} ${describeChange(c)}`;
}

/** Plain text: each changed text's path, then its changes indented. */
export function diffText(diffs: readonly TextDiff[]): string {
  const changed = diffs.filter((d) => d.changes.length > 0);
  if (changed.length === 0) return 'no annotation changes\n';
  return changed.map((d) => [d.text, ...d.changes.map((c) => `  ${changeLine(c)}`)].join('\n')).join('\n\n') + '\n';
}

function countsOf(d: TextDiff): string {
  const counts = new Map<string, number>();
  for (const c of d.changes) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
}

/** Markdown for a pull-request comment: a summary line per text and the changes in a diff block. */
export function diffMarkdown(diffs: readonly TextDiff[], title: string): string {
  const changed = diffs.filter((d) => d.changes.length > 0);
  const lines = [`### ${title}`, ''];
  if (changed.length === 0) return [...lines, 'No annotation changes.', ''].join('\n');
  for (const d of changed) {
    lines.push(
      `**${d.text.replace(/([\\`*_[\]])/g, '\\$1')}**: ${countsOf(d)}`,
      '',
      '```diff',
      ...d.changes.map(changeLine),
      '```',
      '',
    );
  }
  return lines.join('\n');
}

export function diffJson(diffs: readonly TextDiff[]): string {
  return `${JSON.stringify(
    diffs.filter((d) => d.changes.length > 0),
    null,
    2,
  )}\n`;
}
