/**
 * The source text a merged sidecar belongs to, found while Git runs the merge driver. Git merges every path in
 * memory and writes the working tree only at the end, so the source on disk is still our version then. The
 * merge driver therefore merges the source itself, as Git will: the three versions come from HEAD, the other
 * branch (Git names it in a GITHEAD_<commit> variable) and their merge base, and `git merge-file` merges them.
 * When any of that is unknown, or the source conflicts too, the caller re-anchors on our text and says so.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GitPort } from '../core/git';
import { readAtRevision, resolveCommit } from '../core/git';
import { sourcePathFor } from '../core/sidecar';
import { canonicalText } from '../core/text';

export interface MergedSource {
  /** Canonical text, or undefined when the merged source cannot be known now. */
  text: string | undefined;
  /** Why it is unknown, for the summary. */
  note?: string;
}

/** The commit of the other side of the running merge, from the GITHEAD_<commit> variables Git sets. */
function otherCommit(git: GitPort, env: NodeJS.ProcessEnv, head: string): string | undefined {
  const named = Object.keys(env)
    .filter((k) => /^GITHEAD_[0-9a-f]{40,64}$/.test(k))
    .map((k) => k.slice('GITHEAD_'.length));
  return named.map((c) => resolveCommit(git, c)).find((c) => c !== undefined && c !== head);
}

/** The three-way merge of the source text by `git merge-file`, or undefined when it conflicts. */
function mergeFile(git: GitPort, base: string, ours: string, theirs: string): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'sovcode-source-'));
  try {
    const [b, o, t] = ['base', 'ours', 'theirs'].map((n) => join(dir, n));
    writeFileSync(b, base);
    writeFileSync(o, ours);
    writeFileSync(t, theirs);
    const r = git.run(['merge-file', '-p', o, b, t]);
    return r.code === 0 ? r.stdout : undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The merged source of the sidecar at `sidecarPath` (relative to the repository top). */
export function mergedSourceText(git: GitPort, sidecarPath: string, env: NodeJS.ProcessEnv): MergedSource {
  const source = sourcePathFor(sidecarPath);
  const head = resolveCommit(git, 'HEAD');
  if (source === undefined || head === undefined) return { text: undefined, note: 'no HEAD commit' };
  const ours = readAtRevision(git, head, source);
  if (ours === undefined) return { text: undefined, note: `${source} is not in HEAD` };
  const other = otherCommit(git, env, head);
  if (other === undefined)
    return { text: canonicalText(ours), note: 'the other branch is not known: re-anchored on our text' };
  const theirs = readAtRevision(git, other, source);
  const baseCommit = git.run(['merge-base', head, other]);
  const base = baseCommit.code === 0 ? readAtRevision(git, baseCommit.stdout.trim(), source) : undefined;
  if (theirs === undefined || theirs === ours || theirs === base) return { text: canonicalText(ours) };
  if (base === ours) return { text: canonicalText(theirs) };
  if (base === undefined)
    return { text: canonicalText(ours), note: `${source} has no common base: re-anchored on our text` };
  const merged = mergeFile(git, base, ours, theirs);
  return merged === undefined
    ? { text: canonicalText(ours), note: `${source} itself conflicts: re-anchored on our text` }
    : { text: canonicalText(merged) };
}
