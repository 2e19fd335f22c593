/**
 * *Compare Coders…* in a real VS Code: two coders' annotations in one sidecar (cleo and dmitri, whom no other test
 * names: the text stays in the shared workspace, where the agreement tests compare their own coders), their
 * disagreements in the Disagreements tree, one opened with both coders' spans painted, the decisions at the
 * cursor, resolved as Accept A (the consensus annotation lands in the sidecar with its provenance memo, and Undo
 * takes it out), Keep Both, Neither, and the agreements accepted in one go, after which the text carries the
 * consensus coder's done mark.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { createAnnotation } from '../../src/core/annotations';
import { parseSidecar, serializeSidecar } from '../../src/core/sidecar';
import { api, codeActions, readFile, sidecarOf, waitFor, workspaceUri, writeFile } from './helpers';

const TEXT = [
  'Notes on the harbour hearing (written for the adjudication tests).',
  'The minister spoke of digital borders for the port.',
  'A delegate wanted data sovereignty rules, and 数据主权 for the ships.',
  'Nobody mentioned the sovereign internet again.',
  '',
].join('\n');

function tag(coder: string, frame: string, quote: string, n: number) {
  const start = TEXT.indexOf(quote);
  assert.ok(start >= 0, quote);
  return createAnnotation(TEXT, start, start + quote.length, frame, coder, '2026-12-01', `a00000000e${n}`);
}

async function consensusIn(uri: vscode.Uri) {
  const parsed = parseSidecar((await readFile(sidecarOf(uri))) ?? '', 'sidecar');
  return (parsed.sidecar?.annotations ?? []).filter((a) => a.coder === 'consensus');
}

describe('Compare Coders in a real VS Code', () => {
  it('lists the disagreements, paints both coders, and writes Accept A, Keep Both and Neither as the consensus', async () => {
    const extension = await api();
    const uri = workspaceUri('texts', 'it-adjudication.txt');
    await writeFile(uri, TEXT);
    const annotations = [
      tag('cleo', 'digital-territory', 'digital borders', 1),
      tag('dmitri', 'digital-territory', 'digital borders', 2), // agreement
      tag('cleo', 'data-resource', 'data sovereignty rules', 3),
      tag('dmitri', 'digital-territory', 'data sovereignty rules', 4), // frames differ
      tag('dmitri', 'data-resource', '数据主权', 5), // only dmitri
      tag('cleo', 'digital-territory', 'sovereign internet', 6), // only cleo
    ];
    await writeFile(
      sidecarOf(uri),
      serializeSidecar(
        { version: 1, source: 'it-adjudication.txt', sourceHash: '', codebook: 'test-fixture', annotations },
        TEXT,
      ),
    );
    const started = await vscode.commands.executeCommand<boolean>('sovereigntyCoder.compareCoders', 'cleo', 'dmitri');
    assert.equal(started, true);
    const listed = await waitFor('the disagreements of the text', () => {
      const mine = extension.adjudication.listed().filter((d) => d.path === 'texts/it-adjudication.txt');
      return mine.length === 3 ? mine : undefined;
    });
    assert.deepEqual(
      listed.map((d) => [d.kind, d.resolution]),
      [
        ['frames-differ', undefined],
        ['only-b', undefined],
        ['only-a', undefined],
      ],
    );
    const lines = extension.adjudication.lines();
    assert.ok(lines.includes('texts/it-adjudication.txt (3 open of 3)'), lines.join('\n'));

    // selecting one opens the text with both coders' spans
    await vscode.commands.executeCommand(
      'sovereigntyCoder.adjudication.open',
      'texts/it-adjudication.txt',
      listed[0].id,
    );
    const painted = await waitFor('both coders painted', () => {
      const spans = extension.adjudication.paintedOn(uri);
      return spans.length === 2 ? spans : undefined;
    });
    assert.deepEqual(
      painted.map((s) => [s.coder, TEXT.slice(s.start, s.end)]),
      [
        ['a', 'data sovereignty rules'],
        ['b', 'data sovereignty rules'],
      ],
    );
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());

    // the decisions at the cursor, beside the tree's inline actions
    const doc = await vscode.workspace.openTextDocument(uri);
    const at = doc.positionAt(TEXT.indexOf('data sovereignty rules') + 3);
    const offered = (await codeActions(uri, new vscode.Range(at, at)))
      .map((a) => a.title)
      .filter((t) => t.startsWith('Adjudicate'));
    assert.deepEqual(offered, [
      'Adjudicate “data sovereignty rules” (frames differ): accept cleo — Data as a resource',
      'Adjudicate “data sovereignty rules” (frames differ): accept dmitri — Digital territory',
      'Adjudicate “data sovereignty rules” (frames differ): keep both',
      'Adjudicate “data sovereignty rules” (frames differ): neither',
    ]);

    // Accept A: a consensus copy of cleo's coding, with who decided in its memo
    const accepted = await vscode.commands.executeCommand<boolean>(
      'sovereigntyCoder.adjudication.acceptA',
      'texts/it-adjudication.txt',
      listed[0].id,
    );
    assert.equal(accepted, true);
    const [copy] = await waitFor('the consensus annotation in the sidecar', async () => {
      const c = await consensusIn(uri);
      return c.length === 1 ? c : undefined;
    });
    assert.equal(copy.frame, 'data-resource');
    assert.equal(copy.quote, 'data sovereignty rules');
    assert.match(
      copy.memo ?? '',
      new RegExp(`^Adjudicated ${listed[0].id} by .+: accept cleo over dmitri \\(frames differ\\)`),
    );
    await waitFor('the tree to show it resolved', () =>
      extension.adjudication.listed().find((d) => d.id === listed[0].id)?.resolution === 'accept-a' ? true : undefined,
    );

    // undoable like every coding change
    await vscode.commands.executeCommand('sovereigntyCoder.undoCoding', undefined, uri.toString());
    await waitFor('the undo to take it out', async () => ((await consensusIn(uri)).length === 0 ? true : undefined));
    await vscode.commands.executeCommand('sovereigntyCoder.redoCoding', undefined, uri.toString());
    await waitFor('the redo to put it back', async () => ((await consensusIn(uri)).length === 1 ? true : undefined));

    // Keep Both on a span only dmitri has is accepting dmitri; Neither on cleo's leaves nothing and counts as resolved
    await vscode.commands.executeCommand(
      'sovereigntyCoder.adjudication.keepBoth',
      'texts/it-adjudication.txt',
      listed[1].id,
    );
    await vscode.commands.executeCommand(
      'sovereigntyCoder.adjudication.neither',
      'texts/it-adjudication.txt',
      listed[2].id,
    );
    await waitFor('every disagreement resolved', () => {
      const now = extension.adjudication.listed().filter((d) => d.path === 'texts/it-adjudication.txt');
      return now.every((d) => d.resolution !== undefined) ? now : undefined;
    });
    assert.deepEqual(
      (await consensusIn(uri)).map((a) => a.quote),
      ['data sovereignty rules', '数据主权'],
    );

    // the agreement in one go; then the text is adjudicated: the consensus coder's done mark
    const added = await vscode.commands.executeCommand<number>('sovereigntyCoder.adjudication.acceptAgreements');
    assert.ok(added >= 1, `agreements copied: ${added}`);
    const done = await waitFor('the done mark of the consensus', async () => {
      const parsed = parseSidecar((await readFile(sidecarOf(uri))) ?? '', 'sidecar');
      return parsed.sidecar?.done?.includes('consensus') ? parsed.sidecar : undefined;
    });
    const consensus = done.annotations.filter((a) => a.coder === 'consensus');
    assert.deepEqual(
      consensus.map((a) => a.quote),
      ['digital borders', 'data sovereignty rules', '数据主权'],
    );
    assert.match(consensus[0].memo ?? '', /^Agreed by cleo and dmitri; copied by /);
    // run again: nothing more
    assert.equal(await vscode.commands.executeCommand<number>('sovereigntyCoder.adjudication.acceptAgreements'), 0);
  });

  it('refuses a coder named twice without writing anything', async () => {
    await api();
    const started = await vscode.commands.executeCommand<boolean>('sovereigntyCoder.compareCoders', 'cleo', 'cleo');
    assert.equal(started, false);
  });
});
