/**
 * Every command's handler, by name, in one table over `CommandId` (rust-analyzer's `createCommands()`): the
 * coding commands live in tagCommands.ts and annotationCommands.ts, the workspace-wide ones below. The table's
 * type asks for exactly one handler per id, so a command cannot be declared and left without one.
 */
import * as vscode from 'vscode';
import { AgreementView } from './agreementView';
import { annotationCommands } from './annotationCommands';
import type { CommandContext, CommandHandler, CommandHandlers } from './commandContext';
import { CommandId } from './commandIds';
import { codingFlowCommands } from './codingFlowCommands';
import { exportQdc, exportQdpx, exportSegmentsCsv } from './exportCommands';
import { reviewCommands } from './reviewChoices';
import type { ReviewWalk } from './reviewWalk';
import type { Services } from './services';
import { suggestCueTerms } from './suggestTermsCommand';
import { tagCommands } from './tagCommands';
import { openWalkthrough } from './welcome';
import { toggleTextDone } from './doneCommand';

const workspaceCommands = {
  reloadCodebook: (context: CommandContext) => context.codebooks.reload(),
  showOutput: (context: CommandContext) => context.log.show(),
  exportCsv: (context: CommandContext, target?: vscode.Uri) => exportSegmentsCsv(context, target),
  exportQdpx: (context: CommandContext, target?: vscode.Uri) => exportQdpx(context, target),
  exportQdc: (context: CommandContext, target?: vscode.Uri) => exportQdc(context, target),
  showAgreement: (context: CommandContext, coders?: string[]) => context.agreement.show(coders),
  toggleTextDone: (context: CommandContext, uri?: vscode.Uri, marked?: boolean) => toggleTextDone(context, uri, marked),
  getStarted: (context: CommandContext) => openWalkthrough(context.extensionId),
  suggestCueTerms: (context: CommandContext, terms?: unknown) => suggestCueTerms(context, terms),
} satisfies Record<string, CommandHandler>;

const HANDLERS: CommandHandlers = {
  ...tagCommands,
  ...annotationCommands,
  ...codingFlowCommands,
  ...reviewCommands,
  ...workspaceCommands,
};

/** Registers every handler; each first waits for `started` (the codebook loaded), which a command also triggers. */
/** `review` is the review walk (its status-bar item), made by extension.ts so the test API can read it. */
export function registerCommands(
  services: Services,
  started: () => Promise<void>,
  review: ReviewWalk,
): vscode.Disposable[] {
  const agreement = new AgreementView(services);
  const context: CommandContext = { ...services, agreement, review };
  const names = Object.keys(CommandId) as (keyof typeof CommandId)[];
  return [
    agreement,
    ...names.map((name) =>
      vscode.commands.registerCommand(CommandId[name], async (...args: never[]) => {
        await started();
        return HANDLERS[name](context, ...args);
      }),
    ),
  ];
}
