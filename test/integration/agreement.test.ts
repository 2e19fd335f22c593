/** "Show Inter-coder Agreement" in a real VS Code: two coders' annotations in one sidecar, the report in a webview. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { createAnnotation } from '../../src/core/annotations';
import type { AgreementReport } from '../../src/core/agreement/report';
import { serializeSidecar } from '../../src/core/sidecar';
import { api, sidecarOf, waitFor, workspaceUri, writeFile } from './helpers';

const TEXT =
  'The delegate spoke of digital borders.\n\nShe praised data sovereignty rules.\n\nThen lunch was served.\n';

describe('Agreement in a real VS Code', () => {
  it('computes kappa and alpha for two coders and shows the report beside the editor', async () => {
    await api();
    const uri = workspaceUri('texts', 'it-agreement.txt');
    const tag = (coder: string, frame: string, quote: string, n: number) => {
      const start = TEXT.indexOf(quote);
      return createAnnotation(TEXT, start, start + quote.length, frame, coder, '2026-12-01', `a00000000c${n}`);
    };
    const annotations = [
      tag('ann', 'digital-territory', 'digital borders', 1),
      tag('ben', 'digital-territory', 'digital borders', 2),
      tag('ann', 'data-resource', 'data sovereignty', 3),
      tag('ben', 'digital-territory', 'data sovereignty rules', 4),
    ];
    await writeFile(uri, TEXT);
    await writeFile(
      sidecarOf(uri),
      serializeSidecar(
        { version: 1, source: 'it-agreement.txt', sourceHash: '', codebook: 'test-fixture', annotations },
        TEXT,
      ),
    );
    const report = await vscode.commands.executeCommand<AgreementReport | undefined>('sovereigntyCoder.showAgreement', [
      'ann',
      'ben',
    ]);
    assert.ok(report, 'a report');
    assert.deepEqual(report.documents.included, ['texts/it-agreement.txt']);
    const territory = report.frames.find((f) => f.frame === 'digital-territory');
    assert.equal(territory?.items, 3, 'three sentence units');
    assert.deepEqual(territory?.unitsCoded, [1, 2]);
    assert.equal(territory?.disagreements[0]?.text, 'She praised data sovereignty rules.');
    assert.ok(Math.abs((territory?.percentAgreement ?? 0) - 2 / 3) < 1e-12);
    await waitFor('the agreement tab', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === 'Inter-coder Agreement'),
    );
  });
});
