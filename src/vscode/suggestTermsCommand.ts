/**
 * *Suggest Cue Terms from Coded Segments*: the phrases that recur in the segments coded with a frame and that
 * no cue finds yet (core/suggestTerms, the same as `sovcode suggest-terms`), offered in a multi-select list with
 * their frame, counts and an example (or named by the caller: the command takes a list of terms); the ones picked are added to the workspace codebook in one step, spliced
 * into the file so its comments and layout stay, and the codebook is reloaded. The shipped codebook is never
 * written: the coder is asked to copy it into the workspace first.
 */
import * as vscode from 'vscode';
import { AcceptTermError, suggestTerms, withAcceptedTerm, type Suggestion } from '../core/suggestTerms';
import type { CommandContext } from './commandContext';
import { collectDocuments } from './workspaceDocuments';

interface SuggestionPick extends vscode.QuickPickItem {
  suggestion: Suggestion;
}

/** The terms a caller names (a keybinding, a script, the tests), or undefined when the coder is to pick them. */
function namedTerms(terms: unknown): string[] | undefined {
  if (terms === undefined) return undefined;
  if (!Array.isArray(terms) || !terms.every((t): t is string => typeof t === 'string'))
    throw new TypeError('suggestCueTerms takes a list of the suggested terms to add');
  return terms;
}

/** The suggestions to add: the coder's picks, or those named by the caller (each must be a suggestion now). */
async function chosen(suggestions: readonly Suggestion[], named: string[] | undefined, label: (id: string) => string) {
  if (named !== undefined) {
    const unknown = named.filter((t) => !suggestions.some((s) => s.term === t));
    if (unknown.length > 0) {
      void vscode.window.showErrorMessage(
        `Sovereignty Coder: nothing added. Not among the suggestions now: ${unknown.map((t) => `'${t}'`).join(', ')}.`,
      );
      return undefined;
    }
    return suggestions
      .filter((s) => named.includes(s.term))
      .map((suggestion) => ({ label: suggestion.term, suggestion }));
  }
  return vscode.window.showQuickPick<SuggestionPick>(
    suggestions.map((s) => ({
      label: s.term,
      description: `${label(s.frame)} · ${s.count} segments`,
      detail: s.examples.map((e) => `${e.document}: “${e.quote.slice(0, 60)}”`).join('   '),
      suggestion: s,
    })),
    {
      canPickMany: true,
      matchOnDescription: true,
      title: 'Suggest Cue Terms from Coded Segments',
      placeHolder: 'Pick the terms to add as cues of their frame',
    },
  );
}

export async function suggestCueTerms(context: CommandContext, terms?: unknown): Promise<void> {
  const named = namedTerms(terms);
  const active = context.codebooks.active;
  if (!active) {
    void vscode.window.showErrorMessage('Sovereignty Coder: no codebook is loaded (see Problems).');
    return;
  }
  const documents = await collectDocuments(context, active.codebook, true);
  if (!documents) return;
  const quotes = documents.flatMap((d) =>
    d.annotations.map((a) => ({ frame: a.frame, quote: a.quote, document: d.path })),
  );
  // the coder sees each frame's best few; a term named by the caller may be any of them
  const suggestions = suggestTerms(active.codebook, active.matcher, quotes, named ? { limit: Infinity } : {});
  if (suggestions.length === 0) {
    void vscode.window.showInformationMessage(
      'Sovereignty Coder: no phrase recurs in two coded segments of a frame without already being a cue.',
    );
    return;
  }
  const label = (id: string): string => active.codebook.frames.find((f) => f.id === id)?.label ?? id;
  const picks = await chosen(suggestions, named, label);
  if (!picks || picks.length === 0) return;
  if (context.codebooks.isShipped(active.uri)) {
    void vscode.window.showErrorMessage(
      'Sovereignty Coder: the shipped codebook is not changed. Copy it into the workspace as codebook.yaml, then accept the terms there.',
    );
    return;
  }
  let text = new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(active.uri));
  try {
    for (const { suggestion } of picks)
      text = withAcceptedTerm(text, active.uri.fsPath, suggestion.frame, suggestion.term);
  } catch (e) {
    if (!(e instanceof AcceptTermError)) throw e;
    void vscode.window.showErrorMessage(`Sovereignty Coder: nothing added. ${e.message}`);
    return;
  }
  await vscode.workspace.fs.writeFile(active.uri, new TextEncoder().encode(text));
  await context.codebooks.reload();
  context.log.info(
    `added ${picks.length} cue term(s) to ${active.uri.fsPath}: ${picks.map((p) => p.label).join(', ')}`,
  );
  void vscode.window.showInformationMessage(`Sovereignty Coder: ${picks.length} cue term(s) added to the codebook.`);
}
