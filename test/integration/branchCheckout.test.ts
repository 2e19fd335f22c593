/**
 * The editor following a branch checkout in a real VS Code, in a real Git repository inside the test
 * workspace: coder A's annotations go when a branch without them is checked out and come back with A's
 * branch, silently, and tagging keeps working on each; only coding that exists in memory alone is asked
 * about, naming the branch, and it is never written onto that branch unasked.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { api, codeActions, rangeOf, readFile, run, sidecarOf, waitFor, workspaceUri, writeFile } from './helpers';

const TEXT = [
  'Notes of a seminar, written for the tests.',
  '',
  'One speaker defended data sovereignty for the region.',
  'Another asked who guards the digital borders of a small state.',
  '',
].join('\n');

async function tag(doc: vscode.TextDocument, quote: string): Promise<void> {
  const tagAs = (await codeActions(doc.uri, rangeOf(doc, quote))).find((a) => a.title.startsWith('Tag as '));
  assert.ok(tagAs, `a "Tag as …" action on '${quote}'`);
  await run(tagAs);
}

const quotes = (list: readonly { quote: string }[]): string[] => list.map((a) => a.quote).sort();

describe('Following a branch checkout in a real VS Code', () => {
  it('shows each branch its own annotations without a question, and asks naming the branch for unsaved coding', async () => {
    const coder = await api();
    const asked: string[] = [];
    coder.answerSidecarQuestions((message) => {
      asked.push(message);
      return Promise.resolve(undefined); // dismissed: memory is kept, nothing is written
    });
    const folder = workspaceUri(`it-branches-${Date.now()}`);
    const git = (...args: string[]): string =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], {
        cwd: folder.fsPath,
        encoding: 'utf8',
      });
    const uri = vscode.Uri.joinPath(folder, 'seminar.txt');
    const sidecar = sidecarOf(uri);
    await vscode.workspace.fs.createDirectory(folder);
    try {
      git('init', '-q', '-b', 'coder-a');
      await writeFile(uri, TEXT);
      git('add', '.');
      git('commit', '-q', '-m', 'the text');
      git('branch', 'coder-b');

      const doc = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(doc);
      await waitFor('the document tracked', () => coder.sidecarState(uri));
      await tag(doc, 'data sovereignty');
      const written = await waitFor("A's sidecar on disk", () => readFile(sidecar));
      // The file watcher coalesces a create quickly followed by a delete into nothing (a test is that quick, a
      // coder is not); a change it has reported, a memo written in another editor, shows it is past the create.
      await writeFile(sidecar, written.replace(/(\n {4}suffix: .*)/, '$1\n    memo: "A\'s note"'));
      await waitFor("A's memo read", () => coder.annotationsFor(uri).find((a) => a.memo === "A's note"));
      git('add', '.');
      git('commit', '-q', '-m', "A's coding");

      git('checkout', '-q', 'coder-b');
      await waitFor('no annotations on coder-b', () => (coder.annotationsFor(uri).length === 0 ? true : undefined));
      assert.equal(coder.sidecarState(uri)?.deletedOnDisk, false, 'nothing waits for a button');
      await tag(doc, 'digital borders');
      const onB = await waitFor("B's sidecar on disk", () => readFile(sidecar));
      assert.match(onB, /quote: "digital borders"/);
      assert.doesNotMatch(onB, /data sovereignty/, "A's decisions are not written onto B's branch");
      git('add', '.');
      git('commit', '-q', '-m', "B's coding");

      git('checkout', '-q', 'coder-a');
      await waitFor("A's annotations back", () =>
        quotes(coder.annotationsFor(uri)).join() === 'data sovereignty' ? true : undefined,
      );
      assert.deepEqual(asked, [], 'following the disk asked nothing');

      // typing inside A's coded span flags it in memory only (the text is not saved): unsaved coding
      const inside = rangeOf(doc, 'data sovereignty').start.translate(0, 4);
      await editor.edit((e) => e.insert(inside, ' (digital)'));
      await waitFor('the flag in memory', () =>
        coder.annotationsFor(uri)[0]?.status === 'needs-review' ? true : undefined,
      );
      git('checkout', '-q', 'coder-b');
      const question = await waitFor('the question', () => asked[0]);
      assert.match(question, /on branch 'coder-b'/, question);
      assert.equal(await readFile(sidecar), onB, "B's file on disk is left as B committed it");
      assert.equal(coder.annotationsFor(uri)[0]?.quote, 'data sovereignty', 'the unsaved coding is kept in memory');
      assert.match(git('status', '--porcelain'), /^$/, 'nothing was written in the working tree');
      await vscode.commands.executeCommand('workbench.action.files.revert');
    } finally {
      coder.answerSidecarQuestions(undefined);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(folder, { recursive: true });
    }
  });
});
