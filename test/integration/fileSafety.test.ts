/**
 * File safety in a real VS Code (issues 12 and 15): a sidecar linked to a file outside the workspace is never
 * read or written, an export never overwrites a sidecar or a source text without the user's word, and a save
 * keeps the sidecar's file mode.
 */
import * as assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { createAnnotation } from '../../src/core/annotations';
import { serializeSidecar } from '../../src/core/sidecar';
import type { SovereigntyCoderApi } from '../../src/extension';
import {
  api,
  codeActions,
  openFixture,
  rangeOf,
  readFile,
  removeBrokenSidecars,
  run,
  sidecarOf,
  waitFor,
  workspaceUri,
  writeFile,
} from './helpers';

const TEXT =
  'A note written for the file-safety tests.\nThe envoy argued for a sovereign internet and for data sovereignty.\n';

function sidecarWithOne(name: string): string {
  const start = TEXT.indexOf('data sovereignty');
  const a = createAnnotation(
    TEXT,
    start,
    start + 'data sovereignty'.length,
    'data-resource',
    'bob',
    '2026-12-01',
    'a00000000f1',
  );
  return serializeSidecar(
    { version: 1, source: name, sourceHash: '', codebook: 'test-fixture', annotations: [a] },
    TEXT,
  );
}

describe('File safety in a real VS Code', () => {
  it('refuses a sidecar linked to a file outside the workspace: not read, not written, named in Problems', async () => {
    const coder = await api();
    const outside = join(mkdtempSync(join(tmpdir(), 'sovcoder-it-outside-')), 'secret.yaml');
    const secret = sidecarWithOne('it-linked.txt').replace('bob', 'SECRET-CODER');
    writeFileSync(outside, secret);
    const source = workspaceUri('texts', 'it-linked.txt');
    await writeFile(source, TEXT);
    symlinkSync(outside, sidecarOf(source).fsPath);
    try {
      await refusedThroughLink(coder, source, outside, secret);
    } finally {
      unlinkSync(sidecarOf(source).fsPath); // the link only, so that the other tests' exports do not meet it
    }
  });

  async function refusedThroughLink(
    coder: SovereigntyCoderApi,
    source: vscode.Uri,
    outside: string,
    secret: string,
  ): Promise<void> {
    const doc = await vscode.workspace.openTextDocument(source);
    await vscode.window.showTextDocument(doc);
    const state = await waitFor('the linked sidecar refused', () =>
      coder.sidecarState(doc.uri)?.readOnly ? coder.sidecarState(doc.uri) : undefined,
    );
    assert.equal(state.readOnly, true);
    assert.equal(coder.annotationsFor(doc.uri).length, 0, 'nothing read through the link');
    const problems = vscode.languages.getDiagnostics(sidecarOf(source));
    assert.match(
      problems[0]?.message ?? '',
      /is a symbolic link to .*secret\.yaml, outside the workspace folder: not read/,
    );
    assert.doesNotMatch(problems.map((p) => p.message).join(' '), /SECRET-CODER/);
    await doc.save();
    assert.equal(readFileSync(outside, 'utf8'), secret, 'the file outside is untouched');
  }

  it('an export aimed at a sidecar or a source text is refused, and both stay as they were', async () => {
    await api();
    await removeBrokenSidecars();
    const source = workspaceUri('texts', 'it-target.txt');
    await writeFile(source, TEXT);
    await writeFile(sidecarOf(source), sidecarWithOne('it-target.txt'));
    for (const command of ['sovereigntyCoder.exportCsv', 'sovereigntyCoder.exportQdpx']) {
      for (const target of [sidecarOf(source), source]) {
        const before = await readFile(target);
        const result = await vscode.commands.executeCommand<number | undefined>(command, target);
        assert.equal(result, undefined, `${command} to ${target.path}`);
        assert.equal(await readFile(target), before, `${target.path} unchanged`);
      }
      const elsewhere = workspaceUri(command.endsWith('Csv') ? 'it-allowed.csv' : 'it-allowed.qdpx');
      assert.ok(
        ((await vscode.commands.executeCommand<number | undefined>(command, elsewhere)) ?? 0) > 0,
        `${command} writes to a file that is no input`,
      );
    }
  });

  it('a save keeps the mode of the sidecar it replaces (600 stays 600)', async () => {
    const coder = await api();
    const name = 'it-private.txt';
    const sidecar = sidecarOf(workspaceUri('texts', name));
    await writeFile(workspaceUri('texts', name), TEXT);
    writeFileSync(sidecar.fsPath, sidecarWithOne(name));
    chmodSync(sidecar.fsPath, 0o600);
    const { doc } = await openFixture(name, TEXT);
    await waitFor('the sidecar loaded', () => coder.annotationsFor(doc.uri)[0]);
    await run(
      (await codeActions(doc.uri, rangeOf(doc, 'sovereign internet'))).find((a) =>
        a.title.startsWith('Tag as '),
      ) as vscode.CodeAction,
    );
    await doc.save();
    await waitFor('two annotations on disk', async () =>
      (await readFile(sidecar))?.match(/- id:/g)?.length === 2 ? true : undefined,
    );
    assert.equal((statSync(sidecar.fsPath).mode & 0o777).toString(8), '600');
  });
});
