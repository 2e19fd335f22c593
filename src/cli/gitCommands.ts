/**
 * The Git commands of `sovcode` (diff, show, merge-driver, resolve, git-setup) as one table, so that main.ts
 * dispatches them with a single lookup. Each returns its exit code; a GitError (git missing, not a repository,
 * a failed git call) becomes a usage-level error with exit code 2.
 */
import type { ParsedCommand } from './args';
import { diffCommand } from './diffCommand';
import { DIFF_HELP, GIT_SETUP_HELP, MERGE_DRIVER_HELP, RESOLVE_HELP, SHOW_HELP } from './gitHelp';
import { gitSetup } from './gitSetupCommand';
import { mergeDriver } from './mergeDriverCommand';
import { resolveFiles } from './resolveCommand';
import { showFile } from './showCommand';
import { CliError } from './errors';

type Output = (s: string) => void;
interface GitCommand {
  help: string;
  run(c: ParsedCommand, out: Output, err: Output): number;
}

export const GIT_COMMANDS: Readonly<Record<string, GitCommand>> = {
  diff: { help: DIFF_HELP, run: (c, out, err) => diffCommand(c.positionals, c.values.format, out, err) },
  show: {
    help: SHOW_HELP,
    run: (c, out, err) => {
      const [file, ...rest] = c.positionals;
      if (file === undefined || rest.length > 0) throw new CliError('show needs exactly one FILE');
      return showFile(file, out, err);
    },
  },
  'merge-driver': { help: MERGE_DRIVER_HELP, run: (c, _out, err) => mergeDriver(c.positionals, err) },
  resolve: { help: RESOLVE_HELP, run: (c, _out, err) => resolveFiles(c.positionals, err) },
  'git-setup': { help: GIT_SETUP_HELP, run: (_c, out) => gitSetup(process.cwd(), out) },
};
