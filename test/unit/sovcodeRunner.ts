/** Runs the `sovcode` command line in-process, as the CLI tests do: exit code and what it printed. */
import { run, runAsync } from '../../src/cli/main';

type Printer = (s: string) => void;

/** Runs `command` with printers that collect standard output and error. */
function captured<T>(command: (out: Printer, err: Printer) => T): { result: T; printed: { out: string; err: string } } {
  const printed = { out: '', err: '' };
  const result = command(
    (s) => {
      printed.out += s;
    },
    (s) => {
      printed.err += s;
    },
  );
  return { result, printed };
}

export function sovcode(...args: string[]): { code: number; out: string; err: string } {
  const { result, printed } = captured((o, e) => run(args, o, e));
  return { code: result, ...printed };
}

/** `sovcode` through runAsync: also the commands that write files (rename-frame, done, add). */
export async function sovcodeAsync(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const { result, printed } = captured((o, e) => runAsync(args, o, e));
  const code = await result;
  // the printers fill `printed` while the command runs: read it once the command has finished
  return { code, ...printed };
}
