/**
 * Team coding in Git in a real VS Code: a merge conflict entry (`status: conflict`) is resolved with its code
 * action, and *Compare Annotations with Revision…* lists what changed since a commit of a real repository.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { createAnnotation } from '../../src/core/annotations';
import { serializeSidecar } from '../../src/core/sidecar';
import { textHash } from '../../src/core/text';
import {
  api,
  codeActions,
  openFixture,
  rangeOf,
  readFile,
  run,
  sidecarOf,
  waitFor,
  workspaceUri,
  writeFile,
} from './helpers';

const TEXT = [
  'Minutes of a working group (written for the tests)',
  '',
  'The chair said that digital borders must not become walls.',
  'A member answered that data sovereignty protects the citizens.',
  '',
].join('\n');

function sidecarText(name: string, list: ReturnType<typeof createAnnotation>[]): string {
  return serializeSidecar(
    { version: 1, source: name, sourceHash: textHash(TEXT), codebook: 'fixture', annotations: list },
    TEXT,
  );
}

function coded(quote: string, frame: string, coder: string, id: string): ReturnType<typeof createAnnotation> {
  const s = TEXT.indexOf(quote);
  return createAnnotation(TEXT, s, s + quote.length, frame, coder, '2026-11-30', id);
}

/** Runs `body` in a fresh Git repository (first branch `branch`) inside the workspace, removed afterwards. */
async function inTempRepo(
  branch: string,
  body: (folder: vscode.Uri, git: (...args: string[]) => string) => Promise<void>,
): Promise<void> {
  const folder = workspaceUri(`it-git-${branch}-${Date.now()}`);
  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], {
      cwd: folder.fsPath,
      encoding: 'utf8',
    });
  await vscode.workspace.fs.createDirectory(folder);
  try {
    git('init', '-q', '-b', branch);
    await body(folder, git);
  } finally {
    await vscode.workspace.fs.delete(folder, { recursive: true });
  }
}

describe('Team coding in Git in a real VS Code', () => {
  it('resolves a merge conflict entry with "keep the other version" and writes the sidecar', async () => {
    const coder = await api();
    const ours = {
      ...coded('digital borders', 'digital-territory', 'alice', 'a0000000001'),
      status: 'conflict' as const,
      conflictWith: 'a0000000002',
    };
    const theirs = {
      ...coded('digital borders', 'data-resource', 'bob', 'a0000000002'),
      status: 'conflict' as const,
      conflictWith: 'a0000000001',
    };
    await writeFile(
      sidecarOf(workspaceUri('texts', 'it-conflict.txt')),
      sidecarText('it-conflict.txt', [ours, theirs]),
    );
    const { doc } = await openFixture('it-conflict.txt', TEXT);
    await waitFor('both versions loaded', () => (coder.annotationsFor(doc.uri).length === 2 ? true : undefined));
    const inside = rangeOf(doc, 'digital borders').start.translate(0, 3);
    const offered = (await codeActions(doc.uri, new vscode.Range(inside, inside)))
      .map((a) => a.title)
      .filter((t) => t.startsWith('Merge conflict'));
    assert.equal(offered.length, 6, `each version offers keep this / the other / both: ${offered.join(' | ')}`);
    const keepOther = (await codeActions(doc.uri, new vscode.Range(inside, inside))).find(
      (a) => a.title.startsWith('Merge conflict: keep the other version') && a.title.includes(', bob'),
    );
    assert.ok(keepOther, offered.join(' | '));
    await run(keepOther);
    const saved = await waitFor('sidecar with one version', async () => {
      const text = await readFile(sidecarOf(doc.uri));
      return text !== undefined && !text.includes('a0000000001') ? text : undefined;
    });
    assert.match(saved, /id: a0000000002\n {4}frame: data-resource/);
    assert.doesNotMatch(saved, /status: conflict|conflictWith/);
    assert.deepEqual(
      coder.annotationsFor(doc.uri).map((a) => [a.id, a.status]),
      [['a0000000002', undefined]],
    );
  });

  it('compares annotations with a revision of a real repository and lists the changes in the tree', async () => {
    const coder = await api();
    await inTempRepo('main', async (folder, git) => {
      const text = vscode.Uri.joinPath(folder, 'minutes.txt');
      await writeFile(text, TEXT);
      await writeFile(
        sidecarOf(text),
        sidecarText('minutes.txt', [coded('digital borders', 'digital-territory', 'alice', 'a0000000011')]),
      );
      git('add', '-A');
      git('commit', '-q', '-m', 'first coding');
      await writeFile(
        sidecarOf(text),
        sidecarText('minutes.txt', [
          coded('digital borders', 'data-resource', 'alice', 'a0000000011'),
          coded('data sovereignty', 'data-resource', 'bob', 'a0000000012'),
        ]),
      );
      const lines = await vscode.commands.executeCommand<string[]>(
        'sovereigntyCoder.compareWithRevision',
        'HEAD',
        folder,
      );
      assert.deepEqual(lines, [
        'minutes.txt',
        '  ~ retagged [digital-territory] → [data-resource] "digital borders" 3:21 (alice)',
        '  + [data-resource] "data sovereignty" 4:24 (bob)',
      ]);
      assert.deepEqual(coder.compareLines(), lines);
    });
  });

  it("computes inter-coder agreement from two coders' branches without merging them", async () => {
    await api();
    await inTempRepo('alice', async (folder, git) => {
      const text = vscode.Uri.joinPath(folder, 'minutes.txt');
      await writeFile(text, TEXT);
      await writeFile(
        sidecarOf(text),
        sidecarText('minutes.txt', [coded('digital borders', 'digital-territory', 'alice', 'a0000000031')]),
      );
      git('add', '-A');
      git('commit', '-q', '-m', 'alice codes');
      git('checkout', '-q', '-b', 'bob', 'HEAD');
      await writeFile(
        sidecarOf(text),
        sidecarText('minutes.txt', [coded('digital borders', 'digital-territory', 'bob', 'a0000000032')]),
      );
      git('commit', '-q', '-am', 'bob codes');
      const report = await vscode.commands.executeCommand<
        { coders: string[]; overall: { percentAgreement?: number } } | undefined
      >('sovereigntyCoder.agreementFromRevisions', ['alice', 'bob'], folder);
      assert.deepEqual(report?.coders, ['alice', 'bob']);
      assert.equal(report?.overall.percentAgreement, 1, 'both coded the same sentence with the same frame');
    });
  });
});
