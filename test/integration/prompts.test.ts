/**
 * The file-safety flows of issue 15 that wait for a button in a real VS Code: the stale-temp notification's
 * Delete / Show, the export's modal "Overwrite It" (and its dismissal), and the refusal of a workspace
 * codebook.yaml linked to a file outside the workspace. The extension host cannot click a notification, so the
 * test API's `answerPrompts` answers in the user's place (src/vscode/prompts.ts); each test checks what was
 * asked and what the answer did to the files. test/ui/stale-temp-notification.mjs clicks the real button.
 */
import * as assert from 'node:assert/strict';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  symlinkSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { createAnnotation } from '../../src/core/annotations';
import { serializeSidecar } from '../../src/core/sidecar';
import type { Prompt } from '../../src/vscode/prompts';
import { api, readFile, sidecarOf, waitFor, workspaceUri, writeFile } from './helpers';

const TEXT = 'A note written for the prompt tests.\nThe envoy argued for data sovereignty at the forum.\n';

function sidecarFor(name: string): string {
  const start = TEXT.indexOf('data sovereignty');
  const a = createAnnotation(TEXT, start, start + 16, 'data-resource', 'bob', '2026-12-02', 'a00000000p1');
  return serializeSidecar(
    { version: 1, source: name, sourceHash: '', codebook: 'test-fixture', annotations: [a] },
    TEXT,
  );
}

/** A coded text and a temp copy of its sidecar as a killed save leaves it, ten minutes old. */
async function textWithStaleTemp(name: string): Promise<{ source: vscode.Uri; temp: string }> {
  const source = workspaceUri('texts', name);
  await writeFile(source, TEXT);
  await writeFile(sidecarOf(source), sidecarFor(name));
  const temp = join(source.fsPath, '..', `.${name}.annotations.yaml.0123456789ab.tmp`);
  writeFileSync(temp, sidecarFor(name));
  const tenMinutesAgo = (Date.now() - 10 * 60 * 1000) / 1000;
  utimesSync(temp, tenMinutesAgo, tenMinutesAgo);
  return { source, temp };
}

describe('Prompts answered in a real VS Code (issue 15)', () => {
  it('deletes stale temporary copies when the coder chooses "Delete Them"', async () => {
    const coder = await api();
    const asked: Prompt[] = [];
    const answering = coder.answerPrompts((p) => {
      asked.push(p);
      return p.items.includes('Delete Them') ? 'Delete Them' : undefined;
    });
    try {
      const { source, temp } = await textWithStaleTemp('it-stale-delete.txt');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(source));
      await waitFor('the temp copy deleted', () => (existsSync(temp) ? undefined : true));
      const prompt = asked.find((p) => p.items.includes('Delete Them'));
      assert.ok(prompt);
      assert.deepEqual(prompt.items, ['Delete Them', 'Show Them']);
      assert.match(
        prompt.message,
        /1 temporary copy of texts\/it-stale-delete\.txt\.annotations\.yaml left by interrupted saves/,
      );
      assert.match(prompt.message, /itself is intact/);
      assert.ok(existsSync(sidecarOf(source).fsPath), 'the sidecar itself stays');
    } finally {
      answering.dispose();
    }
  });

  it('opens stale temporary copies, and deletes nothing, when the coder chooses "Show Them"', async () => {
    const coder = await api();
    const answering = coder.answerPrompts((p) => (p.items.includes('Show Them') ? 'Show Them' : undefined));
    try {
      const { source, temp } = await textWithStaleTemp('it-stale-show.txt');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(source));
      const shown = await waitFor('the temp copy opened', () =>
        vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath === temp),
      );
      assert.match(shown.document.getText(), /a00000000p1/, 'the copy as it is on disk');
      assert.ok(existsSync(temp), 'showing deletes nothing');
      unlinkSync(temp);
    } finally {
      answering.dispose();
    }
  });

  it('overwrites an input with the export only after "Overwrite It" in the modal, and not when dismissed', async () => {
    const coder = await api();
    const source = workspaceUri('texts', 'it-overwrite.txt');
    await writeFile(source, TEXT);
    await writeFile(sidecarOf(source), sidecarFor('it-overwrite.txt'));
    let answer: string | undefined;
    const asked: Prompt[] = [];
    const answering = coder.answerPrompts((p) => {
      asked.push(p);
      return answer;
    }, source);
    try {
      assert.equal(await vscode.commands.executeCommand('sovereigntyCoder.exportCsv'), undefined, 'dismissed');
      assert.equal(await readFile(source), TEXT, 'the source text is unchanged after the dismissal');
      const modal = asked.find((p) => p.modal);
      assert.ok(modal, 'a modal was shown');
      assert.deepEqual(modal.items, ['Overwrite It']);
      assert.match(
        modal.message,
        /^texts\/it-overwrite\.txt is one of the files this export reads: exporting there would overwrite it/,
      );

      answer = 'Overwrite It';
      const rows = await vscode.commands.executeCommand<number | undefined>('sovereigntyCoder.exportCsv');
      assert.ok((rows ?? 0) > 0, 'exported after the confirmation');
      const written = await readFile(source);
      assert.match(written ?? '', /^"document","annotation_id"/, 'the file now holds the CSV header');
      assert.match(written ?? '', /^"texts\/it-overwrite\.txt","a00000000p1"/m, 'and its row');
    } finally {
      answering.dispose();
      await vscode.workspace.fs.delete(sidecarOf(source));
      await vscode.workspace.fs.delete(source);
    }
  });

  it('refuses a workspace codebook.yaml linked outside the workspace: not read, named, the codebook before kept', async () => {
    const coder = await api();
    const before = coder.codebookId();
    const codebook = workspaceUri('codebook.yaml').fsPath;
    const outside = join(mkdtempSync(join(tmpdir(), 'sovcoder-it-codebook-')), 'codebook.yaml');
    writeFileSync(outside, readFileSync(codebook, 'utf8').replace(/^codebook:.*$/m, 'codebook: SECRET-OUTSIDE'));
    const asked: Prompt[] = [];
    const answering = coder.answerPrompts((p) => {
      asked.push(p);
      return undefined;
    });
    renameSync(codebook, `${codebook}.kept`);
    try {
      symlinkSync(outside, codebook);
      await vscode.commands.executeCommand('sovereigntyCoder.reloadCodebook');
      const refusal = await waitFor('the refusal', () => asked.find((p) => p.severity === 'error'));
      assert.match(
        refusal.message,
        /cannot read the codebook .*codebook\.yaml: .*outside the workspace folder: not read/,
      );
      assert.doesNotMatch(refusal.message, /SECRET/, 'nothing of the outside file is shown');
      assert.equal(coder.codebookId(), before, 'the codebook loaded before stays in force');
    } finally {
      answering.dispose();
      unlinkSync(codebook);
      renameSync(`${codebook}.kept`, codebook);
      await vscode.commands.executeCommand('sovereigntyCoder.reloadCodebook');
    }
    assert.equal(coder.codebookId(), before, 'the real codebook again after the link is gone');
  });
});
