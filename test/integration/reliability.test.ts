/** Reliability cases that need a real VS Code: a sidecar deleted on disk while loaded (case 11). */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  api,
  codeActions,
  openFixture,
  rangeOf,
  readFile,
  removeBrokenSidecars,
  run,
  sidecarOf,
  waitFor,
  workspaceUri,
  writeFile,
} from './helpers';

const TEXT =
  'A note on a forum (written for the tests).\n\nThe envoy spoke of a sovereign internet and of data sovereignty.\n';

describe('Reliability in a real VS Code', () => {
  it('does not recreate a sidecar deleted on disk under unsaved coding, and keeps it in memory (case 11)', async () => {
    const coder = await api();
    const { doc, editor } = await openFixture('it-deleted.txt', TEXT);
    await run(
      (await codeActions(doc.uri, rangeOf(doc, 'sovereign internet'))).find((a) =>
        a.title.startsWith('Tag as '),
      ) as vscode.CodeAction,
    );
    const written = await waitFor('sidecar written', () => readFile(sidecarOf(doc.uri)));
    // The file watcher coalesces a create quickly followed by a delete into nothing; a change it has reported
    // (a memo added on disk, as another editor would) shows the watcher is past the create before we delete.
    await writeFile(
      sidecarOf(doc.uri),
      written.replace(/quote: "sovereign internet"/, 'quote: "sovereign internet"\n    memo: "from another editor"'),
    );
    await waitFor('the memo reloaded', () =>
      coder.annotationsFor(doc.uri).find((a) => a.memo === 'from another editor'),
    );
    // typing inside the coded span flags it in memory only: coding the file on disk does not have
    await editor.edit((b) => b.insert(rangeOf(doc, 'sovereign internet').start.translate(0, 3), '-'));
    await waitFor('the flag in memory', () => (coder.sidecarState(doc.uri)?.unsaved ? true : undefined));
    await vscode.workspace.fs.delete(sidecarOf(doc.uri));
    await waitFor('the store sees the deletion', () =>
      coder.sidecarState(doc.uri)?.deletedOnDisk === true ? true : undefined,
    );

    // typing, saving and coding again must not silently bring the file back
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Edited. '));
    await doc.save();
    await run(
      (await codeActions(doc.uri, rangeOf(doc, 'data sovereignty'))).find((a) =>
        a.title.startsWith('Tag as '),
      ) as vscode.CodeAction,
    );
    assert.equal(await readFile(sidecarOf(doc.uri)), undefined, 'the deleted sidecar was not recreated');
    assert.deepEqual(
      coder.annotationsFor(doc.uri).map((a) => a.quote),
      ['sovereign internet', 'data sovereignty'],
      'both decisions are kept in memory',
    );
    assert.equal(coder.sidecarState(doc.uri)?.unsaved, true, 'and marked unsaved until the user restores the file');

    // an export still holds them: the coding is in memory even though its file is gone
    await removeBrokenSidecars(); // other tests' deliberately broken sidecars would stop the export
    const target = workspaceUri('after-delete.csv');
    await vscode.commands.executeCommand('sovereigntyCoder.exportCsv', target);
    const csv = (await readFile(target)) ?? '';
    assert.match(csv, /"texts\/it-deleted\.txt","[a-z0-9]+","[^"]+","[^"]*","[^"]*","yes","sovereign internet"/);
    assert.match(csv, /"data sovereignty"/);
  });
});
