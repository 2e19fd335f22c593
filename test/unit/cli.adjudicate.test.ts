/**
 * `sovcode adjudicate` on real files: the listing (text, JSON, and CSV that is a decisions form), --accept of one
 * coder with the agreements and the done mark, running twice adds nothing, --dry-run writes nothing, a
 * decisions file filled in from the listing, and its errors named with file and line.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAnnotation } from '../../src/core/annotations';
import { parseSidecar } from '../../src/core/sidecar';
import { sidecarYaml, tempFolder } from './fileFixtures';
import { sovcode, sovcodeAsync } from './sovcodeRunner';

const TEXT =
  'The delegates spoke of cyber sovereignty at length.\nA second speaker raised data localization twice.\n代表团强调网络主权。\n';

function tag(coder: string, frame: string, quote: string, id: string) {
  const s = TEXT.indexOf(quote);
  return createAnnotation(TEXT, s, s + quote.length, frame, coder, '2026-12-01', id);
}

function folderWithTwoCoders(): { dir: string; sidecar: string } {
  const dir = tempFolder('sovcode-adjudicate-');
  writeFileSync(join(dir, 'speech.txt'), TEXT);
  const sidecar = join(dir, 'speech.txt.annotations.yaml');
  writeFileSync(
    sidecar,
    sidecarYaml('speech.txt', TEXT, [
      tag('ann', 'territory', 'cyber sovereignty', 'a0000000001'),
      tag('ben', 'territory', 'cyber sovereignty', 'a0000000002'),
      tag('ann', 'data', 'data localization', 'a0000000003'),
      tag('ben', 'territory', 'data localization', 'a0000000004'),
      tag('ben', 'norms', '网络主权', 'a0000000005'),
    ]),
  );
  return { dir, sidecar };
}

const consensusOf = (sidecar: string) =>
  (parseSidecar(readFileSync(sidecar, 'utf8'), sidecar).sidecar?.annotations ?? []).filter(
    (a) => a.coder === 'consensus',
  );

describe('sovcode adjudicate', () => {
  it('lists the disagreements as text, JSON and a CSV decisions form', () => {
    const { dir } = folderWithTwoCoders();
    const text = sovcode('adjudicate', '--coders', 'ann,ben', dir);
    assert.equal(text.code, 0, text.err);
    assert.match(
      text.out,
      /^d[0-9a-z]{10} {2}.*speech\.txt:2:25 {2}frames differ {2}\[open\]\n {4}ann: data “data localization”\n {4}ben: territory “data localization”/m,
    );
    assert.match(
      text.out,
      /2 disagreement\(s\) of ann and ben in 1 text\(s\), 2 open; 1 agreement\(s\), 1 not yet in the consensus/,
    );
    const json = JSON.parse(sovcode('adjudicate', '--coders', 'ann,ben', '--format', 'json', dir).out) as {
      disagreements: { kind: string; b: { quote: string }[] }[];
    };
    assert.deepEqual(
      json.disagreements.map((d) => [d.kind, d.b[0]?.quote]),
      [
        ['frames-differ', 'data localization'],
        ['only-b', '网络主权'],
      ],
    );
    const csv = sovcode('adjudicate', '--coders', 'ann,ben', '--format', 'csv', dir).out;
    assert.match(csv, /^"id","decision","status","text","line","column","kind","ann","ben"\r\n/);
    assert.equal(sovcode('adjudicate', '--coders', 'ann,ann', dir).code, 2);
    assert.match(sovcode('adjudicate', '--coders', 'ann,ben', '--as', 'ann', dir).err, /one of the coders compared/);
  });

  it('--accept ann writes the agreements and ann where they differ, marks the text done, and adds nothing twice', async () => {
    const { dir, sidecar } = folderWithTwoCoders();
    const before = readFileSync(sidecar, 'utf8');
    const dry = await sovcodeAsync(
      'adjudicate',
      '--coders',
      'ann,ben',
      '--accept',
      'ann',
      '--coder',
      'lead',
      '--dry-run',
      dir,
    );
    assert.equal(dry.code, 0, dry.err);
    assert.match(dry.out, /would write: 2 decided, 1 agreement\(s\) copied, consensus: \+2 −0, 0 open/);
    assert.equal(readFileSync(sidecar, 'utf8'), before, '--dry-run writes nothing');
    const first = await sovcodeAsync('adjudicate', '--coders', 'ann,ben', '--accept', 'ann', '--coder', 'lead', dir);
    assert.equal(first.code, 0, first.err);
    assert.deepEqual(
      consensusOf(sidecar).map((a) => [a.frame, a.quote]),
      [
        ['territory', 'cyber sovereignty'],
        ['data', 'data localization'],
      ],
    );
    assert.match(
      consensusOf(sidecar)[1].memo ?? '',
      /^Adjudicated d[0-9a-z]{10} by lead on \d{4}-\d{2}-\d{2}: accept ann over ben/,
    );
    assert.deepEqual(parseSidecar(readFileSync(sidecar, 'utf8'), sidecar).sidecar?.done, ['consensus']);
    const written = readFileSync(sidecar, 'utf8');
    const second = await sovcodeAsync('adjudicate', '--coders', 'ann,ben', '--accept', 'ann', '--coder', 'lead', dir);
    assert.equal(second.code, 0, second.err);
    assert.match(second.out, /unchanged/);
    assert.equal(readFileSync(sidecar, 'utf8'), written, 'the second run writes nothing');
    assert.match(sovcode('adjudicate', '--coders', 'ann,ben', dir).out, /\[accept-a\][\s\S]*\[neither\]/);
  });

  it('applies a decisions file filled in from the CSV listing', async () => {
    const { dir, sidecar } = folderWithTwoCoders();
    const form = sovcode('adjudicate', '--coders', 'ann,ben', '--format', 'csv', dir).out;
    const [header, first, second] = form.split('\r\n');
    const filled = [
      header,
      first.replace(/^("d[0-9a-z]{10}"),""/, '$1,"ben"'),
      second.replace(/^("d[0-9a-z]{10}"),""/, '$1,"both"'),
    ].join('\n');
    const file = join(dir, 'decisions.csv');
    writeFileSync(file, filled);
    const result = await sovcodeAsync('adjudicate', '--coders', 'ann,ben', '--decisions', file, '--coder', 'lead', dir);
    assert.equal(result.code, 0, result.err);
    assert.deepEqual(
      consensusOf(sidecar).map((a) => [a.frame, a.quote]),
      [
        ['territory', 'data localization'],
        ['norms', '网络主权'],
      ],
    );
    assert.match(result.out, /1 text\(s\) adjudicated by lead as consensus; 0 disagreement\(s\) still open/);
  });

  it('names the file and line of a bad decision, and of an id that names no disagreement, writing nothing', async () => {
    const { dir, sidecar } = folderWithTwoCoders();
    const before = readFileSync(sidecar, 'utf8');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'id,decision\nd0000000000,perhaps\n');
    const refused = await sovcodeAsync('adjudicate', '--coders', 'ann,ben', '--decisions', bad, dir);
    assert.equal(refused.code, 2);
    assert.match(
      refused.err,
      new RegExp(`${bad.replace(/[/\\.]/g, '\\$&')}:2:1: error: disagreement d0000000000: unknown decision 'perhaps'`),
    );
    const stale = join(dir, 'stale.csv');
    writeFileSync(stale, 'id,decision\nd0000000000,both\n');
    const unknown = await sovcodeAsync('adjudicate', '--coders', 'ann,ben', '--decisions', stale, dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /stale\.csv:2:1: error: no disagreement d0000000000/);
    assert.equal(readFileSync(sidecar, 'utf8'), before);
  });
});
