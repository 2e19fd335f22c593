/**
 * The memo editor in a real VS Code: "Edit memo…" opens the memo as a document of its own showing the frame
 * and the quote; a memo of several lines typed there and saved lands in the sidecar as a block scalar, and
 * comes back unchanged in the hover and in the CSV export.
 */
import * as assert from 'node:assert/strict';
import { parse as parseCsv } from 'csv-parse/sync';
import * as vscode from 'vscode';
import { CommandId } from '../../src/vscode/commandIds';
import { MEMO_SEPARATOR } from '../../src/vscode/memoEditor';
import { MEMO_SCHEME } from '../../src/vscode/memoScheme';
import { api, openFixture, rangeOf, readFile, sidecarOf, waitFor, workspaceUri } from './helpers';

const TEXT = 'A memo test text, written for the tests.\nThe envoy spoke of data sovereignty twice.\n';
const MEMO = [
  'Data is framed as something a state owns.',
  '',
  'Compare the envoy\'s earlier speech: "guard" vs "share".',
].join('\n');

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')))
    .join('\n');
}

describe('The memo editor', () => {
  it('opens a memo with frame and quote, saves several lines back, and shows them in hover and export', async () => {
    const coder = await api();
    const { doc } = await openFixture('it-memo.txt', TEXT);
    await waitFor('cues', () => (coder.decorationsFor(doc.uri).some((d) => d.kind === 'cue') ? true : undefined));
    const quoted = rangeOf(doc, 'data sovereignty');
    const added = await vscode.commands.executeCommand<number>(CommandId.applyTag, {
      uri: doc.uri.toString(),
      spans: [{ start: doc.offsetAt(quoted.start), end: doc.offsetAt(quoted.end) }],
      frameId: 'data-resource',
    });
    assert.equal(added, 1);
    const id = coder.annotationsFor(doc.uri)[0]?.id ?? '';

    assert.equal(await vscode.commands.executeCommand(CommandId.editMemo, doc.uri.toString(), id), true);
    const editor = await waitFor('the memo editor', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.scheme === MEMO_SCHEME ? active : undefined;
    });
    const shown = editor.document.getText();
    assert.match(shown, /frame: Data as a resource \(data-resource\)/);
    assert.match(shown, /Quote \(texts\/it-memo\.txt, line 2\): “data sovereignty”/);
    assert.match(editor.document.uri.path, /Memo on ‘data sovereignty’\.md$/);

    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    assert.ok(await editor.edit((e) => e.insert(end, MEMO)));
    assert.ok(await editor.document.save(), 'the memo document saves');
    assert.equal(coder.annotationsFor(doc.uri)[0]?.memo, MEMO);
    const sidecar = await waitFor('the memo in the sidecar', async () => {
      const text = await readFile(sidecarOf(doc.uri));
      return text?.includes('memo: |-') ? text : undefined;
    });
    assert.match(sidecar, /memo: \|-\n {6}Data is framed as something a state owns\.\n\n {6}Compare the envoy's/);

    const hover = hoverText(
      (await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        doc.uri,
        quoted.start.translate(0, 2),
      )) ?? [],
    );
    // as rendered: Markdown escapes undone
    const rendered = hover.replace(/\\([^\w\s])/g, '$1');
    assert.ok(
      rendered.includes("Data is framed as something a state owns.\n\n\n\nCompare the envoy's earlier speech"),
      rendered,
    );

    const target = workspaceUri('it-memo-export.csv');
    await vscode.commands.executeCommand(CommandId.exportCsv, target);
    const rows = parseCsv<Record<string, string>>((await readFile(target)) ?? '', { columns: true });
    // other tests' texts are exported too: this one's row holds the memo exactly, line breaks included
    assert.ok(
      rows.some((r) => r['quote'] === 'data sovereignty' && r['memo'] === MEMO),
      JSON.stringify(rows.map((r) => r['memo'])),
    );

    // emptied and saved, the memo is removed
    const all = new vscode.Range(
      editor.document.lineAt(editor.document.getText().split('\n').indexOf(MEMO_SEPARATOR) + 1).range.start,
      editor.document.lineAt(editor.document.lineCount - 1).range.end,
    );
    assert.ok(await editor.edit((e) => e.delete(all)));
    assert.ok(await editor.document.save());
    assert.equal(coder.annotationsFor(doc.uri)[0]?.memo, undefined);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
