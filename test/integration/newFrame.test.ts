/**
 * The frame picker and *New frame…* in a real VS Code: the picker's rows (swatches, group separators, the
 * current frame marked, New frame… offered), and a frame created from a selection written into the workspace
 * codebook as one added block, in force at once, with the selection tagged with it.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { NewFrame } from '../../src/core/codebook/addFrame';
import { CommandId } from '../../src/vscode/commandIds';
import { frameItems } from '../../src/vscode/frames';
import { api, openFixture, rangeOf, readFile, sidecarOf, workspaceUri, writeFile } from './helpers';

const TEXT = 'A text for the new-frame test.\nShe called it a wall of silicon around the nation.\n';

describe('The frame picker and New frame…', () => {
  it('shows swatches, groups as separators, the current frame marked, and New frame… last', async () => {
    const coder = await api();
    assert.equal(coder.codebookId(), 'test-fixture');
    const codebook = {
      id: 'c',
      title: 'C',
      languages: ['en'],
      file: 'c.yaml',
      frames: [
        { id: 'claims', label: 'Claims', color: '#2e7d32', definition: 'D.', examples: [], terms: [], line: 1 },
        {
          id: 'data',
          label: 'Data',
          color: '#1565c0',
          definition: 'D.',
          examples: [],
          terms: [],
          line: 2,
          parent: 'claims',
        },
        { id: 'threats', label: 'Threats', color: '#c62828', definition: 'D.', examples: [], terms: [], line: 3 },
      ],
    };
    const items = frameItems(codebook, { current: 'data', allowNew: true });
    const separators = items.filter((i) => i.kind === vscode.QuickPickItemKind.Separator).map((i) => i.label);
    assert.deepEqual(separators, ['Claims', 'Threats', 'Codebook']);
    const rows = items.filter((i) => i.kind !== vscode.QuickPickItemKind.Separator);
    assert.deepEqual(
      rows.map((i) => i.label),
      ['Claims', 'Data', 'Threats', '$(add) New frame…'],
    );
    assert.ok(rows.slice(0, 3).every((i) => i.iconPath instanceof vscode.Uri && i.iconPath.scheme === 'data'));
    assert.match(rows[1]?.description ?? '', /current frame/);
    assert.ok(!rows.some((i) => i.picked), 'nothing is preselected');
  });

  it('writes a new frame into the workspace codebook as one block and tags the selection with it', async () => {
    const coder = await api();
    const codebookUri = workspaceUri('codebook.yaml');
    const before = (await readFile(codebookUri)) ?? '';
    const { doc } = await openFixture('it-new-frame.txt', TEXT);
    const r = rangeOf(doc, 'wall of silicon');
    const frame: NewFrame = {
      id: 'silicon-wall',
      label: 'Wall of silicon',
      color: '#6a1b9a',
      parent: 'digital-territory',
      definition: 'Technology presented as a protective wall around the nation.',
    };
    try {
      const added = await vscode.commands.executeCommand<number>(
        CommandId.newFrameFromSelection,
        doc.uri.toString(),
        { start: doc.offsetAt(r.start), end: doc.offsetAt(r.end) },
        frame,
      );
      assert.equal(added, 1);
      const after = (await readFile(codebookUri)) ?? '';
      const block = [
        '  - id: "silicon-wall"',
        '    label: "Wall of silicon"',
        '    color: "#6a1b9a"',
        '    parent: "digital-territory"',
        '    definition: "Technology presented as a protective wall around the nation."',
        '    terms: []',
        '',
      ].join('\n');
      const at = after.indexOf(block);
      assert.ok(at > 0, after);
      assert.equal(after.slice(0, at) + after.slice(at + block.length), before, 'only the block was added');
      assert.ok(after.indexOf('  - id: data-resource') > at, 'the child follows its parent, before the next frame');
      const annotation = coder.annotationsFor(doc.uri).find((a) => a.frame === 'silicon-wall');
      assert.equal(annotation?.quote, 'wall of silicon');
      assert.match((await readFile(sidecarOf(doc.uri))) ?? '', /frame: silicon-wall\n/);

      // the same id again is refused by the codebook checks, and the file is left as it is
      const again = await vscode.commands.executeCommand<number>(
        CommandId.newFrameFromSelection,
        doc.uri.toString(),
        { start: doc.offsetAt(r.start), end: doc.offsetAt(r.end) },
        frame,
      );
      assert.equal(again, 0);
      assert.equal(await readFile(codebookUri), after);
    } finally {
      // later tests use the fixture codebook as it was
      await writeFile(codebookUri, before);
      await vscode.commands.executeCommand(CommandId.reloadCodebook);
    }
  });
});
