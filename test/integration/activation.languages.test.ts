/**
 * A language named only in `sovereigntyCoder.languages` (LaTeX here) is coded like plain text: its cues are
 * painted and a tag writes its sidecar. No activation event names such a language, which is why the
 * extension also activates on `onStartupFinished` and lets `isCodedDocument` decide per document.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, readFile, sidecarOf, waitFor, workspaceUri, writeFile } from './helpers';

describe('Activation: a language named only in the setting', () => {
  const uri = workspaceUri('texts', 'seminar-notes.tex');
  const settings = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('sovereigntyCoder');

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await settings().update('languages', undefined, vscode.ConfigurationTarget.Workspace);
    // either file may not exist when the test failed early: nothing to remove then
    for (const file of [uri, sidecarOf(uri)]) await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
  });

  it('paints cues in a LaTeX file once the setting names latex, and tags it', async () => {
    const coder = await api();
    await settings().update('languages', ['plaintext', 'markdown', 'latex'], vscode.ConfigurationTarget.Workspace);
    await writeFile(uri, '\\section{Notes}\nThe seminar asked who may draw digital borders.\n');
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.languageId, 'latex');
    await vscode.window.showTextDocument(doc);

    const cues = await waitFor('cues in the LaTeX file', () => {
      const found = coder.decorationsFor(uri).filter((d) => d.kind === 'cue' && d.ranges.length > 0);
      return found.length > 0 ? found : undefined;
    });
    const texts = cues.flatMap((c) => c.ranges.map((r) => doc.getText(r).toLowerCase()));
    assert.ok(texts.includes('digital borders'), `cue texts were: ${texts.join(', ')}`);

    const start = doc.getText().indexOf('digital borders');
    const added = await vscode.commands.executeCommand<number>('sovereigntyCoder.applyTag', {
      uri: uri.toString(),
      spans: [{ start, end: start + 'digital borders'.length }],
      frameId: cues[0]?.frameId ?? '',
    });
    assert.equal(added, 1);
    const sidecar = await waitFor('the sidecar of the LaTeX file', () => readFile(sidecarOf(uri)));
    assert.match(sidecar, /digital borders/);
  });
});
