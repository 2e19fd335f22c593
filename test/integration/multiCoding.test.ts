/**
 * Multi-coding in a real VS Code: two frames on overlapping spans are each painted with their own decoration,
 * and a label after the shared region names both frames, so the coder sees the double coding without
 * telling colours apart.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandId } from '../../src/vscode/commandIds';
import { api, openFixture, rangeOf, waitFor } from './helpers';

const TEXT = [
  'A short note written for the multi-coding test.',
  'The minister said digital borders protect data sovereignty at home and abroad.',
  '',
].join('\n');

describe('Multi-coding is visible without colour alone', () => {
  it('labels the region two frames share with both frame names and paints each frame', async () => {
    const coder = await api();
    const { doc } = await openFixture('it-multi.txt', TEXT);
    const span = (needle: string): { start: number; end: number } => {
      const r = rangeOf(doc, needle);
      return { start: doc.offsetAt(r.start), end: doc.offsetAt(r.end) };
    };
    const uri = doc.uri.toString();
    // the document's sidecar is loaded before its first paint: tag only then
    await waitFor('cues', () => (coder.decorationsFor(doc.uri).some((d) => d.kind === 'cue') ? true : undefined));
    const tag = (needle: string, frameId: string): Thenable<number> =>
      vscode.commands.executeCommand<number>(CommandId.applyTag, { uri, spans: [span(needle)], frameId });
    assert.equal(await tag('digital borders protect data sovereignty', 'digital-territory'), 1);
    assert.equal(coder.annotationsFor(doc.uri).length, 1);
    assert.equal(await tag('data sovereignty at home', 'data-resource'), 1);
    assert.equal(coder.annotationsFor(doc.uri).length, 2);
    const overlap = await waitFor('an overlap label', () =>
      coder.decorationsFor(doc.uri).find((d) => d.kind === 'overlap'),
    ).catch((e: unknown) => {
      const painted = coder.decorationsFor(doc.uri).map((d) => `${d.kind}:${d.frameId}`);
      const annotations = coder.annotationsFor(doc.uri).map((a) => `${a.frame}@${a.start}-${a.end}`);
      throw new Error(`${String(e)}; painted ${painted.join(', ')}; annotations ${annotations.join(', ')}`);
    });
    assert.deepEqual(overlap.labels, ['⟨Digital territory · Data as a resource⟩']);
    const at = overlap.ranges[0];
    assert.ok(at);
    assert.equal(doc.offsetAt(at.start), span('data sovereignty').end, 'the label sits after the shared words');
    const framesPainted = coder
      .decorationsFor(doc.uri)
      .filter((d) => d.kind === 'annotation')
      .map((d) => d.frameId)
      .sort();
    assert.deepEqual(framesPainted, ['data-resource', 'digital-territory']);
  });
});
