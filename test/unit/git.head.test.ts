/**
 * Naming the checked-out branch from .git/HEAD (no git run), and telling unsaved coding from offsets that
 * only moved: the two facts the editor needs to follow a checkout silently or ask, naming the branch.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createAnnotation, sameDecisions } from '../../src/core/annotations';
import { checkedOutAt, describeHead, gitFolderOf } from '../../src/core/git';
import { tempRepo } from './gitRepo';

describe('git: the branch checked out, and unsaved coding', () => {
  it('reads a branch, a detached HEAD, and refuses to guess at anything else', () => {
    assert.equal(describeHead('ref: refs/heads/coder-b\n'), "branch 'coder-b'");
    assert.equal(describeHead('ref: refs/heads/team/li\n'), "branch 'team/li'");
    assert.equal(describeHead('0123456789abcdef0123456789abcdef01234567\n'), 'a detached HEAD at 0123456');
    assert.equal(describeHead('garbage'), undefined);
  });

  it('finds the branch of a folder deep in a repository, and of a linked worktree (a .git file)', () => {
    const repo = tempRepo(false);
    try {
      repo.write('texts/deep/a.txt', 'x\n');
      repo.commitAll('text');
      repo.git('checkout', '-q', '-b', 'coder-a');
      assert.equal(checkedOutAt(join(repo.dir, 'texts', 'deep')), "branch 'coder-a'");
      const linked = join(repo.dir, '..', `${repo.dir.split('/').pop() ?? 'r'}-linked`);
      repo.git('worktree', 'add', '-q', '-b', 'coder-b', linked);
      mkdirSync(join(linked, 'texts', 'deep'), { recursive: true });
      assert.equal(checkedOutAt(join(linked, 'texts', 'deep')), "branch 'coder-b'");
      assert.match(gitFolderOf(linked) ?? '', /worktrees/);
      repo.git('worktree', 'remove', '--force', linked);
      assert.equal(checkedOutAt('/'), undefined, 'outside Git: nothing to name');
    } finally {
      repo.remove();
    }
  });

  it('the same decisions at other offsets are not unsaved coding; a new frame, memo, flag or annotation is', () => {
    const text = 'One claim, then a second claim.';
    const a = createAnnotation(text, 4, 9, 'land', 'alice', '2026-11-20', 'a0000000001');
    const moved = { ...a, start: 20, end: 25, prefix: 'x', suffix: 'y' };
    assert.equal(sameDecisions([a], [moved]), true);
    for (const other of [
      { ...a, frame: 'sea' },
      { ...a, memo: 'm' },
      { ...a, status: 'needs-review' as const },
    ])
      assert.equal(sameDecisions([a], [other]), false, JSON.stringify(other));
    assert.equal(sameDecisions([a], []), false);
    assert.equal(sameDecisions([a], [{ ...a, id: 'a0000000002' }]), false);
  });
});
