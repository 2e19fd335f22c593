/** `sovcode`: the command-line tool over the same core as the extension. */
import { hasErrors, formatProblem } from '../core/input';
import { parseCommandLine, UsageError } from './args';
import { CliError } from './codebookFile';
import { writeFileSync } from 'node:fs';
import { addFiles } from './addCommand';
import { agreementOutput } from './agreementCommand';
import { exportSegments } from './exportCommand';
import { ADD_HELP, AGREEMENT_HELP, EXPORT_HELP, MAIN_HELP, SCAN_HELP, VALIDATE_HELP } from './help';
import { formatScan, scanFiles } from './scanCommand';
import { validatePaths } from './validateCommand';
import { CLI_VERSION } from './version';


/** Runs one command line; returns the exit code (0 ok, 1 problems found, 2 usage or input error). */
export function run(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  try {
    const { command, positionals, values } = parseCommandLine(argv);
    if (values.version) {
      out(`${CLI_VERSION}\n`);
      return 0;
    }
    switch (command) {
      case undefined:
        out(MAIN_HELP);
        return values.help ? 0 : 2;
      case 'scan':
        if (values.help) return out(SCAN_HELP), 0;
        out(formatScan(scanFiles(positionals, values.codebook), values.format));
        return 0;
      case 'validate': {
        if (values.help) return out(VALIDATE_HELP), 0;
        const problems = validatePaths(positionals, values.codebook);
        for (const p of problems) out(`${formatProblem(p)}\n`);
        if (problems.length === 0) out('no problems\n');
        return hasErrors(problems) ? 1 : 0;
      }
      case 'export': {
        if (values.help) return out(EXPORT_HELP), 0;
        const result = exportSegments(positionals, values.codebook, values.format, values.output);
        for (const p of result.warnings) err(`${formatProblem(p)}\n`);
        if (values.output === undefined) out(result.data as string); // only CSV goes to standard output
        else {
          writeFileSync(values.output, result.data);
          err(`sovcode: ${result.summary} written to ${values.output}\n`);
        }
        return 0;
      }
      case 'agreement': {
        if (values.help) return out(AGREEMENT_HELP), 0;
        const text = agreementOutput(positionals, values);
        if (values.output === undefined) out(text);
        else {
          writeFileSync(values.output, text);
          err(`sovcode: agreement report written to ${values.output}\n`);
        }
        return 0;
      }
      default:
        err(`sovcode: unknown command '${command}'\n\n${MAIN_HELP}`);
        return 2;
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof CliError) {
      err(`sovcode: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

/** Like run(), and also the asynchronous commands (add converts in a worker thread). */
export async function runCommand(argv: readonly string[], out: (s: string) => void, err: (s: string) => void, progressLine?: (s: string) => void): Promise<number> {
  let parsed;
  try {
    parsed = parseCommandLine(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err(`sovcode: ${e.message}\n`);
    return 2;
  }
  if (parsed.command !== 'add') return run(argv, out, err);
  if (parsed.values.help) return out(ADD_HELP), 0;
  if (parsed.positionals.length === 0) return err(`sovcode: add needs at least one FILE\n\n${ADD_HELP}`), 2;
  return addFiles(parsed.positionals, parsed.values.into, parsed.values.encoding, out, err, progressLine);
}

if (require.main === module) {
  const tty = process.stderr.isTTY;
  const progressLine = tty ? (s: string) => process.stderr.write(`\r\x1b[K${s}`) : undefined;
  void runCommand(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s), progressLine).then(
    (code) => { process.exitCode = code; },
    (e: unknown) => { process.stderr.write(`sovcode: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`); process.exitCode = 2; },
  );
}
