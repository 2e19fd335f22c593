/**
 * "Show Inter-coder Agreement" in a real VS Code: two coders' annotations in one sidecar, the report in a webview;
 * the unit from the setting; the done mark of a coder who found nothing to code, written by the command.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { createAnnotation } from '../../src/core/annotations';
import type { AgreementReport } from '../../src/core/agreement/report';
import { unitizingFigures } from '../../src/core/agreement/unitizing/family';
import { parseSidecar, serializeSidecar } from '../../src/core/sidecar';
import { api, readFile, sidecarOf, waitFor, workspaceUri, writeFile } from './helpers';

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
    // unitizing over the text's code points (ASCII: one per UTF-16 unit): the same figures as the core's from
    // the fixture's spans, and for data-resource, coded by ann alone in one span of l characters, the closed
    // form 1 − (4L² − 2L + l − l²) / (2L(2L − l)) of the coincidence form
    const L = [...TEXT].length;
    assert.equal(report.unitizing.continuum, L);
    const spans = ['ann', 'ben'].map((c) =>
      annotations.filter((a) => a.coder === c).map((a) => ({ frame: a.frame, start: a.start, end: a.end })),
    );
    const frames = report.frames.map((f) => f.frame);
    assert.deepEqual(report.unitizing, unitizingFigures([{ length: L, spans }], frames));
    const data = report.unitizing.frames.find((f) => f.frame === 'data-resource');
    const l = 'data sovereignty'.length;
    assert.deepEqual(data?.coded, [l, 0]);
    const closedForm = 1 - (4 * L * L - 2 * L + l - l * l) / (2 * L * (2 * L - l));
    assert.ok(Math.abs((data?.binary.alpha ?? 1) - closedForm) < 1e-12, `|uα ${data?.binary.alpha} vs ${closedForm}`);
    assert.ok(closedForm < 0);
    const digital = report.unitizing.frames.find((f) => f.frame === 'digital-territory');
    assert.deepEqual(digital?.coded, [
      'digital borders'.length,
      'digital borders'.length + 'data sovereignty rules'.length,
    ]);
    assert.ok((digital?.binary.alpha ?? 1) < 1 && (report.unitizing.overall.alpha.alpha ?? 1) < 1);
    await waitFor('the agreement tab', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === 'Inter-coder Agreement'),
    );
  });

  it('takes the unit from the setting, and counts a text the current coder marked done with nothing coded', async () => {
    await api();
    const uri = workspaceUri('texts', 'it-agreement-done.txt');
    const text = 'A report about the weather.\n\nNothing here is about sovereignty.\n';
    const annotation = createAnnotation(text, 2, 8, 'data-resource', 'ann', '2026-12-02', 'a00000000d1');
    await writeFile(uri, text);
    await writeFile(
      sidecarOf(uri),
      serializeSidecar(
        {
          version: 1,
          source: 'it-agreement-done.txt',
          sourceHash: '',
          codebook: 'test-fixture',
          annotations: [annotation],
        },
        text,
      ),
    );
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const extension = await api();
    // the sidecar is read on open: mark only once it is, as a coder would see its annotation first
    await waitFor('the sidecar loaded', () => (extension.annotationsFor(uri).length === 1 ? true : undefined));
    const marked = await vscode.commands.executeCommand<boolean | undefined>(
      'sovereigntyCoder.toggleTextDone',
      uri,
      true,
    );
    assert.equal(marked, true, 'the mark is written');
    const onDisk = await waitFor('the done mark in the sidecar', async () => {
      const yaml = await readFile(sidecarOf(uri));
      return yaml?.includes('\ndone:\n') === true ? yaml : undefined;
    });
    const done = parseSidecar(onDisk, sidecarOf(uri).fsPath).sidecar?.done ?? [];
    assert.equal(done.length, 1, onDisk);
    const me = done[0] ?? '';
    assert.notEqual(me, 'ann');
    assert.equal(parseSidecar(onDisk, sidecarOf(uri).fsPath).sidecar?.annotations.length, 1, 'the annotation is kept');
    const config = vscode.workspace.getConfiguration('sovereigntyCoder');
    await config.update('agreementUnit', 'paragraph', vscode.ConfigurationTarget.Workspace);
    try {
      const report = await vscode.commands.executeCommand<AgreementReport | undefined>(
        'sovereigntyCoder.showAgreement',
        ['ann', me],
      );
      assert.ok(report, 'a report');
      assert.equal(report.unit, 'paragraph');
      assert.deepEqual(report.documents.markedDone, [{ document: 'texts/it-agreement-done.txt', coders: [me] }]);
      assert.equal(report.frames.find((f) => f.frame === 'data-resource')?.items, 2, 'two paragraphs');
      assert.ok(report.overall.intervals.gwetAC1.value !== undefined);
    } finally {
      await config.update('agreementUnit', undefined, vscode.ConfigurationTarget.Workspace);
    }
    const unmarked = await vscode.commands.executeCommand<boolean | undefined>('sovereigntyCoder.toggleTextDone', uri);
    assert.equal(unmarked, false, 'run again, the command takes the mark back');
    await waitFor('the mark gone', async () =>
      (await readFile(sidecarOf(uri)))?.includes('done:') === false ? true : undefined,
    );
  });
});
