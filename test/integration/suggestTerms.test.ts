/**
 * *Suggest Cue Terms from Coded Segments* in a real VS Code: a phrase that recurs in two segments coded with a
 * frame, and that no cue finds, is added to the workspace codebook as one new line of that frame's terms; the
 * codebook is reloaded and the new cue is painted in the text at once. A term that is not among the suggestions
 * is refused and the codebook left as it was. (The coder picks the terms in a multi-select list; the command
 * also takes them as an argument, which is how this test chooses.)
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandId } from '../../src/vscode/commandIds';
import { api, readFile, removeBrokenSidecars, waitFor, workspaceUri, writeFile } from './helpers';

const FIRST = 'The national cloud quota keeps the records at home.';
const SECOND = 'A national cloud quota for every ministry was announced.';
const TEXT = `${FIRST}\n\n${SECOND}\n`;

describe('Suggest Cue Terms from Coded Segments', () => {
  it('adds a recurring phrase of a frame to the workspace codebook, which finds it at once', async function () {
    this.timeout(60000);
    const coder = await api();
    // the command reads every sidecar and refuses while one is broken (other tests leave some on purpose)
    await removeBrokenSidecars();
    const codebookUri = workspaceUri('codebook.yaml');
    const before = (await readFile(codebookUri)) ?? '';
    const uri = workspaceUri('texts', 'suggest-terms.txt');
    await writeFile(uri, TEXT);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    for (const quote of [FIRST, SECOND]) {
      const start = TEXT.indexOf(quote);
      await vscode.commands.executeCommand(CommandId.applyTag, {
        uri: uri.toString(),
        spans: [{ start, end: start + quote.length }],
        frameId: 'data-resource',
      });
    }
    await waitFor('two coded segments', () => (coder.annotationsFor(uri).length === 2 ? true : undefined));
    try {
      await vscode.commands.executeCommand('sovereigntyCoder.suggestCueTerms', ['no such phrase']);
      assert.equal(await readFile(codebookUri), before, 'a term that is not suggested is refused');
      await vscode.commands.executeCommand('sovereigntyCoder.suggestCueTerms', ['national cloud quota']);
      const after = (await readFile(codebookUri)) ?? '';
      const added = after.split('\n').filter((line) => !before.split('\n').includes(line));
      assert.deepEqual(added, ['      - national cloud quota'], "one line, in the frame's terms");
      const cue = await waitFor('the new cue painted in the text', () =>
        coder
          .decorationsFor(uri)
          .find((d) => d.kind === 'cue' && d.frameId === 'data-resource' && d.ranges.length === 2),
      );
      assert.deepEqual(
        cue.ranges.map((r) => r.start.line),
        [0, 2],
      );
    } finally {
      await writeFile(codebookUri, before);
      await vscode.commands.executeCommand(CommandId.reloadCodebook);
    }
  });
});
