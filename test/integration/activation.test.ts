/**
 * Smoke test in a real VS Code extension host: the extension activates when a plain-text document of the
 * fixture workspace (test/fixtures/workspace, copied fresh for each run) is opened, its test API becomes
 * ready, and the codebook's cue terms in that document come back as decorations.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'sovereignty-coder.sovereignty-coder';

/** The part of the extension's test API (the value activate() returns) that this test uses. */
interface TestApi {
  ready: Promise<void>;
  decorationsFor(uri: vscode.Uri): { frameId: string; kind: 'cue' | 'annotation'; ranges: vscode.Range[] }[];
}

/** Polls `probe` until it returns a value, so the test waits for a condition instead of a fixed time. */
async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 15000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('Activation in a real VS Code', () => {
  it('activates on a plaintext document and decorates the codebook cues in it', async () => {
    const extension = vscode.extensions.getExtension<TestApi>(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workspace folder is not open');

    const uri = vscode.Uri.joinPath(folder.uri, 'texts', 'harbour-speech.txt');
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
    assert.ok(cues.some((c) => c.frameId === 'digital-territory'), 'no cue for frame digital-territory');
  });
});
