/**
 * *Add Texts to the Corpus…* in a real VS Code: a PDF and a DOCX (generated here) are added through the
 * command, their texts open and are coded, their origin is shown; an image-only PDF is refused with nothing
 * written, and the extension host keeps running.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ImportCommandId } from '../../src/vscode/commandIds';
import type { AddResult } from '../../src/core/import/addText';
import { makeDocx } from '../unit/importFixtures/officeWriter';
import { layoutColumn, makePdf } from '../unit/importFixtures/pdfWriter';
import { api, codeActions, rangeOf, readFile, run, sidecarOf, waitFor, workspaceUri } from './helpers';

const PDF_PARAGRAPHS = [
  'The committee report warns that data sovereignty cannot be left to foreign platforms.',
  'Its second paragraph turns to digital borders and to the courts that should guard them.',
];

describe('Adding texts in a real VS Code', () => {
  it('adds a PDF and a DOCX through the command; the texts are coded like any other', async () => {
    const coder = await api();
    const pdf = workspaceUri('originals', 'it-report.pdf');
    const docx = workspaceUri('originals', 'it-speech.docx');
    await vscode.workspace.fs.writeFile(
      pdf,
      makePdf({
        info: { Title: 'Committee Report', Author: 'Test Committee' },
        pages: [{ texts: layoutColumn(PDF_PARAGRAPHS, 60, 760, 470, 11) }],
      }),
    );
    await vscode.workspace.fs.writeFile(
      docx,
      makeDocx([{ heading: 'Speech' }, { paragraph: 'We defend a sovereign internet for the region.' }], {
        title: 'A Speech',
        author: 'Test Speaker',
        created: '2024-05-01T00:00:00Z',
      }),
    );

    const results = await vscode.commands.executeCommand<AddResult[]>(ImportCommandId.addTexts, undefined, [pdf, docx]);
    assert.equal(results.length, 2);
    const pdfText = vscode.Uri.file(results[0]?.text ?? '');
    assert.equal(pdfText.path, workspaceUri('originals', 'it-report.txt').path);
    assert.equal(await readFile(pdfText), `${PDF_PARAGRAPHS.join('\n')}\n`);
    assert.equal(
      await readFile(workspaceUri('originals', 'it-speech.txt')),
      'Speech\nWe defend a sovereign internet for the region.\n',
    );
    const origin = await waitFor('the origin of the added text', () => coder.originOf(pdfText));
    assert.match(
      origin,
      /^From it-report\.pdf \(PDF, pdfjs-dist [\d.]+\), added \d{4}-\d{2}-\d{2}: Committee Report — Test Committee$/,
    );

    const doc = await vscode.workspace.openTextDocument(pdfText);
    await vscode.window.showTextDocument(doc);
    await waitFor('cues in the added text', () =>
      coder.decorationsFor(doc.uri).some((d) => d.kind === 'cue') ? true : undefined,
    );
    const tagAs = (await codeActions(doc.uri, rangeOf(doc, 'data sovereignty'))).find((a) =>
      a.title.startsWith('Tag as '),
    );
    assert.ok(tagAs, 'a "Tag as" action on the added text');
    await run(tagAs);
    const sidecar = await waitFor('the sidecar of the added text', () => readFile(sidecarOf(doc.uri)));
    assert.match(sidecar, /quote: "data sovereignty"/);
  });

  it('refuses an image-only PDF without writing anything, and the host goes on working', async () => {
    const coder = await api();
    const scan = workspaceUri('originals', 'it-scan.pdf');
    await vscode.workspace.fs.writeFile(scan, makePdf({ pages: [{ image: true }] }));
    const results = await vscode.commands.executeCommand<AddResult[]>(ImportCommandId.addTexts, scan);
    assert.deepEqual(results, []);
    assert.equal(await readFile(workspaceUri('originals', 'it-scan.txt')), undefined);
    assert.equal(await readFile(workspaceUri('originals', 'it-scan.txt.provenance.yaml')), undefined);
    assert.ok(coder.codebookId(), 'the extension still answers');
  });
});
