/**
 * The candidates of a flagged annotation in a real VS Code (issues 12 and 18): a sidecar whose text was edited
 * so that the coded passage is placed for review beside an exact copy elsewhere; the hover lists both places
 * with line, excerpt and score and a "Move here" link; running the link's command moves the annotation there,
 * anchored, and writes it. And the figure the issue asks for: 10,000 annotations, one character typed at the
 * top, time from the edit to the store's new offsets and statuses.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { createAnnotation, type Annotation } from '../../src/core/annotations';
import { serializeSidecar } from '../../src/core/sidecar';
import { api, readFile, sidecarOf, waitFor, workspaceUri, writeFile } from './helpers';

const PIECE = 'the delegates agreed that cyber sovereignty must be respected by all parties to the treaty';
const ORIGINAL = `Morning session: ${PIECE}.\nAfternoon session, on budgets, went long.\nAppendix quoting it: ${PIECE}.\n`;
const EDITED = ORIGINAL.replace(
  'the delegates agreed that cyber sovereignty must be respected by all',
  'most delegates felt that cyber sovereignty should be respected by all',
);

function sidecarText(name: string, text: string, annotations: Annotation[]): string {
  return serializeSidecar({ version: 1, source: name, sourceHash: '', codebook: 'test-fixture', annotations }, text);
}

function hoverParts(hovers: readonly vscode.Hover[]): string[] {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')));
}

describe('Review choices in a real VS Code', () => {
  it('shows both candidates of a needs-review annotation in its hover, and moves it with "Move here"', async () => {
    const coder = await api();
    const start = ORIGINAL.indexOf('cyber sovereignty');
    const a = createAnnotation(ORIGINAL, start, start + 17, 'data-resource', 'bob', '2026-12-02', 'a00000000r1');
    const uri = workspaceUri('texts', 'it-review-choices.txt');
    await writeFile(sidecarOf(uri), sidecarText('it-review-choices.txt', ORIGINAL, [a]));
    await writeFile(uri, EDITED);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const flagged = await waitFor('the annotation placed for review', () =>
      coder.annotationsFor(uri).find((x) => x.id === a.id && x.status === 'needs-review'),
    );
    assert.equal(flagged.start, EDITED.indexOf('cyber sovereignty'), 'placed at the original, not at the copy');

    const at = doc.positionAt(flagged.start + 3);
    const parts = hoverParts(
      (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at)) ?? [],
    );
    const choices = parts.find((p) => p.includes('could be'));
    assert.ok(choices, `no candidates in the hover: ${parts.join('\n---\n')}`);
    assert.match(choices, /line 1: “cyber sovereignty” — score 0\.\d+ — \*placed here\*/);
    assert.match(
      choices,
      /line 3: “cyber sovereignty” — score 0\.9\d — \[Move here\]\(command:sovereigntyCoder\.moveAnnotationHere\?/,
    );

    const link = /\(command:sovereigntyCoder\.moveAnnotationHere\?([^ )]+)/.exec(choices)?.[1];
    assert.ok(link, 'the Move here link carries its arguments');
    const args = JSON.parse(decodeURIComponent(link)) as [string, string, number, number];
    const copy = EDITED.lastIndexOf('cyber sovereignty');
    assert.deepEqual(args, [uri.toString(), a.id, copy, copy + 17]);
    assert.equal(await vscode.commands.executeCommand('sovereigntyCoder.moveAnnotationHere', ...args), true);

    const moved = coder.annotationsFor(uri).find((x) => x.id === a.id);
    assert.deepEqual([moved?.start, moved?.status], [copy, undefined], 'moved to the copy, anchored');
    const onDisk = await waitFor('the move written', async () => {
      const yaml = await readFile(sidecarOf(uri));
      return yaml?.includes(`start: ${copy}`) ? yaml : undefined;
    });
    assert.doesNotMatch(onDisk, /needs-review/, 'the review flag is gone from the file');
    const after = hoverParts(
      (await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        uri,
        doc.positionAt(copy + 3),
      )) ?? [],
    );
    assert.ok(!after.some((p) => p.includes('could be')), 'an anchored annotation offers no choices');
    assert.equal(
      await vscode.commands.executeCommand('sovereigntyCoder.moveAnnotationHere', ...args.slice(0, 2), 0, 5),
      false,
      'a move onto text that does not fit is refused',
    );
  });

  it('moves 10,000 annotations when one character is typed at the top, and reports the time', async function () {
    this.timeout(120000);
    const coder = await api();
    const n = 10_000;
    const text = Array.from({ length: n }, (_, i) => `Line ${i} speaks of digital sovereignty ${i}.`).join('\n') + '\n';
    const annotations: Annotation[] = [];
    for (let i = 0, from = 0; i < n; i++) {
      const start = text.indexOf('digital sovereignty', from);
      annotations.push(
        createAnnotation(
          text,
          start,
          start + 19,
          'data-resource',
          'bob',
          '2026-12-02',
          `a${String(i).padStart(10, '0')}`,
        ),
      );
      from = start + 1;
    }
    const uri = workspaceUri('texts', 'it-ten-thousand.txt');
    await writeFile(sidecarOf(uri), sidecarText('it-ten-thousand.txt', text, annotations));
    await writeFile(uri, text);
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await waitFor(
      '10,000 annotations loaded',
      () => (coder.annotationsFor(uri).length === n ? true : undefined),
      60000,
    );

    let changedAt: number | undefined;
    const listener = coder.onDidChangeAnnotations((changed) => {
      if (changed.toString() === uri.toString()) changedAt ??= performance.now();
    });
    const editedAt = performance.now();
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'X'));
    const doneAt = await waitFor('the store moved', () => changedAt);
    listener.dispose();
    const list = coder.annotationsFor(uri);
    assert.equal(list.length, n);
    assert.ok(
      list.every((x, i) => x.start === (annotations[i]?.start ?? -1) + 1 && x.status === undefined),
      'every annotation one character on, none flagged',
    );
    const ms = doneAt - editedAt;
    console.log(`[measure] 10,000 annotations, 1 character typed at the top: store updated in ${ms.toFixed(1)} ms`);
    assert.ok(ms < 1000, `took ${ms.toFixed(0)} ms`);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
