/**
 * The export commands in a real VS Code: every sidecar of the workspace becomes CSV rows, an open document as
 * the coder sees it (offsets moved by unsaved typing), and a sidecar with a conflict stops the export; the
 * REFI-QDA project and codebook are validated with xmllint against the QDA-XML schemas.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import * as vscode from 'vscode';
import { createAnnotation } from '../../src/core/annotations';
import { serializeSidecar } from '../../src/core/sidecar';
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

const EXPORT = 'sovereigntyCoder.exportCsv';
const SCHEMAS = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'refi-qda');

/** Validates XML bytes with xmllint against one of the QDA-XML schemas. */
function assertValid(xml: Uint8Array, schema: string): void {
  const file = join(mkdtempSync(join(tmpdir(), 'sovcoder-it-xml-')), 'file.xml');
  writeFileSync(file, xml);
  const r = spawnSync('xmllint', ['--noout', '--schema', join(SCHEMAS, schema), file], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr || String(r.error));
}
const OPEN_TEXT = 'An export note (written for the tests).\nThe minister spoke of a sovereign internet.\n';
const DISK_TEXT = 'A text coded earlier, not open.\nIts one coded phrase: data sovereignty.\n';

describe('Exports in a real VS Code', () => {
  it('refuses while an annotation file has a conflict, and writes nothing', async () => {
    await api();
    await writeFile(workspaceUri('texts', 'it-export-broken.txt'), 'text\n');
    await writeFile(
      sidecarOf(workspaceUri('texts', 'it-export-broken.txt')),
      'version: 1\n<<<<<<< HEAD\nannotations: []\n=======\n>>>>>>> theirs\n',
    );
    const target = workspaceUri('refused.csv');
    const count = await vscode.commands.executeCommand<number | undefined>(EXPORT, target);
    assert.equal(count, undefined);
    assert.equal(await readFile(target), undefined, 'no partial export on disk');
  });

  it('exports open and closed documents, one row per annotation, read back by csv-parse', async () => {
    const coder = await api();
    await removeBrokenSidecars();
    const diskUri = workspaceUri('texts', 'it-export-disk.txt');
    const start = DISK_TEXT.indexOf('data sovereignty');
    const onDisk = createAnnotation(
      DISK_TEXT,
      start,
      start + 'data sovereignty'.length,
      'data-resource',
      'bob',
      '2026-11-30',
      'a00000000b1',
    );
    await writeFile(diskUri, DISK_TEXT);
    await writeFile(
      sidecarOf(diskUri),
      serializeSidecar(
        { version: 1, source: 'it-export-disk.txt', sourceHash: '', codebook: 'test-fixture', annotations: [onDisk] },
        DISK_TEXT,
      ),
    );

    const { doc, editor } = await openFixture('it-export-open.txt', OPEN_TEXT);
    await run(
      (await codeActions(doc.uri, rangeOf(doc, 'sovereign internet'))).find((a) =>
        a.title.startsWith('Tag as '),
      ) as vscode.CodeAction,
    );
    await waitFor('annotation', () => coder.annotationsFor(doc.uri)[0]);
    await editor.edit((b) => b.insert(new vscode.Position(1, 0), 'Unsaved words. '));
    const moved = await waitFor('annotation moved by typing', () =>
      coder.annotationsFor(doc.uri).find((a) => a.start > OPEN_TEXT.indexOf('sovereign internet')),
    );

    const target = workspaceUri('segments.csv');
    const count = await vscode.commands.executeCommand<number | undefined>(EXPORT, target);
    const rows = parseCsv<Record<string, string>>((await readFile(target)) ?? '', { columns: true });
    assert.equal(rows.length, count);
    const openRow = rows.find((r) => r['document'] === 'texts/it-export-open.txt');
    assert.equal(openRow?.['quote'], 'sovereign internet');
    assert.equal(Number(openRow?.['start']), moved.start, 'the open document is exported as the coder sees it');
    assert.equal(openRow?.['status'], 'anchored');
    const diskRow = rows.find((r) => r['document'] === 'texts/it-export-disk.txt');
    assert.deepEqual(
      [
        diskRow?.['annotation_id'],
        diskRow?.['frame_label'],
        diskRow?.['quote'],
        diskRow?.['coder'],
        diskRow?.['line'],
        diskRow?.['status'],
      ],
      ['a00000000b1', 'Data as a resource', 'data sovereignty', 'bob', '2', 'anchored'],
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('exports a REFI-QDA project and codebook that validate against the QDA-XML schemas', async () => {
    await api();
    await removeBrokenSidecars();
    const target = workspaceUri('project.qdpx');
    const count = await vscode.commands.executeCommand<number | undefined>('sovereigntyCoder.exportQdpx', target);
    assert.ok(count !== undefined && count > 0, `annotations exported: ${String(count)}`);
    const zip = unzipSync(await vscode.workspace.fs.readFile(target));
    const qde = zip['project.qde'];
    assert.ok(qde, `project.qde in ${Object.keys(zip).join(', ')}`);
    assertValid(qde, 'Project.xsd');
    const xml = new TextDecoder().decode(qde);
    assert.match(xml, /<TextSource [^>]*name="it-export-disk\.txt"/, 'a source is named by its file name');
    assert.match(xml, /<Description>Sovereignty Coder path: texts\/it-export-disk\.txt<\/Description>/);
    assert.match(xml, /<PlainTextSelection [^>]*name="data sovereignty"/);
    assert.ok(
      Object.keys(zip).some((k) => /^sources\/[0-9a-f-]{36}\.txt$/.test(k)),
      'sources/ holds the texts',
    );

    const qdc = workspaceUri('codebook.qdc');
    assert.equal(
      await vscode.commands.executeCommand('sovereigntyCoder.exportQdc', qdc),
      2,
      'the fixture codebook has two frames',
    );
    assertValid(await vscode.workspace.fs.readFile(qdc), 'Codebook.xsd');
  });
});
