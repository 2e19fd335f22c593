import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnnotation } from '../../src/core/annotations';
import type { Annotation } from '../../src/core/annotations';
import { parseSidecar, serializeSidecar } from '../../src/core/sidecar';
import { textHash } from '../../src/core/text';

/** Our own text, long enough that annotations early and late are far apart. */
const TEXT =
  [
    'The minister opened with a plea for digital borders that protect citizens.',
    'Critics answered that a sovereign internet would isolate researchers.',
    'Delegates from the Global South asked for an AI Commons instead.',
    '会议讨论了网络主权和数据本地化的问题。',
    'Эксперты спорили о технологическом суверенитете и импортозамещении.',
    'A closing note warned against a splinternet of incompatible standards.',
    'The chair promised a global AI compact by the end of the decade.',
  ].join('\n') + '\n';

const SIDECAR = 'speech.txt.annotations.yaml';

function annotate(quote: string, frame: string, coder: string, id: string): Annotation {
  const s = TEXT.indexOf(quote);
  assert.ok(s >= 0, quote);
  return createAnnotation(TEXT, s, s + quote.length, frame, coder, '2026-11-23', id);
}

const BASE = [
  annotate('AI Commons', 'global-governance', 'alice', 'a0000000010'),
  annotate('网络主权', 'cyber-sovereignty', 'alice', 'a0000000011'),
  annotate('технологическом суверенитете', 'tech-self-reliance', 'alice', 'a0000000012'),
];

function yamlOf(list: Annotation[]): string {
  return serializeSidecar(
    { version: 1, source: 'speech.txt', sourceHash: textHash(TEXT), codebook: 'sovereignty', annotations: list },
    TEXT,
  );
}

/** Git isolated from the machine's configuration (no global or system config, fixed identity). */
function gitEnv(dir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOME: dir,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@example.invalid',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@example.invalid',
  };
}

/** A throwaway repository with the text and a sidecar of `base` committed on main. */
function repoWith(base: Annotation[]): {
  dir: string;
  git: (...args: string[]) => string;
  commitSidecar: (list: Annotation[], message: string) => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'sidecar-merge-'));
  const git = (...args: string[]): string =>
    execFileSync('git', args, { cwd: dir, env: gitEnv(dir), encoding: 'utf8', stdio: 'pipe' });
  const commitSidecar = (list: Annotation[], message: string): void => {
    writeFileSync(join(dir, SIDECAR), yamlOf(list));
    git('add', '.');
    git('commit', '-q', '-m', message);
  };
  git('init', '-q', '-b', 'main');
  writeFileSync(join(dir, 'speech.txt'), TEXT);
  commitSidecar(base, 'base');
  return { dir, git, commitSidecar };
}

/** Branch a and branch b each commit their list; then b is merged into a. Returns whether git merged cleanly. */
function mergeBranches(
  base: Annotation[],
  onA: Annotation[],
  onB: Annotation[],
): { clean: boolean; merged: string; dir: string } {
  const { dir, git, commitSidecar } = repoWith(base);
  git('checkout', '-q', '-b', 'coder-b');
  commitSidecar(onB, 'b adds');
  git('checkout', '-q', 'main');
  commitSidecar(onA, 'a adds');
  const merge = spawnSync('git', ['merge', '-q', '--no-edit', 'coder-b'], {
    cwd: dir,
    env: gitEnv(dir),
    encoding: 'utf8',
  });
  return { clean: merge.status === 0, merged: readFileSync(join(dir, SIDECAR), 'utf8'), dir };
}

describe('sidecar git merge', function () {
  this.timeout(30000);
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  const early = annotate('digital borders', 'digital-territory', 'bob', 'a0000000020');
  const late = annotate('global AI compact', 'global-governance', 'carol', 'a0000000030');

  it('merges an early add on one branch and a late add on the other without conflict', () => {
    const r = mergeBranches(BASE, [...BASE, early], [...BASE, late]);
    dirs.push(r.dir);
    assert.ok(r.clean, r.merged);
    const parsed = parseSidecar(r.merged, SIDECAR);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(
      parsed.sidecar?.annotations.map((a) => a.id),
      ['a0000000020', 'a0000000010', 'a0000000011', 'a0000000012', 'a0000000030'],
    );
    assert.equal(r.merged, yamlOf([...BASE, early, late]), 'the merge is exactly what the extension would write');
  });

  it('merges adds on both sides of one existing annotation', () => {
    const before = annotate('sovereign internet', 'digital-territory', 'bob', 'a0000000021');
    const after = annotate('数据本地化', 'data-sovereignty', 'carol', 'a0000000031');
    const r = mergeBranches(BASE, [...BASE, before], [...BASE, after]);
    dirs.push(r.dir);
    assert.ok(r.clean, r.merged);
    assert.equal(r.merged, yamlOf([...BASE, before, after]));
  });

  it('documents the limit: two adds between the same two neighbours conflict, and the result is refused', () => {
    const one = annotate('Global South', 'global-governance', 'bob', 'a0000000022');
    const two = annotate('Delegates', 'global-governance', 'carol', 'a0000000032');
    const r = mergeBranches(BASE, [...BASE, one], [...BASE, two]);
    dirs.push(r.dir);
    assert.equal(r.clean, false);
    const parsed = parseSidecar(r.merged, SIDECAR);
    assert.equal(parsed.sidecar, undefined);
    assert.ok(parsed.problems.length >= 3 && parsed.problems.every((p) => /conflict/.test(p.message)));
  });

  it('documents the limit: two first adds to an empty sidecar conflict', () => {
    const r = mergeBranches([], [early], [late]);
    dirs.push(r.dir);
    assert.equal(r.clean, false);
  });
});
