/**
 * The coding flow in a real VS Code: undo and redo of tagging, removal, memo and bulk tagging, reaching the
 * sidecar on disk; the text's own undo still undoing typing (and a coding undo key pressed after typing handed
 * to it); the review walk over a bulk tag (next/previous with wrapping, the status bar, accept and reject from
 * the lightbulb); and the coding actions under our own code action kind.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SovereigntyCoderApi } from '../../src/extension';
import { api, codeActions, openFixture, rangeOf, readFile, run, sidecarOf, waitFor } from './helpers';

const TEXT = [
  'Minutes of a regional meeting (written for the tests)',
  '',
  'One speaker defended digital borders as a matter of data sovereignty.',
  'Another asked who would police digital borders, and a third doubted that digital borders exist at all.',
  '',
].join('\n');

const UNDO = 'sovereigntyCoder.undoCoding';
const REDO = 'sovereigntyCoder.redoCoding';

async function sidecarWhere(doc: vscode.TextDocument, what: string, test: (text: string) => boolean): Promise<string> {
  return waitFor(what, async () => {
    const text = await readFile(sidecarOf(doc.uri));
    return text !== undefined && test(text) ? text : undefined;
  });
}

async function cuesPainted(coder: SovereigntyCoderApi, doc: vscode.TextDocument): Promise<void> {
  await waitFor('cues', () => (coder.decorationsFor(doc.uri).some((d) => d.kind === 'cue') ? true : undefined));
}

async function tagFirst(coder: SovereigntyCoderApi, doc: vscode.TextDocument, needle: string): Promise<string> {
  const tag = (await codeActions(doc.uri, rangeOf(doc, needle))).find((a) => a.title.startsWith('Tag as '));
  assert.ok(tag, `no "Tag as" on '${needle}'`);
  await run(tag);
  const a = await waitFor('the annotation', () => coder.annotationsFor(doc.uri).find((x) => x.quote === needle));
  await sidecarWhere(doc, 'the tag on disk', (t) => t.includes(a.id));
  return a.id;
}

describe('Coding flow: undo and redo', () => {
  it('undoes a tag (the sidecar loses it) and redoes it (the same decision comes back)', async () => {
    const coder = await api();
    const { doc } = await openFixture('it-undo-tag.txt', TEXT);
    const id = await tagFirst(coder, doc, 'data sovereignty');
    const state = coder.codingHistory(doc);
    assert.equal(state.undoable, true, 'Ctrl+Z reaches the tag right after tagging');
    assert.match(state.undo ?? '', /^tag 'data sovereignty' as /);

    assert.equal(await vscode.commands.executeCommand(UNDO), true);
    await sidecarWhere(doc, 'the sidecar without the tag', (t) => !t.includes(id) && /annotations: \[\]/.test(t));
    assert.equal(coder.annotationsFor(doc.uri).length, 0);
    assert.equal(coder.codingHistory(doc).redoable, true);

    assert.equal(await vscode.commands.executeCommand(REDO), true);
    await sidecarWhere(doc, 'the tag back on disk', (t) => t.includes(`id: ${id}`));
    assert.deepEqual(
      coder.annotationsFor(doc.uri).map((a) => a.id),
      [id],
    );
  });

  it("leaves the text's own undo to typing: Ctrl+Z after typing undoes the typing, the tag stays", async () => {
    const coder = await api();
    const { doc, editor } = await openFixture('it-undo-typing.txt', TEXT);
    const id = await tagFirst(coder, doc, 'data sovereignty');
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Draft. '));
    await waitFor('the coding undo key off after typing', () => (coder.codingHistory(doc).undoable ? undefined : true));
    // the key press as the keybinding sends it: the text changed since the tag, so it is the text's undo
    await vscode.commands.executeCommand(UNDO, { viaKeybinding: true });
    await waitFor('the typing undone', () => (doc.getText() === TEXT ? true : undefined));
    assert.deepEqual(
      coder.annotationsFor(doc.uri).map((a) => a.id),
      [id],
      'the tag is still there',
    );
    assert.match((await readFile(sidecarOf(doc.uri))) ?? '', new RegExp(`id: ${id}`));
  });

  it('undoes a removal, putting the same annotation back on disk', async () => {
    const coder = await api();
    const { doc } = await openFixture('it-undo-remove.txt', TEXT);
    const id = await tagFirst(coder, doc, 'data sovereignty');
    const inside = rangeOf(doc, 'data sovereignty').start.translate(0, 2);
    const remove = (await codeActions(doc.uri, new vscode.Range(inside, inside))).find((a) =>
      a.title.startsWith('Remove annotation'),
    );
    assert.ok(remove);
    await run(remove);
    await sidecarWhere(doc, 'the removal on disk', (t) => !t.includes(id));
    assert.match(coder.codingHistory(doc).undo ?? '', /^remove 'data sovereignty'/);
    await vscode.commands.executeCommand(UNDO, { viaKeybinding: true });
    await sidecarWhere(doc, 'the annotation back', (t) => t.includes(`id: ${id}`));
  });

  it('undoes a memo, and a bulk tag as one step', async () => {
    const coder = await api();
    const { doc, editor } = await openFixture('it-undo-memo.txt', TEXT);
    const id = await tagFirst(coder, doc, 'data sovereignty');
    await vscode.commands.executeCommand('sovereigntyCoder.editMemo', doc.uri.toString(), id, 'framed as a right');
    await sidecarWhere(doc, 'the memo on disk', (t) => t.includes('framed as a right'));
    await vscode.commands.executeCommand(UNDO);
    await sidecarWhere(doc, 'the memo gone', (t) => !t.includes('framed as a right') && t.includes(id));

    await cuesPainted(coder, doc);
    const at = rangeOf(doc, 'digital borders').start.translate(0, 2);
    editor.selection = new vscode.Selection(at, at);
    const added = await vscode.commands.executeCommand<number>('sovereigntyCoder.tagAllOccurrences');
    assert.equal(added, 3);
    await sidecarWhere(doc, 'three to review on disk', (t) => t.match(/status: needs-review/g)?.length === 3);
    await vscode.commands.executeCommand(UNDO);
    await sidecarWhere(doc, 'the bulk tag undone at once', (t) => !t.includes('needs-review') && t.includes(id));
  });
});

describe('Coding flow: the review walk', () => {
  it('walks a bulk tag: next/previous wrap, the status bar counts, accept and reject from the lightbulb', async () => {
    const coder = await api();
    const { doc, editor } = await openFixture('it-review.txt', TEXT);
    await cuesPainted(coder, doc);
    const at = rangeOf(doc, 'digital borders').start.translate(0, 2);
    editor.selection = new vscode.Selection(at, at);
    assert.equal(await vscode.commands.executeCommand<number>('sovereigntyCoder.tagAllOccurrences'), 3);
    const order = coder
      .annotationsFor(doc.uri)
      .filter((a) => a.status === 'needs-review')
      .map((a) => a.id);
    assert.equal(order.length, 3, JSON.stringify(coder.annotationsFor(doc.uri)));

    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const walked: string[] = [];
    for (let i = 0; i < 4; i++)
      walked.push(await vscode.commands.executeCommand<string>('sovereigntyCoder.nextReview'));
    assert.deepEqual(walked, [...order, order[0]], 'next goes in text order and wraps to the first');
    assert.equal(
      await vscode.commands.executeCommand<string>('sovereigntyCoder.previousReview'),
      order[2],
      'wraps back',
    );
    assert.equal(doc.getText(editor.selection), 'digital borders');
    await waitFor('the status bar at 3 of 3', () =>
      coder.reviewStatus().endsWith('review 3 of 3') ? true : undefined,
    );

    const inside = editor.selection.start.translate(0, 1);
    const actions = await codeActions(doc.uri, new vscode.Range(inside, inside));
    const accept = actions.find((a) => a.title.startsWith("Accept 'digital borders' as "));
    const reject = actions.find((a) => a.title.startsWith("Reject 'digital borders'"));
    assert.ok(accept && reject, actions.map((a) => a.title).join(' | '));
    assert.match(accept.title, /\(review 3 of 3\)$/);
    await run(accept);
    await waitFor('the third accepted', () =>
      coder.annotationsFor(doc.uri).find((a) => a.id === order[2] && a.status === undefined),
    );
    await waitFor('the walk moved on to the first', () =>
      coder.reviewStatus().endsWith('review 1 of 2') ? true : undefined,
    );

    await vscode.commands.executeCommand('sovereigntyCoder.rejectReview');
    await sidecarWhere(doc, 'the first rejected on disk', (t) => !t.includes(order[0]));
    assert.deepEqual(
      coder
        .annotationsFor(doc.uri)
        .filter((a) => a.status === 'needs-review')
        .map((a) => a.id),
      [order[1]],
    );
    await vscode.commands.executeCommand(UNDO);
    await sidecarWhere(doc, 'the rejection undone', (t) => t.includes(order[0]));
  });
});

describe('Coding flow: the lightbulb', () => {
  it('offers every coding action under our own kind, none under Quick Fix', async () => {
    const coder = await api();
    const { doc } = await openFixture('it-kind.txt', TEXT);
    await tagFirst(coder, doc, 'data sovereignty');
    const inside = rangeOf(doc, 'data sovereignty').start.translate(0, 2);
    const ours = (await codeActions(doc.uri, new vscode.Range(inside, inside))).filter((a) =>
      a.command?.command.startsWith('sovereigntyCoder.'),
    );
    assert.ok(ours.length >= 4, ours.map((a) => a.title).join(' | '));
    for (const a of ours) {
      assert.ok(a.kind && vscode.CodeActionKind.Empty.append('sovereigntyCoder').contains(a.kind), a.title);
      assert.equal(vscode.CodeActionKind.QuickFix.contains(a.kind), false, a.title);
    }
    const only = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      new vscode.Range(inside, inside),
      'sovereigntyCoder.annotation',
    );
    assert.ok(only.length >= 3 && only.every((a) => a.kind?.value === 'sovereigntyCoder.annotation'));
  });
});
