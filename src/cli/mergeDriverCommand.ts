/**
 * `sovcode merge-driver %O %A %B %P`: the Git merge driver for `*.annotations.yaml` (set up by `sovcode
 * git-setup`). Git gives the base, our and their versions as temporary files and expects the result in %A, and
 * exit code 0 only for a clean merge. Here: 0 when the merge by annotation id has no conflict entries, 1 when it
 * has some (Git then marks the path conflicted; the file holds both versions with `status: conflict`), and 1 too
 * after falling back to Git's line merge when a version does not parse (the file then has conflict markers).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { CliError } from './errors';
import { nodeGitPort } from '../core/git/nodeGit';
import { mergedSourceText } from './mergedSource';
import { mergeSidecarTexts, mergeSummary } from './sidecarMerge';

export function mergeDriver(
  args: readonly string[],
  err: (s: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): number {
  const [basePath, oursPath, theirsPath, pathname] = args;
  if (
    basePath === undefined ||
    oursPath === undefined ||
    theirsPath === undefined ||
    pathname === undefined ||
    args.length > 4
  ) {
    throw new CliError('merge-driver needs 4 arguments: %O %A %B %P (see sovcode git-setup)');
  }
  const git = nodeGitPort(process.cwd());
  const texts = {
    base: readFileSync(basePath, 'utf8'),
    ours: readFileSync(oursPath, 'utf8'),
    theirs: readFileSync(theirsPath, 'utf8'),
  };
  const source = mergedSourceText(git, pathname, env);
  const result = mergeSidecarTexts(pathname, texts, source.text);
  if (!result.ok) {
    for (const reason of result.reasons) err(`sovcode: ${reason}\n`);
    err(
      `sovcode: ${pathname}: not merged by annotation id; merged line by line instead (fix the file, then sovcode resolve ${pathname})\n`,
    );
    // git merge-file writes the line merge, with conflict markers, into our version (%A), as Git's own driver would.
    const line = git.run(['merge-file', '-L', 'ours', '-L', 'base', '-L', 'theirs', oursPath, basePath, theirsPath]);
    return line.code === 0 ? 0 : 1;
  }
  writeFileSync(oursPath, result.text);
  err(mergeSummary(pathname, result, source.note));
  return result.conflicts > 0 ? 1 : 0;
}
