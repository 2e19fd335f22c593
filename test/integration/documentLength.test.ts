/**
 * The document length the extension follows through change events (documentExcerpts.ts, instead of asking
 * VS Code for the offset of the end, which costs a pass over every line below an edit) stays the real length
 * through every kind of edit: typing, a deletion, several edits in one event, undo and redo, a whole rewrite,
 * in LF and CRLF documents.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { api, openFixture } from './helpers';

describe('The document length followed through edits in a real VS Code', () => {
  for (const eol of ['\n', '\r\n']) {
    it(`equals getText().length after every kind of edit (${eol === '\n' ? 'LF' : 'CRLF'})`, async () => {
      const coder = await api();
      const lines = Array.from({ length: 40 }, (_, i) => `line ${i}: digital sovereignty and data localisation`);
      const { doc, editor } = await openFixture(`it-length-${eol.length}.txt`, lines.join(eol));
      const check = (what: string): void =>
        assert.equal(coder.documentLength(doc), doc.getText().length, `the length after ${what}`);
      check('opening');
      const edit = async (what: string, f: (b: vscode.TextEditorEdit) => void): Promise<void> => {
        assert.ok(await editor.edit(f), what);
        check(what);
      };
      await edit('typing a character', (b) => b.insert(new vscode.Position(10, 3), 'x'));
      await edit('deleting across lines', (b) => b.delete(new vscode.Range(5, 2, 7, 9)));
      await edit('three edits in one event', (b) => {
        b.insert(new vscode.Position(0, 0), 'first ');
        b.replace(new vscode.Range(12, 0, 12, 4), `LINE${eol}split`);
        b.delete(new vscode.Range(20, 0, 21, 0));
      });
      await vscode.commands.executeCommand('undo');
      check('undo');
      await vscode.commands.executeCommand('redo');
      check('redo');
      await editor.insertSnippet(new vscode.SnippetString(`snippet${eol}of two lines`), new vscode.Position(3, 0));
      check('a snippet');
      const other = eol === '\n' ? vscode.EndOfLine.CRLF : vscode.EndOfLine.LF;
      await edit('a change of line ends', (b) => b.setEndOfLine(other));
      assert.equal(doc.eol, other);
      await edit('typing after it', (b) => b.insert(new vscode.Position(2, 1), 'y'));
      const all = new vscode.Range(0, 0, doc.lineCount, 0);
      await edit('a whole rewrite', (b) => b.replace(all, `short${eol}text`));
      await edit('emptying it', (b) => b.delete(new vscode.Range(0, 0, doc.lineCount, 0)));
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
  }
});
