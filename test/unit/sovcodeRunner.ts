/** Runs the `sovcode` command line in-process, as the CLI tests do: exit code and what it printed. */
import { run } from '../../src/cli/main';

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
