/** Runs the `sovcode` command line in-process, as the CLI tests do: exit code and what it printed. */
import { run, runAsync } from '../../src/cli/main';

export function sovcode(...args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = run(
    args,
    (s) => {
      out += s;
    },
    (s) => {
      err += s;
    },
  );
  return { code, out, err };
}

/** `sovcode` through runAsync: also the commands that write files (rename-frame, done, add). */
export async function sovcodeAsync(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runAsync(
    args,
    (s) => {
      out += s;
    },
    (s) => {
      err += s;
    },
  );
  return { code, out, err };
}
