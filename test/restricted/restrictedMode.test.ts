/**
 * Restricted Mode in a real VS Code (issue 12): the folder (a copy of test/fixtures/restricted) is NOT trusted,
 * with workspace trust enabled. The extension must show the shipped codebook's cues and the annotations already
 * saved, must not read the workspace's codebook.yaml (its one frame, lantern-levy, never appears), and must
 * write nothing: tagging is refused, saving the text does not touch the sidecar, no new sidecar appears.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { CommandId } from '../../src/vscode/commandIds';
import { api, EXTENSION_ID, rangeOf, readFile, sidecarOf, waitFor, workspaceUri } from '../integration/helpers';

async function bytesOf(uri: vscode.Uri): Promise<Uint8Array | undefined> {
  try {
    return await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
    throw e;
  }
}

/** The fixture as it is in the repository, to prove that not even loading rewrote the workspace copy. */
function fixtureUri(...parts: string[]): vscode.Uri {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return vscode.Uri.joinPath(extension.extensionUri, 'test', 'fixtures', 'restricted', ...parts);
}

async function openText(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri('texts', name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

function span(doc: vscode.TextDocument, needle: string): { start: number; end: number } {
  const range = rangeOf(doc, needle);
  return { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
}

describe('Restricted Mode (an untrusted folder, workspace trust enabled)', () => {
  it('the folder is really untrusted, so the tests below mean something', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('shows cues with the shipped codebook and never reads the workspace codebook', async () => {
    const sovereigntyCoder = await api();
    assert.equal(
      sovereigntyCoder.codebookId(),
      'sovereignty',
      'the shipped codebook is in force, not restricted-fixture',
    );
    const doc = await openText('notice.txt');
    const cues = await waitFor('cue decorations', () => {
      const found = sovereigntyCoder.decorationsFor(doc.uri).filter((d) => d.kind === 'cue' && d.ranges.length > 0);
      return found.length >= 2 ? found : undefined;
    });
    const shown = cues.flatMap((c) => c.ranges.map((r) => `${doc.getText(r)} → ${c.frameId}`));
    assert.ok(shown.includes('digital borders → territory'), shown.join(', '));
    assert.ok(shown.includes('cyber sovereignty → non-interference'), shown.join(', '));
    assert.ok(
      !shown.some((s) => s.includes('lantern')),
      `the workspace codebook's frame or term appeared: ${shown.join(', ')}`,
    );
  });

  it('shows the annotations saved before, painted over their text', async () => {
    const sovereigntyCoder = await api();
    const doc = await openText('notice.txt');
    const painted = await waitFor('the saved annotation painted', () => {
      const found = sovereigntyCoder
        .decorationsFor(doc.uri)
        .filter((d) => d.kind === 'annotation')
        .flatMap((d) => d.ranges.map((r) => doc.getText(r)));
      return found.length > 0 ? found : undefined;
    });
    assert.deepEqual(painted, ['digital borders']);
    assert.deepEqual(
      sovereigntyCoder.annotationsFor(doc.uri).map((a) => [a.id, a.frame, a.memo]),
      [['arestrict01', 'territory', 'coded before the folder was shared']],
    );
  });

  it('refuses to tag, in a coded text and in an uncoded one, and writes no file', async () => {
    const sovereigntyCoder = await api();
    const coded = await openText('notice.txt');
    const added = await vscode.commands.executeCommand<number>(CommandId.applyTag, {
      uri: coded.uri.toString(),
      spans: [span(coded, 'cyber sovereignty')],
      frameId: 'non-interference',
    });
    assert.equal(added, 0, 'nothing was tagged');
    assert.equal(sovereigntyCoder.annotationsFor(coded.uri).length, 1, 'the store did not take the refused annotation');
    const uncoded = await openText('uncoded.txt');
    const none = await vscode.commands.executeCommand<number>(CommandId.applyTag, {
      uri: uncoded.uri.toString(),
      spans: [span(uncoded, 'cyber sovereignty')],
      frameId: 'non-interference',
    });
    assert.equal(none, 0);
    assert.equal(await readFile(sidecarOf(uncoded.uri)), undefined, 'no sidecar was created for the uncoded text');
  });

  it('saving an edited text moves the annotation in memory but leaves the sidecar byte for byte as it was', async () => {
    const sovereigntyCoder = await api();
    const doc = await openText('notice.txt');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document === doc);
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Notice. ')));
    await waitFor('the annotation moved with its text', () =>
      sovereigntyCoder.annotationsFor(doc.uri)[0]?.start === 21 + 'Notice. '.length ? true : undefined,
    );
    assert.ok(await doc.save(), 'VS Code saved the text itself');
    assert.deepEqual(
      sovereigntyCoder.sidecarState(doc.uri),
      { unsaved: true, readOnly: false, deletedOnDisk: false },
      'the move stays unsaved',
    );
    const onDisk = await bytesOf(sidecarOf(doc.uri));
    const fixture = await bytesOf(fixtureUri('texts', 'notice.txt.annotations.yaml'));
    assert.ok(onDisk && fixture);
    assert.deepEqual(Buffer.from(onDisk), Buffer.from(fixture), 'the sidecar on disk is the fixture, byte for byte');
    assert.equal(sovereigntyCoder.codebookId(), 'sovereignty');
  });

  it('is photographed with its cues, the saved annotation and the refusal message (when the harness takes screenshots)', async function () {
    const file = process.env['SOVCODER_SCREENSHOT'];
    if (file === undefined || file === '') this.skip(); // @vscode/test-electron runs have no harness to take one
    const sovereigntyCoder = await api();
    const doc = await openText('notice.txt');
    await waitFor('cues and the annotation painted', () =>
      sovereigntyCoder.decorationsFor(doc.uri).some((d) => d.kind === 'annotation' && d.ranges.length > 0)
        ? true
        : undefined,
    );
    assert.equal(
      await vscode.commands.executeCommand<number>(CommandId.applyTag, {
        uri: doc.uri.toString(),
        spans: [span(doc, 'lantern tariff')],
        frameId: 'territory',
      }),
      0,
    );
    // the notification list, since toasts are not shown while extension tests run
    await vscode.commands.executeCommand('notifications.showList');
    fs.rmSync(file, { force: true });
    console.log(`sovcoder-screenshot: ${file}`);
    await waitFor(`the screenshot ${file}`, () => (fs.existsSync(file) ? true : undefined));
  });
});
