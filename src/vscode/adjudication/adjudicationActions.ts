/**
 * The decisions at the cursor (Ctrl+.): inside a disagreement of the coders compared, *Accept ⟨A⟩ (frame)*,
 * *Accept ⟨B⟩ (frame)*, *Keep both* and *Neither*, the same commands as the Disagreements tree's inline actions,
 * so an adjudicator reading the text decides where they read. Offered only while *Compare Coders…* is on.
 */
import * as vscode from 'vscode';
import { kindWords, type JudgedDisagreement } from '../../core/adjudication';
import type { Annotation } from '../../core/annotations';
import { shortQuote } from '../../core/coding/wording';
import { CODING_ACTION_KIND } from '../codeActions';
import { AdjudicationCommandId } from '../commandIds';
import { toCanonicalSpan } from '../convert';
import type { AdjudicationSession } from './adjudicationSession';

/** Under the coding actions' own kind, beside tag, annotation and review (codeActions.ts says why not quickfix). */
export const ADJUDICATION_KIND = CODING_ACTION_KIND.append('adjudicate');

function action(title: string, command: string, path: string, d: JudgedDisagreement): vscode.CodeAction {
  const a = new vscode.CodeAction(title, ADJUDICATION_KIND);
  a.command = { title, command, arguments: [path, d.id] };
  return a;
}

/** The actions for the disagreements touching [from, to] of the text `path`. */
export function adjudicationActions(
  session: AdjudicationSession,
  path: string,
  from: number,
  to: number,
  frameName: (id: string) => string,
): vscode.CodeAction[] {
  const pair = session.pair;
  const text = pair && session.texts.texts.find((t) => t.path === path);
  if (!pair || !text) return [];
  const frames = (list: readonly Annotation[]): string => [...new Set(list.map((x) => frameName(x.frame)))].join(', ');
  return text.disagreements
    .filter((d) => d.start <= to && from <= d.end)
    .flatMap((d) => {
      const where = `“${shortQuote([...d.a, ...d.b][0]?.quote ?? '', 24)}” (${kindWords(d.kind, pair)})`;
      const actions: vscode.CodeAction[] = [];
      if (d.a.length > 0)
        actions.push(
          action(`Adjudicate ${where}: accept ${pair.a} — ${frames(d.a)}`, AdjudicationCommandId.acceptA, text.path, d),
        );
      if (d.b.length > 0)
        actions.push(
          action(`Adjudicate ${where}: accept ${pair.b} — ${frames(d.b)}`, AdjudicationCommandId.acceptB, text.path, d),
        );
      if (d.a.length > 0 && d.b.length > 0)
        actions.push(action(`Adjudicate ${where}: keep both`, AdjudicationCommandId.keepBoth, text.path, d));
      actions.push(action(`Adjudicate ${where}: neither`, AdjudicationCommandId.neither, text.path, d));
      return actions;
    });
}

export function registerAdjudicationActions(
  session: AdjudicationSession,
  frameName: (id: string) => string,
): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    '*',
    {
      provideCodeActions: (doc, range) => {
        if (!session.pair) return [];
        const span = toCanonicalSpan(doc, range);
        return adjudicationActions(session, session.pathOf(doc.uri), span.start, span.end, frameName);
      },
    },
    { providedCodeActionKinds: [ADJUDICATION_KIND] },
  );
}
