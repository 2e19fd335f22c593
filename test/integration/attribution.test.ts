/**
 * Who decided what, in a real VS Code: a second coder retags the first coder's annotation and writes a memo on
 * another; the sidecar keeps the first coder and records the second, the CSV's last columns say whose each
 * frame is, and the agreement report counts the retag as the second coder's decision, the memo not.
 */
import * as assert from 'node:assert/strict';
import { parse as parseCsv } from 'csv-parse/sync';
import * as vscode from 'vscode';
import type { AgreementReport } from '../../src/core/agreement/report';
import { createAnnotation } from '../../src/core/annotations';
import { serializeSidecar } from '../../src/core/sidecar';
import { api, readFile, sidecarOf, waitFor, workspaceUri, writeFile } from './helpers';

const TEXT = 'The delegate spoke of digital borders.\n\nShe praised data sovereignty rules.\n';

function tag(coder: string, frame: string, quote: string, id: string): ReturnType<typeof createAnnotation> {
  const start = TEXT.indexOf(quote);
  return createAnnotation(TEXT, start, start + quote.length, frame, coder, '2026-12-01', id);
}

describe('Who decided what in a real VS Code', () => {
  it("records a second coder's retag and memo, and the CSV and agreement credit the frame to its decider", async () => {
    const coder = await api();
    const settings = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('sovereigntyCoder');
    const before = settings().inspect<string>('coder')?.globalValue;
    const uri = workspaceUri('texts', 'it-attribution.txt');
    await writeFile(uri, TEXT);
    const annotations = [
      tag('cora', 'digital-territory', 'digital borders', 'a00000000d1'),
      tag('cora', 'data-resource', 'data sovereignty rules', 'a00000000d2'),
      tag('dov', 'data-resource', 'data sovereignty rules', 'a00000000d3'),
    ];
    await writeFile(
      sidecarOf(uri),
      serializeSidecar(
        { version: 1, source: 'it-attribution.txt', sourceHash: '', codebook: 'test-fixture', annotations },
        TEXT,
      ),
    );
    try {
      await settings().update('coder', 'dov', vscode.ConfigurationTarget.Global);
      await waitFor('dov coding', () => (coder.coderIdentity().name === 'dov' ? true : undefined));
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      await waitFor('the annotations loaded', () => (coder.annotationsFor(uri).length === 3 ? true : undefined));
      const target = uri.toString();
      assert.equal(
        await vscode.commands.executeCommand('sovereigntyCoder.changeFrame', target, 'a00000000d1', 'data-resource'),
        true,
      );
      assert.equal(
        await vscode.commands.executeCommand('sovereigntyCoder.editMemo', target, 'a00000000d2', 'her own claim'),
        true,
      );
      const yaml = await waitFor('the sidecar with the memo', async () => {
        const text = await readFile(sidecarOf(uri));
        return text?.includes('her own claim') ? text : undefined;
      });
      const block = (id: string): string => yaml.slice(yaml.indexOf(`id: ${id}`)).split('\n  - ')[0] ?? '';
      assert.match(block('a00000000d1'), /frame: data-resource\n {4}quote: "digital borders"\n {4}coder: cora\n/);
      assert.match(block('a00000000d1'), /modifiedBy: dov\n {4}retaggedBy: dov\n/);
      assert.match(block('a00000000d2'), /coder: cora\n[^]*modifiedBy: dov\n {4}start:/);

      const csvFile = workspaceUri('it-attribution.csv');
      await vscode.commands.executeCommand('sovereigntyCoder.exportCsv', csvFile);
      const rows = parseCsv<Record<string, string>>((await readFile(csvFile)) ?? '', { columns: true }).filter(
        (r) => r.document === 'texts/it-attribution.txt',
      );
      const decided = new Map(rows.map((r) => [r.annotation_id, [r.coder, r.modified_by, r.decided_by]]));
      assert.deepEqual(decided.get('a00000000d1'), ['cora', 'dov', 'dov']);
      assert.deepEqual(decided.get('a00000000d2'), ['cora', 'dov', 'cora']);
      assert.deepEqual(decided.get('a00000000d3'), ['dov', '', 'dov']);

      const report = await vscode.commands.executeCommand<AgreementReport | undefined>(
        'sovereigntyCoder.showAgreement',
        ['cora', 'dov'],
      );
      const data = report?.frames.find((f) => f.frame === 'data-resource');
      assert.deepEqual(data?.unitsCoded, [1, 2], 'the retagged first sentence is dov’s data-resource, not cora’s');
      await vscode.workspace.fs.delete(csvFile);
    } finally {
      await settings().update('coder', before, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});
