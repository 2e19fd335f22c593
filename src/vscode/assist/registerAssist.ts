/**
 * Assisted coding in the editor, wired in one place: the frame suggester (its model, its faint underlines,
 * hover and code actions, and the command that turns it on or off), the language-model coder command, and the
 * Language Model Tools for chat agents. Returns what the extension's test API exposes of it.
 */
import * as vscode from 'vscode';
import { errorMessage } from '../../core/input';
import { AssistCommandId } from '../commandIds';
import { CODING_ACTION_KIND } from '../codeActions';
import type { Services } from '../services';
import { affectsSettings, isCodedDocument } from '../settings';
import { applyTag } from '../tagging';
import {
  codeWithLanguageModel,
  pickModelByQuickPick,
  type ModelPicker,
  type ModelRunResult,
} from './languageModelCoder';
import { registerLanguageModelTools } from './languageModelTools';
import { SuggesterModel, type SuggesterState } from './suggesterModel';
import { SuggestionLayer, type ShownSuggestion, type SuggestionArgs } from './suggestionLayer';

export interface AssistApi {
  /** Trains the suggester now; resolves with its state ('off', 'waiting', 'ready'). */
  retrain(): Promise<SuggesterState['kind']>;
  suggestionsFor(uri: vscode.Uri): readonly ShownSuggestion[];
  /** The longest training slice so far (ms): what the extension host felt. */
  longestTrainingSliceMs(): number;
  /** Replaces the model quick pick (tests choose the deterministic test model). */
  setModelPicker(pick: ModelPicker): void;
  /** Runs *Code This Text with a Language Model…* on a document; the result of the run. */
  codeWithLanguageModel(uri: vscode.Uri): Promise<ModelRunResult | undefined>;
}

const REPAINT_DELAY_MS = 300;

export function registerAssist(
  services: Services,
  memento: vscode.Memento,
): { disposables: vscode.Disposable[]; api: AssistApi } {
  const model = new SuggesterModel(services);
  const layer = new SuggestionLayer(services, model, memento);
  let picker: ModelPicker = pickModelByQuickPick;
  let repaint: NodeJS.Timeout | undefined;
  const repaintSoon = (): void => {
    if (repaint) clearTimeout(repaint);
    repaint = setTimeout(() => layer.paintAll(), REPAINT_DELAY_MS);
  };
  const runModelCoder = async (uri?: vscode.Uri): Promise<ModelRunResult | undefined> => {
    const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!doc) {
      void vscode.window.showWarningMessage('Open a text to code first.');
      return undefined;
    }
    try {
      return await codeWithLanguageModel(services, doc, picker);
    } catch (e) {
      const message = `Coding with a language model failed: ${errorMessage(e)}`;
      services.log.error(message);
      void vscode.window.showErrorMessage(message);
      return undefined;
    }
  };
  const disposables: vscode.Disposable[] = [
    model,
    layer,
    model.onDidChange(() => layer.paintAll()),
    vscode.languages.registerHoverProvider('*', { provideHover: (doc, position) => layer.hover(doc, position) }),
    vscode.languages.registerCodeActionsProvider(
      '*',
      { provideCodeActions: (doc, range) => (isCodedDocument(doc) ? layer.codeActions(doc, range) : []) },
      { providedCodeActionKinds: [CODING_ACTION_KIND] },
    ),
    vscode.commands.registerCommand(AssistCommandId.acceptSuggestion, async (args: SuggestionArgs) => {
      await applyTag(services, { uri: args.uri, spans: [{ start: args.start, end: args.end }], frameId: args.frame });
    }),
    vscode.commands.registerCommand(AssistCommandId.dismissSuggestion, (args: SuggestionArgs) => layer.dismiss(args)),
    vscode.commands.registerCommand(AssistCommandId.toggleSuggestions, async () => {
      const config = vscode.workspace.getConfiguration('sovereigntyCoder');
      const on = !config.get<boolean>('suggestions.enabled', false);
      await config.update('suggestions.enabled', on, vscode.ConfigurationTarget.Workspace);
      const state = await model.retrain();
      const says =
        state.kind === 'ready'
          ? `Frame suggestions on: learned from ${state.units} coded sentences. Faint dotted underlines mark them; hover to accept or dismiss.`
          : state.kind === 'waiting'
            ? `Frame suggestions on, but waiting: ${state.why}.`
            : 'Frame suggestions off.';
      void vscode.window.showInformationMessage(says);
    }),
    vscode.commands.registerCommand(AssistCommandId.codeWithLanguageModel, () => runModelCoder()),
    services.store.onDidChange(() => {
      model.schedule();
      repaintSoon();
    }),
    services.codebooks.onDidChange(() => {
      layer.resetStyles();
      model.schedule();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsSettings(e, 'suggestions.enabled')) void model.retrain();
      else if (affectsSettings(e, 'suggestions.threshold')) repaintSoon();
    }),
    vscode.window.onDidChangeTextEditorVisibleRanges(repaintSoon),
    vscode.window.onDidChangeVisibleTextEditors(repaintSoon),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (isCodedDocument(e.document) && layer.suggestionsFor(e.document.uri).length > 0) repaintSoon();
    }),
    ...registerLanguageModelTools(services),
    { dispose: () => repaint && clearTimeout(repaint) },
  ];
  return {
    disposables,
    api: {
      retrain: async () => {
        const state = await model.retrain();
        layer.paintAll();
        return state.kind;
      },
      suggestionsFor: (uri) => layer.suggestionsFor(uri),
      longestTrainingSliceMs: () => model.longestSliceMs,
      setModelPicker: (pick) => {
        picker = pick;
      },
      codeWithLanguageModel: (uri) => runModelCoder(uri),
    },
  };
}
