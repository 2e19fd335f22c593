/**
 * *Code This Text with a Language Model…*: the open text is coded by a chat model the user already has in VS
 * Code (the `vscode.lm` API: Copilot, or any provider extension, local ones included), chunk by chunk, with the
 * codebook's definitions and guidance. The model is a coder like any other (`model:<vendor>/<id>`), every span
 * it proposes waits for review (`needs-review`), and every quote is found again in the text (core answer.ts);
 * what cannot be placed is listed in the output, never written. VS Code asks the user's consent to use the model
 * on the first request (our `justification` is shown there); quotas and refusals come back as errors we report.
 */
import * as vscode from 'vscode';
import {
  buildPrompt,
  parseModelAnswer,
  PROMPT_VERSION,
  textChunks,
  type PlacedCoding,
  type RejectedCoding,
} from '../../core/assist/languageModel';
import { errorMessage } from '../../core/input';
import { documentText } from '../convert';
import type { Services } from '../services';
import { isCodedDocument } from '../settings';
import { writeModelCodings } from './writeModelCodings';

export interface ModelRunResult {
  model: string;
  chunks: number;
  written: number;
  rejected: RejectedCoding[];
  /** Chunks whose answer was unusable, or requests that failed. */
  errors: string[];
}

/** Chooses among the available chat models; the tests replace it through the extension's test API. */
export type ModelPicker = (
  models: readonly vscode.LanguageModelChat[],
) => Thenable<vscode.LanguageModelChat | undefined>;

export const pickModelByQuickPick: ModelPicker = async (models) => {
  if (models.length === 1) return models[0];
  const picked = await vscode.window.showQuickPick(
    models.map((m) => ({ label: m.name, description: `${m.vendor}/${m.id}`, model: m })),
    {
      title: 'Code this text with which language model?',
      placeHolder: 'The model becomes a coder of its own; you review every span',
    },
  );
  return picked?.model;
};

const JUSTIFICATION =
  'Sovereignty Coder sends the open text and the codebook to code it; every span the model proposes waits for your review.';

async function askModel(
  model: vscode.LanguageModelChat,
  instructions: string,
  text: string,
  token: vscode.CancellationToken,
): Promise<string> {
  const messages = [vscode.LanguageModelChatMessage.User(instructions), vscode.LanguageModelChatMessage.User(text)];
  const response = await model.sendRequest(messages, { justification: JUSTIFICATION }, token);
  let answer = '';
  for await (const part of response.text) answer += part;
  return answer;
}

/** Runs the model over the document and writes what it placed; undefined when the user cancelled a choice. */
export async function codeWithLanguageModel(
  services: Services,
  doc: vscode.TextDocument,
  pick: ModelPicker,
): Promise<ModelRunResult | undefined> {
  const codebook = services.codebooks.active?.codebook;
  if (!codebook) throw new Error('no codebook is loaded (see Problems)');
  if (!isCodedDocument(doc))
    throw new Error(`${vscode.workspace.asRelativePath(doc.uri)} is not a text that is coded here`);
  const models = await vscode.lm.selectChatModels();
  if (models.length === 0) {
    void vscode.window.showWarningMessage(
      'No language model is available in VS Code. Install a provider (GitHub Copilot, or one for a local model) and sign in, then run this again.',
    );
    return undefined;
  }
  const model = await pick(models);
  if (!model) return undefined;
  const identity = { vendor: model.vendor, id: model.id };
  const version = doc.version;
  const text = documentText(doc);
  const chunks = textChunks(text);
  const placed: PlacedCoding[] = [];
  const rejected: RejectedCoding[] = [];
  const errors: string[] = [];
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Coding with ${model.name}`, cancellable: true },
    async (progress, token) => {
      for (const [i, chunk] of chunks.entries()) {
        if (token.isCancellationRequested) break;
        progress.report({ message: `part ${i + 1} of ${chunks.length}`, increment: 100 / chunks.length });
        const prompt = buildPrompt(codebook, chunk);
        try {
          const parsed = parseModelAnswer(
            await askModel(model, prompt.instructions, prompt.text, token),
            codebook,
            chunk,
          );
          placed.push(...parsed.placed);
          rejected.push(...parsed.rejected);
          if (parsed.error !== undefined) errors.push(`part ${i + 1}: ${parsed.error}`);
        } catch (e) {
          if (token.isCancellationRequested) break;
          errors.push(`part ${i + 1}: ${errorMessage(e)}`);
        }
      }
    },
  );
  if (doc.version !== version)
    throw new Error('the text changed while the model was coding it: nothing was written; run it again');
  const outcome = await writeModelCodings(services, doc, text, placed, identity);
  rejected.push(...outcome.rejected);
  const result = {
    model: `${identity.vendor}/${identity.id}`,
    chunks: chunks.length,
    written: outcome.written,
    rejected,
    errors,
  };
  report(services, doc, result);
  return result;
}

function report(services: Services, doc: vscode.TextDocument, r: ModelRunResult): void {
  const where = vscode.workspace.asRelativePath(doc.uri);
  services.log.info(
    `language-model coder ${r.model} (prompt ${PROMPT_VERSION}) on ${where}: ${r.written} span(s) written for review`,
  );
  for (const x of r.rejected) services.log.warn(`  refused ${x.what}: ${x.why}`);
  for (const e of r.errors) services.log.warn(`  ${e}`);
  const refused = r.rejected.length + r.errors.length;
  const message = `${r.model} proposed ${r.written} span(s) in ${where}, written as its own coder and marked "needs review"${refused > 0 ? `; ${refused} refused (see Output)` : ''}.`;
  void vscode.window
    .showInformationMessage(message, ...(refused > 0 ? ['Show Output'] : []))
    .then((c) => c && services.log.show());
}
