/**
 * *Import REFI-QDA Project…* in a real VS Code: the workspace exported by *Export REFI-QDA Project* and imported
 * into an empty folder gives back every annotation (the text of a coded document with an emoji before its span
 * comes back with the same ids, quotes, offsets, coder and memo), a codebook the loader accepts, and a second
 * import into the same folder is refused without writing anything.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { createAnnotation } from '../../src/core/annotations';
import { parseCodebook } from '../../src/core/codebook';
import { parseSidecar, serializeSidecar } from '../../src/core/sidecar';
import { api, readFile, removeBrokenSidecars, sidecarOf, workspaceUri, writeFile } from './helpers';

const TEXT = 'An interchange note 👩🏽‍💻 (written for the tests).\nThe minister spoke of data sovereignty.\n';

interface ImportSummary {
  codebook: string;
  frames: number;
  texts: number;
  placed: number;
  reported: number;
}

describe('REFI-QDA import in a real VS Code', () => {
  it('imports the exported workspace into an empty folder with every annotation, and refuses to overwrite', async () => {
    await api();
    await removeBrokenSidecars();
    const textUri = workspaceUri('texts', 'it-interchange.txt');
    const start = TEXT.indexOf('data sovereignty');
    const coded = {
      ...createAnnotation(
        TEXT,
        start,
        start + 'data sovereignty'.length,
        'data-resource',
        'ana',
        '2026-11-29',
        'a00000000i1',
      ),
      memo: 'A memo\nover two lines',
    };
    await writeFile(textUri, TEXT);
    await writeFile(
      sidecarOf(textUri),
      serializeSidecar(
        { version: 1, source: 'it-interchange.txt', sourceHash: '', codebook: 'test-fixture', annotations: [coded] },
        TEXT,
      ),
    );
    const qdpx = workspaceUri('it-interchange.qdpx');
    const folder = workspaceUri('it-imported');
    try {
      const exported = await vscode.commands.executeCommand<number | undefined>('sovereigntyCoder.exportQdpx', qdpx);
      assert.ok(exported !== undefined && exported > 0, 'the workspace was exported');
      const summary = await vscode.commands.executeCommand<ImportSummary | undefined>(
        'sovereigntyCoder.importRefiQda',
        qdpx,
        folder,
      );
      assert.ok(summary, 'the import ran');
      assert.equal(summary.reported, 0, 'nothing of our own export is left over');
      const sidecar = await readFile(vscode.Uri.joinPath(folder, 'texts', 'it-interchange.txt.annotations.yaml'));
      assert.ok(sidecar, 'the coded text has its annotation file in the imported folder');
      const back = parseSidecar(sidecar, 'imported').sidecar?.annotations ?? [];
      assert.deepEqual(
        back.map((a) => [a.id, a.frame, a.quote, a.start, a.end, a.coder, a.created, a.memo]),
        [[coded.id, coded.frame, coded.quote, coded.start, coded.end, coded.coder, coded.created, coded.memo]],
      );
      assert.equal(await readFile(vscode.Uri.joinPath(folder, 'texts', 'it-interchange.txt')), TEXT);
      const book = parseCodebook((await readFile(vscode.Uri.joinPath(folder, 'codebook.yaml'))) ?? '', 'codebook.yaml');
      assert.deepEqual(book.problems, []);
      assert.equal(book.codebook?.frames.length, summary.frames);

      const again = await vscode.commands.executeCommand<ImportSummary | undefined>(
        'sovereigntyCoder.importRefiQda',
        qdpx,
        folder,
      );
      assert.equal(again, undefined, 'a second import into the same folder is refused');
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
      await vscode.workspace.fs.delete(qdpx, { useTrash: false });
      await vscode.workspace.fs.delete(sidecarOf(textUri), { useTrash: false });
      await vscode.workspace.fs.delete(textUri, { useTrash: false });
    }
  });
});
