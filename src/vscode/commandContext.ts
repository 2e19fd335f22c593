/**
 * What a command handler is given: the shared services, plus the one agreement panel and the review walk the commands own. Each
 * handler is a named function of this context and the command's arguments, so a stack trace names the command
 * and each handler reads on its own (as rust-analyzer's `createCommands()` table does).
 */
import type { AgreementView } from './agreementView';
import type { CommandId } from './commandIds';
import type { ReviewWalk } from './reviewWalk';
import type { Services } from './services';

export interface CommandContext extends Services {
  readonly agreement: AgreementView;
  /** The review walk over needs-review annotations (its status-bar item is the commands' own). */
  readonly review: ReviewWalk;
}

/** A handler: the context first, then whatever `executeCommand` (a menu, a code action, a test) passes. */
export type CommandHandler = (context: CommandContext, ...args: never[]) => unknown;

/** One handler for every command id: a command added to the table without a handler does not compile. */
export type CommandHandlers = { readonly [K in keyof typeof CommandId]: CommandHandler };
