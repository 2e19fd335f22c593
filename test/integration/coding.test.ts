/**
 * The coder's loop in a real VS Code: cues painted, code actions offered, tagging written to the sidecar,
 * annotations shown again after reopening, removed, moved by typing; a broken sidecar reported and untouched.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  api,
  codeActions,
  openFixture,
  rangeOf,
  readFile,
  run,
  sidecarOf,
  waitFor,
  workspaceUri,
  writeFile,
} from './helpers';

const TEXT = [
  'Notes on a policy forum (written for the tests)',
  '',
  'The delegate warned that digital borders would follow the new data sovereignty rules.',
  'Later she praised a sovereign internet for the region, and then spoke of digital borders again.',
  '',
].join('\n');

describe('Coding in a real VS Code', () => {
  it('paints cue decorations for codebook terms', async () => {
    const coder = await api();
    const { doc } = await openFixture('it-cues.txt', TEXT);
    const cues = await waitFor('cue decorations', () => {
      const found = coder.decorationsFor(doc.uri).filter((d) => d.kind === 'cue');
      return found.length >= 2 ? found : undefined;
    });
    const texts = cues.flatMap((c) => c.ranges.map((r) => doc.getText(r)));
    assert.deepEqual([...texts].sort(), [
      'data sovereignty',
      'digital borders',
      'digital borders',
      'sovereign internet',
    ]);
  });

  it('offers the tag actions on a selection and writes the sidecar when one runs', async () => {
    const coder = await api();
    const { doc } = await openFixture('it-tag.txt', TEXT);
    await waitFor('cues', () => (coder.decorationsFor(doc.uri).some((d) => d.kind === 'cue') ? true : undefined));
    const range = rangeOf(doc, 'data sovereignty rules');
    const actions = await codeActions(doc.uri, range);
    const titles = actions.map((a) => a.title);
    const tagAs = actions.find((a) => a.title.startsWith('Tag as '));
    assert.ok(tagAs, `no "Tag as …" action among: ${titles.join(' | ')}`);
    assert.ok(titles.includes('Tag with frame…'), titles.join(' | '));

    await run(tagAs);
    const sidecar = await waitFor('the sidecar on disk', () => readFile(sidecarOf(doc.uri)));
    assert.match(sidecar, /quote: "data sovereignty rules"/);
    const annotations = coder.annotationsFor(doc.uri);
    assert.equal(annotations.length, 1);
    assert.match(sidecar, new RegExp(`frame: ${annotations[0]?.frame ?? '?'}\\n`));
    await waitFor('annotation decoration', () =>
      coder.decorationsFor(doc.uri).some((d) => d.kind === 'annotation') ? true : undefined,
    );
  });

  it('offers "Tag \'term\'" and "Tag all N occurrences" on a cue, and the latter marks them for review', async () => {
    const coder = await api();
    const { doc } = await openFixture('it-all.txt', TEXT);
    await waitFor('cues', () => (coder.decorationsFor(doc.uri).some((d) => d.kind === 'cue') ? true : undefined));
    const at = rangeOf(doc, 'digital borders').start.translate(0, 3);
    const actions = await codeActions(doc.uri, new vscode.Range(at, at));
    const titles = actions.map((a) => a.title);
    assert.ok(
      titles.some((t) => t.startsWith("Tag 'digital borders' as ")),
      titles.join(' | '),
    );
    const all = actions.find((a) => a.title.startsWith("Tag all 2 occurrences of 'digital border"));
    assert.ok(all, titles.join(' | '));
    await run(all);
    const list = await waitFor('two annotations', () =>
      coder.annotationsFor(doc.uri).length === 2 ? coder.annotationsFor(doc.uri) : undefined,
    );
    assert.ok(list.every((a) => a.status === 'needs-review' && a.quote === 'digital borders'));
    const sidecar = await waitFor('sidecar', () => readFile(sidecarOf(doc.uri)));
    assert.equal(sidecar.match(/status: needs-review/g)?.length, 2);
  });

  it('shows the annotation again after the document is closed and reopened', async () => {
    const coder = await api();
    const { doc } = await openFixture('it-reopen.txt', TEXT);
    const range = rangeOf(doc, 'sovereign internet');
    const tag = (await codeActions(doc.uri, range)).find((a) => a.title.startsWith('Tag as '));
    assert.ok(tag);
    await run(tag);
    await waitFor('sidecar', () => readFile(sidecarOf(doc.uri)));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const reopened = await vscode.workspace.openTextDocument(doc.uri);
    await vscode.window.showTextDocument(reopened);
    const painted = await waitFor('annotation decoration after reopening', () =>
      coder.decorationsFor(doc.uri).find((d) => d.kind === 'annotation'),
    );
    assert.equal(reopened.getText(painted.ranges[0]), 'sovereign internet');
  });

  it('removes an annotation with "Remove annotation"', async () => {
    const coder = await api();
    const { doc } = await openFixture('it-remove.txt', TEXT);
    const range = rangeOf(doc, 'data sovereignty');
    await run((await codeActions(doc.uri, range)).find((a) => a.title.startsWith('Tag as ')) as vscode.CodeAction);
    const id = (await waitFor('annotation', () => coder.annotationsFor(doc.uri)[0])).id;
    assert.match((await readFile(sidecarOf(doc.uri))) ?? '', new RegExp(`id: ${id}`));
    const inside = range.start.translate(0, 2);
    const remove = (await codeActions(doc.uri, new vscode.Range(inside, inside))).find((a) =>
      a.title.startsWith('Remove annotation'),
    );
    assert.ok(remove);
    await run(remove);
    const after = await waitFor('sidecar without the annotation', async () => {
      const text = await readFile(sidecarOf(doc.uri));
      return text !== undefined && !text.includes(id) ? text : undefined;
    });
    assert.match(after, /annotations: \[\]/);
    assert.equal(coder.annotationsFor(doc.uri).length, 0);
  });

  it('moves an annotation when text is typed before it, and saves the move with the source', async () => {
    const coder = await api();
    const { doc, editor } = await openFixture('it-move.txt', TEXT);
    const range = rangeOf(doc, 'sovereign internet');
    await run((await codeActions(doc.uri, range)).find((a) => a.title.startsWith('Tag as ')) as vscode.CodeAction);
    const before = await waitFor('annotation', () => coder.annotationsFor(doc.uri)[0]);
    const inserted = 'An added sentence. ';
    await editor.edit((b) => b.insert(new vscode.Position(2, 0), inserted));
    const moved = coder.annotationsFor(doc.uri)[0];
    assert.ok(moved);
    assert.equal(moved.start, before.start + inserted.length);
    assert.equal(
      doc.getText(new vscode.Range(doc.positionAt(moved.start), doc.positionAt(moved.end))),
      'sovereign internet',
    );
    await doc.save();
    const sidecar = await waitFor('moved offsets on disk', async () => {
      const text = await readFile(sidecarOf(doc.uri));
      return text?.includes(`start: ${moved.start}\n`) ? text : undefined;
    });
    assert.match(sidecar, /quote: "sovereign internet"/);
  });

  it('keeps annotations through undo, multi-cursor edits and a whole-document rewrite (reliability case 25)', async () => {
    const coder = await api();
    const { doc, editor } = await openFixture('it-rewrite.txt', TEXT);
    await run(
      (await codeActions(doc.uri, rangeOf(doc, 'sovereign internet'))).find((a) =>
        a.title.startsWith('Tag as '),
      ) as vscode.CodeAction,
    );
    const original = await waitFor('annotation', () => coder.annotationsFor(doc.uri)[0]);
    const quoteAt = (): string => {
      const a = coder.annotationsFor(doc.uri)[0];
      return a ? doc.getText(new vscode.Range(doc.positionAt(a.start), doc.positionAt(a.end))) : '';
    };
    // Multi-cursor: type at the start of lines 1 and 3 in one edit.
    await editor.edit((b) => {
      b.insert(new vscode.Position(0, 0), '# ');
      b.insert(new vscode.Position(3, 0), '> ');
    });
    assert.equal(quoteAt(), 'sovereign internet');
    await vscode.commands.executeCommand('undo');
    await waitFor('undo applied', () => (doc.getText() === TEXT ? true : undefined));
    assert.equal(coder.annotationsFor(doc.uri)[0]?.start, original.start);
    // A formatter replacing the whole document in one edit.
    const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
    await editor.edit((b) => b.replace(whole, `Reformatted header.\n\n${TEXT}`));
    const a = coder.annotationsFor(doc.uri)[0];
    assert.ok(a);
    assert.equal(a.status, undefined, 'a rewrite that keeps the text must not orphan the annotation');
    assert.equal(quoteAt(), 'sovereign internet');
  });

  it('reports a broken sidecar with its line and never writes over it', async () => {
    const coder = await api();
    const name = 'it-broken.txt';
    const uri = workspaceUri('texts', name);
    const broken = [
      'version: 1',
      'source: it-broken.txt',
      '<<<<<<< HEAD',
      'annotations: []',
      '=======',
      'annotations: [1]',
      '>>>>>>> theirs',
      '',
    ].join('\n');
    await writeFile(sidecarOf(uri), broken);
    const { doc } = await openFixture(name, TEXT);
    const diagnostics = await waitFor('diagnostics on the sidecar', () => {
      const found = vscode.languages.getDiagnostics(sidecarOf(uri));
      return found.length > 0 ? found : undefined;
    });
    assert.equal(diagnostics[0]?.range.start.line, 2, 'the first conflict marker is on line 3');
    assert.match(diagnostics[0]?.message ?? '', /conflict/i);
    const tag = (await codeActions(doc.uri, rangeOf(doc, 'data sovereignty'))).find((a) =>
      a.title.startsWith('Tag as '),
    );
    assert.ok(tag);
    await run(tag);
    assert.equal(await readFile(sidecarOf(uri)), broken, 'the broken sidecar was changed on disk');
    assert.equal(coder.annotationsFor(doc.uri).length, 0);
  });
});
