/**
 * Who decided what: a change after coding records who made it and when, a retag by a second coder credits
 * the frame to them, and the sidecar, the merge driver, the CSV, REFI-QDA and the agreement report agree.
 */
import * as assert from 'node:assert/strict';
import { parse as parseCsv } from 'csv-parse/sync';
import { agreementReport } from '../../src/core/agreement/report';
import {
  createAnnotation,
  decidedBy,
  markReviewed,
  retagAnnotation,
  setMemo,
  type Annotation,
} from '../../src/core/annotations';
import { reattachAnnotation } from '../../src/core/coding/reattach';
import { buildRefiQdaProject } from '../../src/core/export/refiQda';
import { SEGMENT_COLUMNS, segmentsToCsv } from '../../src/core/export/segmentsCsv';
import { codedSegments } from '../../src/core/documents';
import { mergeSidecars } from '../../src/core/git';
import { parseCanonicalSidecar, parseSidecar, serializeSidecar, type Sidecar } from '../../src/core/sidecar';
import { textHash } from '../../src/core/text';
import { testCodebook } from './twoFrames';

const TEXT = 'The land was claimed first. Then the sea was claimed as well.\n';
const FILE = 'claims.txt.annotations.yaml';

function code(quote: string, frame: string, coder: string, id: string): Annotation {
  const start = TEXT.indexOf(quote);
  return createAnnotation(TEXT, start, start + quote.length, frame, coder, '2026-11-20', id);
}

function sidecarOf(annotations: Annotation[]): Sidecar {
  return { version: 1, source: 'claims.txt', sourceHash: textHash(TEXT), codebook: 't', annotations };
}

const alice = code('The land was claimed first.', 'land', 'alice', 'a0000000001');
const bea = { by: 'bea', on: '2026-11-25' };

describe('who decided what', () => {
  it('a retag by a second coder records who and when, and credits the frame to them', () => {
    const [retagged] = retagAnnotation([alice], alice.id, 'sea', bea);
    assert.equal(retagged.coder, 'alice', 'the coder who marked the span stays');
    assert.equal(retagged.created, '2026-11-20');
    assert.deepEqual([retagged.modified, retagged.modifiedBy, retagged.retaggedBy], ['2026-11-25', 'bea', 'bea']);
    assert.equal(decidedBy(retagged), 'bea');
    const [back] = retagAnnotation([retagged], alice.id, 'land', { by: 'alice', on: '2026-11-26' });
    assert.equal('retaggedBy' in back, false, 'retagged back by its coder, the frame is hers again');
    assert.deepEqual([back.modifiedBy, decidedBy(back)], ['alice', 'alice']);
  });

  it('a memo, a review or a re-attach by a second coder records the change but leaves the frame credited', () => {
    const [memo] = setMemo([alice], alice.id, 'a claim to territory', bea);
    const [reviewed] = markReviewed([{ ...alice, status: 'needs-review' }], alice.id, bea);
    const sea = TEXT.indexOf('the sea');
    const [moved] = reattachAnnotation([alice], alice.id, TEXT, sea, sea + 7, bea);
    for (const a of [memo, reviewed, moved]) {
      assert.deepEqual([a.modified, a.modifiedBy, decidedBy(a)], ['2026-11-25', 'bea', 'alice']);
      assert.equal('retaggedBy' in a, false);
    }
    assert.equal(setMemo([alice], alice.id, undefined, bea)[0], alice, 'no change, nothing recorded');
    assert.equal(markReviewed([alice], alice.id, bea)[0], alice, 'nothing to review, nothing recorded');
    assert.throws(() => retagAnnotation([alice], alice.id, 'sea', { by: '', on: '2026-11-25' }), /empty/);
    assert.throws(() => setMemo([alice], alice.id, 'x', { by: 'bea', on: 'today' }), /YYYY-MM-DD/);
  });

  it('writes the record next to who coded, and both readers read it back', () => {
    const [retagged] = retagAnnotation([alice], alice.id, 'sea', bea);
    const yaml = serializeSidecar(sidecarOf([retagged]), TEXT);
    assert.match(
      yaml,
      /coder: alice\n {4}created: 2026-11-20\n {4}modified: 2026-11-25\n {4}modifiedBy: bea\n {4}retaggedBy: bea\n/,
    );
    assert.deepEqual(parseCanonicalSidecar(yaml, FILE)?.annotations, [retagged], 'the fast reader');
    const full = parseSidecar(yaml.replace('# Sovereignty', '#  Sovereignty').replace('\n', '\n\n'), FILE);
    assert.deepEqual(full.problems, []);
    assert.deepEqual(full.sidecar?.annotations, [retagged], 'the YAML reader');
    const bad = parseSidecar(yaml.replace('modified: 2026-11-25', 'modified: 2026-13-01'), FILE);
    assert.match(bad.problems[0]?.message ?? '', /'modified' must be a date written YYYY-MM-DD/);
  });

  it('merges a retag on one branch with a memo on the other: the frame keeps its record, the later change is last', () => {
    const base = sidecarOf([alice]);
    const ours = sidecarOf(retagAnnotation([alice], alice.id, 'sea', bea));
    const theirs = sidecarOf(setMemo([alice], alice.id, 'see the sea', { by: 'cem', on: '2026-11-27' }));
    const [merged] = mergeSidecars(base, ours, theirs).sidecar.annotations;
    assert.deepEqual(
      [merged.frame, merged.memo, merged.retaggedBy, merged.modifiedBy, merged.modified],
      ['sea', 'see the sea', 'bea', 'cem', '2026-11-27'],
    );
    const [flipped] = mergeSidecars(base, theirs, ours).sidecar.annotations;
    assert.deepEqual(flipped, merged, 'the same whichever side is ours');
  });

  it('two coders retagging the same annotation differently: a conflict whose versions each say who chose them', () => {
    const base = sidecarOf([alice]);
    const ours = sidecarOf(retagAnnotation([alice], alice.id, 'sea', bea));
    const theirs = sidecarOf(
      retagAnnotation([{ ...alice, frame: 'sea' }], alice.id, 'land', { by: 'cem', on: '2026-11-26' }),
    );
    theirs.annotations = theirs.annotations.map((a) => ({ ...a, frame: 'coast' }));
    const outcome = mergeSidecars(base, ours, theirs);
    assert.equal(outcome.conflicts, 1);
    const byFrame = new Map(outcome.sidecar.annotations.map((a) => [a.frame, a]));
    assert.deepEqual([byFrame.get('sea')?.retaggedBy, byFrame.get('sea')?.status], ['bea', 'conflict']);
    assert.deepEqual([byFrame.get('coast')?.retaggedBy, byFrame.get('coast')?.modified], ['cem', '2026-11-26']);
  });

  it('the CSV ends with modified, modified_by and decided_by', () => {
    const [retagged] = retagAnnotation([alice], alice.id, 'sea', bea);
    const bob = code('the sea was claimed', 'sea', 'bob', 'a0000000002');
    const documents = [{ path: 'claims.txt', text: TEXT, annotations: [retagged, bob] }];
    const segments = codedSegments(testCodebook(), documents);
    const rows = parseCsv<Record<string, string>>(segmentsToCsv(segments, documents, { id: 't' }), { columns: true });
    assert.deepEqual(SEGMENT_COLUMNS.slice(-3), ['modified', 'modified_by', 'decided_by']);
    assert.deepEqual(
      rows.map((r) => [r.coder, r.modified, r.modified_by, r.decided_by]),
      [
        ['alice', '2026-11-25', 'bea', 'bea'],
        ['bob', '', '', 'bob'],
      ],
    );
  });

  it('REFI-QDA credits the coding to who chose the frame and the selection change to who made it', () => {
    const [retagged] = retagAnnotation([alice], alice.id, 'sea', bea);
    const project = buildRefiQdaProject(testCodebook(), [{ path: 'claims.txt', text: TEXT, annotations: [retagged] }], {
      projectName: 'p',
      origin: 'test',
    });
    const xml = project.projectXml;
    const users = new Map([...xml.matchAll(/<User guid="([^"]+)" name="([^"]+)"\/>/g)].map((m) => [m[2], m[1]]));
    assert.deepEqual([...users.keys()].sort(), ['alice', 'bea']);
    const selection = /<PlainTextSelection [^>]*>/.exec(xml)?.[0] ?? '';
    assert.match(selection, new RegExp(`creatingUser="${users.get('alice')}"`));
    assert.match(selection, new RegExp(`modifyingUser="${users.get('bea')}" modifiedDateTime="2026-11-25T00:00:00Z"`));
    assert.match(/<Coding [^>]*>/.exec(xml)?.[0] ?? '', new RegExp(`creatingUser="${users.get('bea')}"`));
  });

  it("the agreement report counts a second coder's retag as that coder's decision, a memo not", () => {
    const bobSea = code('the sea was claimed', 'sea', 'bob', 'a0000000002');
    const aliceSea = code('the sea was claimed', 'sea', 'alice', 'a0000000003');
    const [retagged] = retagAnnotation([alice], alice.id, 'sea', { by: 'bob', on: '2026-11-25' });
    const report = agreementReport(testCodebook(), [
      { path: 'claims.txt', text: TEXT, annotations: [retagged, bobSea, aliceSea] },
    ]);
    assert.deepEqual(report.coders, ['alice', 'bob']);
    const sea = report.frames.find((f) => f.frame === 'sea');
    assert.deepEqual(sea?.unitsCoded, [1, 2], "the first sentence's sea is bob's decision, not alice's");
    assert.deepEqual(
      sea?.disagreements.map((d) => d.appliedBy),
      [['bob']],
    );
    const [memo] = setMemo([alice], alice.id, 'noted', { by: 'bob', on: '2026-11-25' });
    const withMemo = agreementReport(testCodebook(), [
      { path: 'claims.txt', text: TEXT, annotations: [memo, bobSea, aliceSea] },
    ]);
    assert.deepEqual(withMemo.frames.find((f) => f.frame === 'land')?.unitsCoded, [1, 0], 'the land is still alice’s');
  });
});
