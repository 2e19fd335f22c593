/**
 * The commands of the coding flow around a decision: undo and redo of coding (codingHistory.ts) and the review
 * walk over a bulk tag (reviewWalk.ts). Each handler only hands over to those rooms, which keep the state.
 */
import type { CommandContext, CommandHandler } from './commandContext';
import type { ViaKeybinding } from './codingHistory';

export const codingFlowCommands = {
  undoCoding: (context: CommandContext, options?: ViaKeybinding, uri?: string) => context.history.undo(options, uri),
  redoCoding: (context: CommandContext, options?: ViaKeybinding, uri?: string) => context.history.redo(options, uri),
  nextReview: (context: CommandContext) => context.review.step(1)?.id,
  previousReview: (context: CommandContext) => context.review.step(-1)?.id,
  acceptReview: (context: CommandContext, uri?: string, id?: string) => context.review.accept(uri, id),
  rejectReview: (context: CommandContext, uri?: string, id?: string) => context.review.reject(uri, id),
} satisfies Record<string, CommandHandler>;
