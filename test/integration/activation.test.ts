/**
 * Smoke test in a real VS Code extension host: the extension activates when a plain-text document of the
 * fixture workspace (test/fixtures/workspace, copied fresh for each run) is opened, its test API becomes
 * ready, and the codebook's cue terms in that document come back as decorations. Also the cost of activation
 * itself, which `onStartupFinished` pays in every workspace: activate() only wires listeners (the codebook is
 * loaded behind the start gate), so it stays far below a frame of start-up time.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SovereigntyCoderApi } from '../../src/extension';
import { EXTENSION_ID, waitFor, workspaceUri } from './helpers';

/** activate() does no file I/O and no parsing: 9 ms measured on a loaded 2-core machine, the budget leaves room. */
const ACTIVATE_BUDGET_MS = 250;

describe('Activation in a real VS Code', () => {
  it('activates on a plaintext document and decorates the codebook cues in it', async () => {
    const extension = vscode.extensions.getExtension<SovereigntyCoderApi>(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);

    const uri = workspaceUri('texts', 'harbour-speech.txt');
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.languageId, 'plaintext');
    await vscode.window.showTextDocument(document);

    const api = await extension.activate();
    assert.equal(extension.isActive, true);
    await api.ready;

    const cues = await waitFor('cue decorations', () => {
      const found = api.decorationsFor(uri).filter((d) => d.kind === 'cue' && d.ranges.length > 0);
      return found.length > 0 ? found : undefined;
    });
    const texts = cues.flatMap((c) => c.ranges.map((r) => document.getText(r).toLowerCase()));
    assert.ok(texts.includes('digital borders'), `cue texts were: ${texts.join(', ')}`);
    assert.ok(texts.includes('data sovereignty'), `cue texts were: ${texts.join(', ')}`);
    assert.ok(
      cues.some((c) => c.frameId === 'digital-territory'),
      'no cue for frame digital-territory',
    );
  });

  it('keeps activate() cheap and reports how long the start behind the gate took', async () => {
    const extension = vscode.extensions.getExtension<SovereigntyCoderApi>(EXTENSION_ID);
    assert.ok(extension);
    const api = await extension.activate();
    await api.ready;
    const { activateMs, startMs } = api.activationTimes();
    console.log(
      `    activate() ${activateMs.toFixed(1)} ms; start (coder, codebook, sidecars, paint) ${startMs?.toFixed(0) ?? '-'} ms`,
    );
    assert.ok(activateMs < ACTIVATE_BUDGET_MS, `activate() took ${activateMs.toFixed(1)} ms`);
    assert.ok(startMs !== undefined && startMs > 0, 'the start ran (the workspace has a codebook and coded texts)');
  });
});
