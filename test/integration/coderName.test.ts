/**
 * Confirming the coder's name in a real VS Code: without the setting, the first coding asks once, with the
 * name Git gives (else the OS user's), keeps the answer in the user setting and signs the annotation with it;
 * cancelling codes nothing. The harness's user settings name a coder; this test clears and restores it.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { userInfo } from 'node:os';
import * as vscode from 'vscode';
import { api, codeActions, openFixture, rangeOf, run, waitFor, workspaceUri } from './helpers';

const TEXT = 'A short note: the minister spoke of data sovereignty and of digital borders.\n';

function nameFromGitOrOs(): string {
  try {
    const name = execFileSync('git', ['config', 'user.name'], { cwd: workspaceUri().fsPath, encoding: 'utf8' }).trim();
    if (name) return name;
  } catch {
    // no user.name configured (git exits 1): the OS user's name is the suggestion, as in coderIdentity.ts
  }
  return userInfo().username;
}

async function tagFirst(doc: vscode.TextDocument, quote: string): Promise<void> {
  const tagAs = (await codeActions(doc.uri, rangeOf(doc, quote))).find((a) => a.title.startsWith('Tag as '));
  assert.ok(tagAs, `a "Tag as …" action on '${quote}'`);
  await run(tagAs);
}

describe("Confirming the coder's name in a real VS Code", () => {
  it('asks once on the first coding, prefilled from Git, and keeps the answer in the user setting', async () => {
    const coder = await api();
    const settings = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('sovereigntyCoder');
    const before = settings().inspect<string>('coder')?.globalValue;
    const asked: { suggested: string; source: string }[] = [];
    let answer: string | undefined;
    coder.useCoderPrompt((suggested, source) => {
      asked.push({ suggested, source });
      return Promise.resolve(answer);
    });
    try {
      await settings().update('coder', undefined, vscode.ConfigurationTarget.Global);
      await waitFor('the name without the setting', () =>
        coder.coderIdentity().source !== 'setting' ? true : undefined,
      );
      const { doc } = await openFixture('it-coder-name.txt', TEXT);
      await waitFor('the document tracked', () => coder.sidecarState(doc.uri));

      answer = undefined; // the coder cancels: nothing is coded, nothing is stored
      await tagFirst(doc, 'data sovereignty');
      assert.equal(asked.length, 1);
      assert.deepEqual(coder.annotationsFor(doc.uri), []);
      assert.equal(settings().inspect<string>('coder')?.globalValue, undefined);

      answer = '  Dana Coder  ';
      await tagFirst(doc, 'data sovereignty');
      assert.equal(asked.length, 2);
      assert.equal(asked[1]?.suggested, nameFromGitOrOs());
      assert.match(asked[1]?.source ?? '', /^(git|os)$/);
      assert.equal(coder.annotationsFor(doc.uri)[0]?.coder, 'Dana Coder');
      assert.equal(settings().inspect<string>('coder')?.globalValue, 'Dana Coder', 'saved in the user setting');

      await tagFirst(doc, 'digital borders');
      assert.equal(asked.length, 2, 'asked once');
      assert.deepEqual(
        coder.annotationsFor(doc.uri).map((a) => a.coder),
        ['Dana Coder', 'Dana Coder'],
      );
    } finally {
      coder.useCoderPrompt(undefined);
      await settings().update('coder', before, vscode.ConfigurationTarget.Global);
      await waitFor('the harness coder back', () =>
        coder.coderIdentity().name === (before ?? coder.coderIdentity().name) ? true : undefined,
      );
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});
