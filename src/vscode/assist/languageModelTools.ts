/**
 * Language Model Tools (`vscode.lm.registerTool`, VS Code 1.95 and later) so that chat agents work through the
 * same reviewable path as the *Code This Text with a Language Model…* command: list the frames, read coded
 * segments, and propose codings, which are written as an automatic coder's `needs-review` spans after the user
 * confirms, with every quote found again in the text. The extension supports VS Code from 1.90, whose API has no
 * tools: the API is looked up at run time and typed here by its documented shape, and where it is missing the
 * tools are simply not offered.
 */
import * as vscode from 'vscode';
import { parseModelAnswer } from '../../core/assist/languageModel';
import { codedSegments } from '../../core/documents';
import { documentText } from '../convert';
import type { Services } from '../services';
import { writeModelCodings } from './writeModelCodings';
import { collectDocuments } from '../workspaceDocuments';

/** The parts of the tool API we use (vscode.d.ts 1.95: LanguageModelTool, LanguageModelToolResult). */
interface ToolInvocation<T> {
  input: T;
}
interface LanguageModelTool<T> {
  invoke(options: ToolInvocation<T>, token: vscode.CancellationToken): Promise<unknown>;
  prepareInvocation?(
    options: ToolInvocation<T>,
    token: vscode.CancellationToken,
  ): Promise<{ invocationMessage?: string; confirmationMessages?: { title: string; message: string } }>;
}
interface ToolApi {
  registerTool<T>(name: string, tool: LanguageModelTool<T>): vscode.Disposable;
}
type TextPartClass = new (value: string) => unknown;
type ToolResultClass = new (content: unknown[]) => unknown;

/** Who the tools' codings are credited to: a chat agent, whichever model drives it (the API does not say). */
export const CHAT_AGENT = { vendor: 'chat', id: 'agent' } as const;

interface ProposeInput {
  text: string;
  codings: unknown[];
}

function toolApi(): { api: ToolApi; TextPart: TextPartClass; Result: ToolResultClass } | undefined {
  const lm = vscode.lm as unknown as Partial<ToolApi>;
  const ns = vscode as unknown as { LanguageModelTextPart?: TextPartClass; LanguageModelToolResult?: ToolResultClass };
  if (typeof lm.registerTool !== 'function' || !ns.LanguageModelTextPart || !ns.LanguageModelToolResult)
    return undefined;
  return { api: lm as ToolApi, TextPart: ns.LanguageModelTextPart, Result: ns.LanguageModelToolResult };
}

function textUri(path: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  if (path.split(/[\\/]/).includes('..')) throw new Error(`'${path}' leaves the workspace`);
  return vscode.Uri.joinPath(folder.uri, path);
}

/** Writes an agent's proposed codings for one text; returns a plain-language account for the agent. */
export async function proposeCodings(services: Services, input: ProposeInput): Promise<string> {
  const codebook = services.codebooks.active?.codebook;
  if (!codebook) return 'No codebook is loaded; nothing was written.';
  const doc = await vscode.workspace.openTextDocument(textUri(input.text));
  const text = documentText(doc);
  const parsed = parseModelAnswer(JSON.stringify({ codings: input.codings }), codebook, {
    start: 0,
    end: text.length,
    text,
  });
  const { ok, written, rejected: unwritten } = await writeModelCodings(services, doc, text, parsed.placed, CHAT_AGENT);
  const rejected = [...parsed.rejected, ...unwritten];
  if (!ok)
    return `Nothing was written to ${input.text}: its annotation file cannot be changed now (see the editor's message).`;
  const refusals = rejected.map((r) => `- refused ${r.what}: ${r.why}`).join('\n');
  return `${written} coding(s) written to ${input.text} as coder model:${CHAT_AGENT.vendor}/${CHAT_AGENT.id}, marked needs-review for a human.${refusals ? `\n${refusals}` : ''}${parsed.error ? `\n${parsed.error}` : ''}`;
}

export function registerLanguageModelTools(services: Services): vscode.Disposable[] {
  const found = toolApi();
  if (!found) {
    services.log.info('language model tools: this VS Code has no tool API (1.95 or later needed); not offered');
    return [];
  }
  const { api, TextPart, Result } = found;
  const answer = (text: string): unknown => new Result([new TextPart(text)]);
  return [
    api.registerTool<Record<string, never>>('sovereigntyCoder_listFrames', {
      invoke: () => {
        const codebook = services.codebooks.active?.codebook;
        const frames = codebook?.frames.map((f) => ({
          id: f.id,
          label: f.label,
          parent: f.parent,
          definition: f.definition,
          include: f.include,
          exclude: f.exclude,
        }));
        return Promise.resolve(answer(JSON.stringify(frames ?? [], null, 1)));
      },
    }),
    api.registerTool<{ frame?: string; text?: string; limit?: number }>('sovereigntyCoder_readCodedSegments', {
      invoke: async ({ input }) => {
        const codebook = services.codebooks.active?.codebook;
        const documents = codebook ? await collectDocuments(services, codebook, false) : undefined;
        if (!codebook || !documents)
          return answer('The coded segments cannot be read now (no codebook, or an annotation file has errors).');
        const segments = codedSegments(codebook, documents)
          .filter(
            (s) =>
              (input.frame === undefined || s.annotation.frame === input.frame) &&
              (input.text === undefined || s.document.endsWith(input.text)),
          )
          .slice(0, Math.max(1, Math.min(500, input.limit ?? 50)))
          .map((s) => ({
            text: s.document,
            line: s.line,
            frame: s.annotation.frame,
            quote: s.annotation.quote,
            coder: s.annotation.coder,
            status: s.status,
            memo: s.annotation.memo,
          }));
        return answer(JSON.stringify(segments, null, 1));
      },
    }),
    api.registerTool<ProposeInput>('sovereigntyCoder_proposeCodings', {
      prepareInvocation: ({ input }) =>
        Promise.resolve({
          invocationMessage: `Proposing codings for ${input.text}`,
          confirmationMessages: {
            title: 'Write proposed codings?',
            message: `${input.codings.length} coding(s) for ${input.text}, as an automatic coder's spans marked "needs review".`,
          },
        }),
      invoke: async ({ input }) => answer(await proposeCodings(services, input)),
    }),
  ];
}
