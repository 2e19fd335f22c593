/**
 * Retrieval in a real VS Code: the corpus index over every sidecar of the workspace (not only open ones), the
 * Coded Segments explorer's data provider (groupings, filters, the attention group, opening a segment, a
 * context action, live updates), the Codebook view with rename across all coded data, document attributes
 * with their problems, and the statistics view (its numbers, its page's CSP, a click listing segments).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { createAnnotation } from '../../src/core/annotations';
import { serializeSidecar } from '../../src/core/sidecar';
import { textHash } from '../../src/core/text';
import type { SegmentNode } from '../../src/vscode/views/segmentModel';
import { api, readFile, removeBrokenSidecars, sidecarOf, waitFor, workspaceUri, writeFile } from './helpers';

const A = 'A harbour note for the explorer test.\nThe council spoke of a sovereign internet and of digital borders.\n';
const B = 'A second note, written for the tests.\nData sovereignty was named twice: data sovereignty.\n';

async function coded(
  name: string,
  text: string,
  spans: [string, string, string, ('needs-review' | undefined)?][],
): Promise<vscode.Uri> {
  const uri = workspaceUri('texts', name);
  await writeFile(uri, text);
  let n = 0;
  const annotations = spans.map(([needle, frame, coder, status]) => {
    const at = text.indexOf(needle);
    const a = createAnnotation(
      text,
      at,
      at + needle.length,
      frame,
      coder,
      '2026-12-01',
      `a${name.length}${String(n++).padStart(9, '0')}`,
    );
    return status ? { ...a, status } : a;
  });
  await writeFile(
    sidecarOf(uri),
    serializeSidecar(
      { version: 1, source: name, sourceHash: textHash(text), codebook: 'test-fixture', annotations },
      text,
    ),
  );
  return uri;
}

async function children(node?: SegmentNode): Promise<SegmentNode[]> {
  return (await api()).retrieval.segments.getChildren(node);
}

function labelOf(node: SegmentNode): string {
  return node.kind === 'group' || node.kind === 'frame'
    ? node.label
    : node.kind === 'text'
      ? node.path
      : node.segment.annotation.quote;
}

describe('Retrieval views in a real VS Code', () => {
  before(async () => {
    const { retrieval } = await api();
    await coded('it-retrieval-a.txt', A, [
      ['sovereign internet', 'digital-territory', 'coder-a'],
      ['digital borders', 'digital-territory', 'coder-b', 'needs-review'],
    ]);
    await coded('it-retrieval-b.txt', B, [
      ['Data sovereignty', 'data-resource', 'coder-a'],
      ['data sovereignty.', 'data-resource', 'coder-b'],
    ]);
    await waitFor('both texts in the index', async () => {
      const index = await retrieval.corpus.current();
      return index?.get('texts/it-retrieval-a.txt') && index.get('texts/it-retrieval-b.txt') ? true : undefined;
    });
  });

  it('lists every sidecar of the workspace by frame, then text, then segment, with counts and actions', async () => {
    const roots = await children();
    const frame = roots.find((n) => n.kind === 'frame' && n.frame === 'digital-territory');
    assert.ok(frame && frame.kind === 'frame', roots.map(labelOf).join(', '));
    assert.ok(frame.count >= 2);
    const text = (await children(frame)).find((n) => n.kind === 'text' && n.path === 'texts/it-retrieval-a.txt');
    assert.ok(text);
    const segments = await children(text);
    assert.deepEqual(segments.map(labelOf), ['sovereign internet', 'digital borders']);
    const item = (await api()).retrieval.segments.getTreeItem(segments[1]);
    assert.equal(item.contextValue, 'segment.needs-review');
    assert.equal(item.command?.command, 'sovereigntyCoder.openSegment');
    const attention = roots.find((n) => n.kind === 'group' && n.key === 'attention');
    assert.ok(attention && (await children(attention)).some((n) => labelOf(n) === 'digital borders'));
  });

  it('groups by text and filters by coder', async () => {
    const { retrieval } = await api();
    await vscode.commands.executeCommand('sovereigntyCoder.segments.groupByText');
    const text = (await children()).find((n) => n.kind === 'text' && n.path === 'texts/it-retrieval-b.txt');
    assert.ok(text && text.kind === 'text');
    assert.equal(text.count, 2);
    retrieval.segments.filter = { coders: ['coder-b'] };
    retrieval.segments.refresh();
    const filtered = (await children()).find((n) => n.kind === 'text' && n.path === 'texts/it-retrieval-b.txt');
    assert.equal(filtered?.kind === 'text' ? filtered.count : 0, 1);
    await vscode.commands.executeCommand('sovereigntyCoder.segments.clearFilter');
    await vscode.commands.executeCommand('sovereigntyCoder.segments.groupByFrame');
    assert.deepEqual(retrieval.segments.filter, {});
  });

  it('opens a segment at its span, and "Mark as Reviewed" from the explorer writes the sidecar', async () => {
    const uri = workspaceUri('texts', 'it-retrieval-a.txt');
    const attention = (await children()).find((n) => n.kind === 'group' && n.key === 'attention');
    assert.ok(attention);
    // other tests tag 'digital borders' in their own texts too: take this text's segment
    const node = (await children(attention)).find(
      (n) =>
        n.kind === 'segment' &&
        n.segment.document === 'texts/it-retrieval-a.txt' &&
        n.segment.annotation.quote === 'digital borders',
    );
    assert.ok(node);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('sovereigntyCoder.openSegment', node);
    assert.equal(editor.document.getText(editor.selection), 'digital borders');
    const before = (await api()).annotationsFor(uri).find((a) => a.quote === 'digital borders');
    assert.equal(before?.status, 'needs-review');
    const state = JSON.stringify((await api()).sidecarState(uri));
    const done = await vscode.commands.executeCommand<boolean | undefined>(
      'sovereigntyCoder.segment.markReviewed',
      node,
    );
    assert.equal(done, true, `mark reviewed did not apply (store: ${state})`);
    assert.equal((await api()).annotationsFor(uri).find((a) => a.quote === 'digital borders')?.status, undefined);
    const sidecar = sidecarOf(workspaceUri('texts', 'it-retrieval-a.txt'));
    await waitFor('the status gone from the sidecar', async () =>
      (await readFile(sidecar))?.includes('needs-review') === false ? true : undefined,
    );
    await waitFor('the explorer follows', async () => {
      const group = (await children()).find((n) => n.kind === 'group' && n.key === 'attention');
      return group === undefined ||
        !(await children(group)).some((n) => n.kind === 'segment' && n.segment.document === 'texts/it-retrieval-a.txt')
        ? true
        : undefined;
    });
  });

  it('follows coding live: a tag added in the editor appears in the explorer', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceUri('texts', 'it-retrieval-a.txt'));
    const at = doc.getText().indexOf('harbour note');
    await vscode.commands.executeCommand('sovereigntyCoder.applyTag', {
      uri: doc.uri.toString(),
      spans: [{ start: at, end: at + 'harbour note'.length }],
      frameId: 'data-resource',
    });
    await waitFor('the new segment in the explorer', async () => {
      const frame = (await children()).find((n) => n.kind === 'frame' && n.frame === 'data-resource');
      const text =
        frame && (await children(frame)).find((n) => n.kind === 'text' && n.path === 'texts/it-retrieval-a.txt');
      return text && (await children(text)).some((n) => labelOf(n) === 'harbour note') ? true : undefined;
    });
  });

  it('the Codebook view counts frames; rename rewrites every sidecar and the codebook, and back', async () => {
    const { retrieval } = await api();
    await removeBrokenSidecars(); // other tests' deliberately broken sidecars would (rightly) stop the rename
    const frames = await retrieval.codebook.getChildren();
    const data = frames.find((f) => f.id === 'data-resource');
    assert.ok(data && data.count >= 3, JSON.stringify(frames.map((f) => [f.id, f.count])));
    const result = await vscode.commands.executeCommand<{ annotations: number; files: number }>(
      'sovereigntyCoder.codebook.renameFrame',
      data,
      'data-asset',
    );
    assert.ok(result.annotations >= 3);
    assert.match((await readFile(sidecarOf(workspaceUri('texts', 'it-retrieval-b.txt')))) ?? '', /frame: data-asset/);
    assert.match((await readFile(workspaceUri('codebook.yaml'))) ?? '', /id: data-asset/);
    await waitFor('the renamed frame in the Codebook view', async () =>
      (await retrieval.codebook.getChildren()).some((f) => f.id === 'data-asset' && f.frame) ? true : undefined,
    );
    const back = await vscode.commands.executeCommand<{ annotations: number }>(
      'sovereigntyCoder.codebook.renameFrame',
      { id: 'data-asset' },
      'data-resource',
    );
    assert.equal(back.annotations, result.annotations);
    assert.match((await readFile(workspaceUri('codebook.yaml'))) ?? '', /id: data-resource/);
  });

  it('reads documents.csv: problems at their line, then attributes to filter and group by', async () => {
    const { retrieval } = await api();
    const csv = workspaceUri('documents.csv');
    await writeFile(csv, 'document,country,date\ntexts/it-retrieval-a.txt,ru,2024-13\ntexts/nowhere.txt,cn,2024\n');
    const problems = await waitFor('attribute problems', () => {
      const d = vscode.languages.getDiagnostics(csv);
      return d.length >= 2 ? d : undefined;
    });
    assert.deepEqual(
      problems.map((p) => p.range.start.line),
      [1, 2],
    );
    await writeFile(
      csv,
      'document,country,date\ntexts/it-retrieval-a.txt,ru,2024-05\ntexts/it-retrieval-b.txt,cn,2023\n',
    );
    await waitFor('attributes read', () =>
      retrieval.corpus.attributes.columns.includes('country') ? true : undefined,
    );
    assert.equal(vscode.languages.getDiagnostics(csv).length, 0);
    retrieval.segments.filter = { attributes: { country: ['cn'] } };
    retrieval.segments.refresh();
    const frames = (await children()).filter((n) => n.kind === 'frame' && n.count > 0);
    assert.deepEqual(
      frames.map((n) => (n.kind === 'frame' ? n.frame : '')),
      ['data-resource'],
    );
    retrieval.segments.filter = {};
    retrieval.segments.refresh();
  });

  it("the statistics view draws the index's numbers under a strict CSP and lists a bar's segments", async () => {
    const { retrieval } = await api();
    const report = await vscode.commands.executeCommand<{
      segments: number;
      frequencies: { frames: { frame: string; count: number }[] };
    }>('sovereigntyCoder.showStatistics');
    const index = await retrieval.corpus.current();
    assert.equal(report.segments, index?.segments().length);
    const territory = report.frequencies.frames.find((f) => f.frame === 'digital-territory');
    assert.equal(territory?.count, index?.segments().filter((s) => s.annotation.frame === 'digital-territory').length);
    const html = retrieval.statistics.lastHtml;
    assert.match(
      html,
      /Content-Security-Policy" content="default-src 'none'; style-src [^;]+; img-src [^;]+; script-src 'nonce-[A-Za-z0-9+/=]+';"/,
    );
    // no remote resource: the only URLs are the webview's own source in the CSP and SVG namespace names
    const body = html
      .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
      .replace(/"http:\/\/www\.w3\.org\/2000\/svg"|'http:\/\/www\.w3\.org\/2000\/svg'/g, '');
    assert.doesNotMatch(body, /https?:\/\//);
    const listed = await retrieval.statistics.handle({ type: 'list', frame: 'digital-territory' });
    assert.equal(listed, territory?.count);
    const group = (await children()).find((n) => n.kind === 'group' && n.key === 'listed');
    assert.equal(group?.kind === 'group' ? group.segments.length : 0, territory?.count);
    const bySentence = await retrieval.statistics.handle({ type: 'options', mode: 'sentence', by: 'country' });
    assert.ok(bySentence);
    assert.equal(retrieval.statistics.lastReport?.cooccurrence.mode, 'sentence');
    assert.deepEqual(retrieval.statistics.lastReport?.frequencies.groups.slice(0, 2), ['cn', 'ru']);
    await vscode.commands.executeCommand('sovereigntyCoder.segments.clearFilter');
  });
});
