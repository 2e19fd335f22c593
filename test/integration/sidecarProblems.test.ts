/**
 * A mis-indented annotation file in the Problems panel of a real VS Code: one entry at the line that causes it,
 * in a coder's words, with the parser's cascade counted instead of listed.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { createAnnotation } from '../../src/core/annotations';
import { serializeSidecar } from '../../src/core/sidecar';
import { api, sidecarOf, waitFor, workspaceUri, writeFile } from './helpers';

const TEXT = 'The minister spoke of digital borders again.\n';

describe('Sidecar YAML errors in the Problems panel of a real VS Code', () => {
  it('shows one problem at the mis-indented line, the rest counted', async () => {
    await api();
    const uri = workspaceUri('texts', 'it-misindented.txt');
    const start = TEXT.indexOf('digital borders');
    const a = createAnnotation(TEXT, start, start + 15, 'digital-territory', 'ann', '2026-12-01', 'a00000000e1');
    const yaml = serializeSidecar(
      { version: 1, source: 'it-misindented.txt', sourceHash: '', codebook: 'test-fixture', annotations: [a] },
      TEXT,
    );
    const lines = yaml.split('\n');
    const quoteLine = lines.findIndex((l) => l.startsWith('    quote: ')) + 1;
    lines[quoteLine - 1] = lines[quoteLine - 1]?.replace(/^ {4}/, '   ') ?? '';
    await writeFile(uri, TEXT);
    await writeFile(sidecarOf(uri), lines.join('\n'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const diagnostics = await waitFor('the problem in the Problems panel', () => {
      const found = vscode.languages.getDiagnostics(sidecarOf(uri));
      return found.length > 0 ? found : undefined;
    });
    assert.equal(diagnostics.length, 1, diagnostics.map((d) => d.message).join(' | '));
    assert.equal(diagnostics[0]?.range.start.line, quoteLine - 1);
    assert.match(
      diagnostics[0]?.message ?? '',
      new RegExp(`^line ${quoteLine} is indented 3 spaces; the keys of an annotation take 4 \\(and \\d+ more after it`),
    );
    await vscode.workspace.fs.delete(sidecarOf(uri));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
