/** The CLI's errors the user can act on, printed without a stack trace, with exit code 2. */

/** A file, a codebook or an option the command cannot work with; the message names it. */
export class CliError extends Error {}
