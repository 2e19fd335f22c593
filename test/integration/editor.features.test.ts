/**
 * More of the loop in a real VS Code: hovers, CRLF documents, sidecars changed on disk by Git or another
 * editor, and codebook problems in the Problems panel while the last good codebook stays in force.
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

const TEXT = 'A short note (written for the tests).\n\nThe envoy defended data sovereignty and a sovereign internet.\n';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')))
    .join('\n');
}

describe('Editor features in a real VS Code', () => {
  it('hovers on a cue with the frame label and definition, and on an annotation with coder and memo', async () => {
    const coder = await api();
    const { doc } = await openFixture('it-hover.txt', TEXT);
    await waitFor('cues', () => (coder.decorationsFor(doc.uri).some((d) => d.kind === 'cue') ? true : undefined));
    const at = rangeOf(doc, 'data sovereignty').start.translate(0, 2);
    const cueHover = hoverText(
      (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at)) ?? [],
    );
    assert.match(cueHover, /Data as a resource/);
    assert.match(cueHover, /national resource/);
    assert.match(cueHover, /Cue term/);

    await run(
      (await codeActions(doc.uri, rangeOf(doc, 'data sovereignty'))).find((a) =>
        a.title.startsWith('Tag as '),
      ) as vscode.CodeAction,
    );
    const id = (await waitFor('annotation', () => coder.annotationsFor(doc.uri)[0])).id;
    await vscode.commands.executeCommand(
      'sovereigntyCoder.editMemo',
      doc.uri.toString(),
      id,
      'Framed as a resource to guard.',
    );
    const sidecar = await waitFor('memo on disk', async () =>
      (await readFile(sidecarOf(doc.uri)))?.includes('memo:') ? readFile(sidecarOf(doc.uri)) : undefined,
    );
    assert.match(sidecar ?? '', /memo: "Framed as a resource to guard\."/);
    const annotationHover = hoverText(
      (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at)) ?? [],
    );
    assert.match(annotationHover, /Annotation/);
    assert.match(annotationHover, /Framed as a resource to guard/);
  });

  it('wraps long lines of prose and does not light up every repeated word, in plain text and Markdown', async () => {
    await api();
    for (const languageId of ['plaintext', 'markdown']) {
      const editor = vscode.workspace.getConfiguration('editor', { languageId });
      assert.equal(editor.get('wordWrap'), 'on', `${languageId}: one paragraph per line stays on screen`);
      assert.equal(editor.get('occurrencesHighlight'), 'off', `${languageId}: no highlight of every "and"`);
    }
  });

  it('codes a CRLF document with offsets over LF text and the exact quote', async () => {
    const coder = await api();
    const crlf =
      'First line of a CRLF note.\r\nSecond line speaks of a sovereign\r\ninternet and of data sovereignty.\r\n';
    const { doc } = await openFixture('it-crlf.txt', crlf);
    assert.equal(doc.eol, vscode.EndOfLine.CRLF);
    await waitFor('cues', () => (coder.decorationsFor(doc.uri).some((d) => d.kind === 'cue') ? true : undefined));
    await run(
      (await codeActions(doc.uri, rangeOf(doc, 'data sovereignty'))).find((a) =>
        a.title.startsWith('Tag as '),
      ) as vscode.CodeAction,
    );
    const a = await waitFor('annotation', () => coder.annotationsFor(doc.uri)[0]);
    const lf = crlf.replace(/\r\n/g, '\n');
    assert.equal(a.start, lf.indexOf('data sovereignty'));
    assert.equal(lf.slice(a.start, a.end), 'data sovereignty');
    const painted = await waitFor('annotation painted', () =>
      coder.decorationsFor(doc.uri).find((d) => d.kind === 'annotation'),
    );
    assert.equal(doc.getText(painted.ranges[0]), 'data sovereignty');
  });

  it('follows a sidecar rewritten on disk (a checkout) when nothing is unsaved', async () => {
    const coder = await api();
    const { doc } = await openFixture('it-disk.txt', TEXT);
    await run(
      (await codeActions(doc.uri, rangeOf(doc, 'sovereign internet'))).find((a) =>
        a.title.startsWith('Tag as '),
      ) as vscode.CodeAction,
    );
    const original = await waitFor('sidecar', () => readFile(sidecarOf(doc.uri)));
    const retagged = original.replace(
      /quote: "sovereign internet"/,
      'quote: "sovereign internet"\n    memo: "added on another branch"',
    );
    await writeFile(sidecarOf(doc.uri), retagged);
    const reloaded = await waitFor('reloaded annotation', () =>
      coder.annotationsFor(doc.uri).find((a) => a.memo === 'added on another branch'),
    );
    assert.equal(reloaded.quote, 'sovereign internet');
  });

  it('shows codebook problems at their line and keeps the last good codebook in force', async () => {
    const coder = await api();
    const codebookUri = workspaceUri('codebook.yaml');
    const good = await readFile(codebookUri);
    assert.ok(good);
    try {
      const broken = good.replace(/color: "#1565c0"/, 'colour: "#1565c0"');
      assert.notEqual(broken, good);
      await writeFile(codebookUri, broken);
      const diagnostics = await waitFor('codebook diagnostics', () => {
        const found = vscode.languages.getDiagnostics(codebookUri);
        return found.length > 0 ? found : undefined;
      });
      const line = broken.split('\n').findIndex((l) => l.includes('colour:'));
      assert.ok(
        diagnostics.some((d) => d.range.start.line === line && /colour/.test(d.message)),
        diagnostics.map((d) => `${d.range.start.line}: ${d.message}`).join('\n'),
      );
      assert.equal(coder.codebookId(), 'test-fixture', 'the last good codebook is still in force');
      const { doc } = await openFixture('it-codebook.txt', TEXT);
      await waitFor('cues with the last good codebook', () =>
        coder.decorationsFor(doc.uri).some((d) => d.kind === 'cue') ? true : undefined,
      );
    } finally {
      await writeFile(codebookUri, good);
      await waitFor('diagnostics cleared', () =>
        vscode.languages.getDiagnostics(codebookUri).length === 0 ? true : undefined,
      );
    }
  });
});
