/** `sovcode`: the command-line tool over the same core as the extension. */
import { hasErrors } from '../core/input';
import { parseCommandLine, UsageError, type ParsedCommand } from './args';
import { CliError } from './errors';
import { writeOutput } from './output';
import { problemLines } from './problemList';
import { addFiles } from './addCommand';
import { agreementOutput } from './agreementCommand';
import { exportSegments } from './exportCommand';
import { importFile, importSummary } from './importCommand';
import { ADD_HELP, COMMAND_HELP, MAIN_HELP } from './help';
import { renameFrame } from './renameFrameCommand';
import { markDone } from './doneCommand';
import { adjudicate, adjudicateListing } from './adjudicateCommand';
import { statsOutput } from './statsCommand';
import { acceptSuggestedTerm, suggestTermsOutput } from './suggestTermsCommand';
import { evaluateOutput, suggestOutput } from './suggestCommand';
import { jobsOption, scanFiles, scanFilesInThreads } from './scanCommand';
import { validatePaths } from './validateCommand';
import { CLI_VERSION } from './version';
import { GIT_COMMANDS } from './gitCommands';
import { GitError } from '../core/git';

/** Runs one command line; returns the exit code (0 ok, 1 problems found, 2 usage or input error). */
export function run(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  try {
    const { command, positionals, values } = parseCommandLine(argv);
    if (values.version) {
      out(`${CLI_VERSION}\n`);
      return 0;
    }
    const commandHelp = values.help && command !== undefined ? COMMAND_HELP.get(command) : undefined;
    if (commandHelp !== undefined) {
      out(commandHelp);
      return 0;
    }
    switch (command) {
      case undefined:
        out(MAIN_HELP);
        return values.help ? 0 : 2;
      case 'scan':
        jobsOption(values.jobs);
        for (const piece of scanFiles(positionals, values.codebook, values.format)) out(piece);
        return 0;
      case 'validate': {
        const problems = validatePaths(positionals, values.codebook, {
          strict: values.strict === true,
          allowOrphans: values['allow-orphans'] === true,
        });
        for (const line of problemLines(problems, values.verbose === true)) out(`${line}\n`);
        if (problems.length === 0) out('no problems\n');
        return hasErrors(problems) ? 1 : 0;
      }
      case 'export': {
        const result = exportSegments(positionals, values.codebook, values.format, values.output, {
          neutralize: values['no-neutralize'] !== true,
        });
        for (const line of problemLines(result.warnings, values.verbose === true)) err(`${line}\n`);
        if (values.output === undefined)
          for (const piece of result.data as readonly string[]) out(piece); // only CSV goes to standard output
        else {
          writeOutput(values.output, result.data, result.inputs, values.force === true);
          err(`sovcode: ${result.summary} written to ${values.output}\n`);
        }
        return 0;
      }
      case 'import': {
        const [file, ...more] = positionals;
        if (file === undefined || more.length > 0) throw new UsageError('import needs one FILE (.qdpx or .qdc)');
        const { result } = importFile(file, values.into);
        for (const r of result.report) err(`${r.where}: warning: ${r.message}\n`);
        err(importSummary(result, values.into ?? '.'));
        return 0;
      }
      case 'agreement': {
        const { text, inputs, warnings } = agreementOutput(positionals, values);
        for (const line of problemLines(warnings, values.verbose === true)) err(`${line}\n`);
        if (values.output === undefined) out(text);
        else {
          writeOutput(values.output, text, inputs, values.force === true);
          err(`sovcode: agreement report written to ${values.output}\n`);
        }
        return 0;
      }
      case 'stats': {
        const { text, inputs } = statsOutput(positionals, values);
        if (values.output === undefined) out(text);
        else {
          writeOutput(values.output, text, inputs, values.force === true);
          err(`sovcode: statistics written to ${values.output}\n`);
        }
        return 0;
      }
      case 'suggest-terms':
        if (values.accept === undefined) out(suggestTermsOutput(positionals, values));
        else
          err(
            `sovcode: '${values.accept}' added to frame '${values.frame ?? ''}' in ${acceptSuggestedTerm(positionals, values)}\n`,
          );
        return 0;
      case 'suggest': {
        if (values.evaluate === true) {
          out(evaluateOutput(positionals, values));
          return 0;
        }
        const { text, summary } = suggestOutput(positionals, values);
        err(`sovcode: ${summary}\n`);
        out(text);
        return 0;
      }
      case 'adjudicate': {
        if (values.accept !== undefined || values.decisions !== undefined) {
          err('sovcode: adjudicate with --accept or --decisions writes files: run it through runAsync\n');
          return 2;
        }
        const { text, warnings } = adjudicateListing(positionals, values);
        for (const line of problemLines(warnings, values.verbose === true)) err(`${line}\n`);
        if (values.output === undefined) out(text);
        else {
          writeOutput(values.output, text, [], values.force === true);
          err(`sovcode: disagreements written to ${values.output}\n`);
        }
        return 0;
      }
      case 'rename-frame':
      case 'done':
        err(`sovcode: ${command} writes files: run it through runAsync\n`);
        return 2;
      default: {
        const git = Object.hasOwn(GIT_COMMANDS, command) ? GIT_COMMANDS[command] : undefined;
        if (git !== undefined && values.help) {
          out(git.help);
          return 0;
        }
        if (git !== undefined) return git.run({ command, positionals, values }, out, err);
        err(`sovcode: unknown command '${command}'\n\n${MAIN_HELP}`);
        return 2;
      }
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof CliError || e instanceof GitError) {
      err(`sovcode: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

/**
 * Like `run`, and also the asynchronous commands: `add` (converts in a worker thread), `rename-frame`, `done` and
 * `adjudicate` with decisions (the safe writer is async). `progressLine` shows `add`'s progress on a terminal.
 */
export async function runAsync(
  argv: readonly string[],
  out: (s: string) => void,
  err: (s: string) => void,
  progressLine?: (s: string) => void,
): Promise<number> {
  let parsed;
  try {
    parsed = parseCommandLine(argv);
  } catch (e) {
    if (e instanceof UsageError) return run(argv, out, err);
    throw e;
  }
  if (parsed.values.help) return run(argv, out, err);
  if (parsed.command === 'scan') return scanInThreads(parsed, out, err);
  if (parsed.command === 'add') {
    if (parsed.positionals.length === 0) {
      err(`sovcode: add needs at least one FILE\n\n${ADD_HELP}`);
      return 2;
    }
    return addFiles(parsed.positionals, parsed.values.into, parsed.values.encoding, out, err, progressLine);
  }
  const writesAdjudication =
    parsed.command === 'adjudicate' && (parsed.values.accept !== undefined || parsed.values.decisions !== undefined);
  if (parsed.command !== 'rename-frame' && parsed.command !== 'done' && !writesAdjudication) return run(argv, out, err);
  try {
    out(
      parsed.command === 'done'
        ? await markDone(parsed.positionals, parsed.values)
        : writesAdjudication
          ? await adjudicate(parsed.positionals, parsed.values)
          : await renameFrame(parsed.positionals, parsed.values),
    );
    return 0;
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    err(`sovcode: ${e.message}\n`);
    return 2;
  }
}

/** `sovcode scan` as run() does it, with the files shared among worker threads. */
async function scanInThreads(
  parsed: ParsedCommand,
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  const { positionals, values } = parsed;
  try {
    const pieces = await scanFilesInThreads(positionals, values.codebook, values.format, jobsOption(values.jobs), err);
    for (const piece of pieces) out(piece);
    return 0;
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    err(`sovcode: ${e.message}\n`);
    return 2;
  }
}

if (require.main === module) {
  // `sovcode scan … | head`: a reader that has seen enough closes the pipe; that ends the command, quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(0);
  });
  const progressLine = process.stderr.isTTY ? (s: string) => process.stderr.write(`\r\x1b[K${s}`) : undefined;
  void runAsync(
    process.argv.slice(2),
    (s) => process.stdout.write(s),
    (s) => process.stderr.write(s),
    progressLine,
  ).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`sovcode: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
