/**
 * Cue terms suggested from coded segments (core/suggestTerms, `sovcode suggest-terms`): recurring word and
 * character n-grams of a frame's segments that no cue finds yet, counted per segment, with examples; accepting
 * one adds it to the frame's terms in the codebook file and changes no other byte.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnnotation } from '../../src/core/annotations';
import { matcherTerms, parseCodebook } from '../../src/core/codebook';
import { Matcher } from '../../src/core/matcher';
import { serializeSidecar } from '../../src/core/sidecar';
import { suggestTerms, withAcceptedTerm } from '../../src/core/suggestTerms';
import { textHash } from '../../src/core/text';
import { sovcode } from './sovcodeRunner';

const CODEBOOK = `# a comment that must survive
codebook: t
title: T
frames:
  - id: data
    label: Data
    color: "#123456"
    definition: >-
      Data kept at home, a folded block
      that must stay folded.
    terms:
      - data localisation   # the first cue
  - id: territory
    label: Territory
    color: "#654321"
    definition: d
`;

const QUOTES = [
  { frame: 'data', quote: 'Cloud sovereignty means domestic servers for every ministry.', document: 'a.txt' },
  { frame: 'data', quote: 'Data localisation and domestic servers, again.', document: 'b.txt' },
  { frame: 'data', quote: '数据安全审查与数据安全审查制度', document: 'c.txt' },
  { frame: 'data', quote: '網絡數據安全審查', document: 'd.txt' },
  { frame: 'territory', quote: 'Domestic servers belong to another frame here.', document: 'e.txt' },
];

function book() {
  const { codebook } = parseCodebook(CODEBOOK, 'codebook.yaml');
  assert.ok(codebook);
  return codebook;
}

describe('suggest terms from coded segments', () => {
  it('proposes recurring phrases of a frame, counted once per segment, most frequent first, with examples', () => {
    const codebook = book();
    const got = suggestTerms(codebook, Matcher.compile(matcherTerms(codebook)), QUOTES, { frame: 'data' });
    const byTerm = new Map(got.map((s) => [s.term, s]));
    assert.equal(byTerm.get('domestic servers')?.count, 2);
    assert.deepEqual(
      byTerm.get('domestic servers')?.examples.map((e) => e.document),
      ['a.txt', 'b.txt'],
    );
    // Chinese: character n-grams; Traditional and Simplified count as one; a shorter gram as frequent as a longer
    // one that contains it is dropped for it.
    assert.equal(byTerm.get('数据安全审查')?.count, 2);
    assert.equal(byTerm.has('数据安全'), false);
    // Not suggested: what a cue already finds, function words at the edges, a phrase of one segment only.
    assert.equal(byTerm.has('data localisation'), false);
    assert.equal(byTerm.has('for every'), false);
    assert.equal(byTerm.has('ministry'), false);
    assert.ok(got.every((s) => s.frame === 'data'));
  });

  it('accepts a term into the frame in place, every other byte unchanged, and refuses a term of another frame', () => {
    const withServers = withAcceptedTerm(CODEBOOK, 'codebook.yaml', 'data', 'domestic servers');
    assert.equal(withServers, CODEBOOK.replace('# the first cue\n', '# the first cue\n      - domestic servers\n'));
    const withTerms = withAcceptedTerm(CODEBOOK, 'codebook.yaml', 'territory', 'data borders: hard');
    assert.equal(withTerms, `${CODEBOOK.trimEnd()}\n    terms:\n      - "data borders: hard"\n`);
    assert.throws(
      () => withAcceptedTerm(CODEBOOK, 'codebook.yaml', 'territory', 'Data-Localisation'),
      /codebook.yaml: 'Data-Localisation' cannot be a cue of 'territory'/,
    );
    assert.throws(() => withAcceptedTerm(CODEBOOK, 'codebook.yaml', 'nope', 'x y'), /no frame 'nope'/);
  });

  it('sovcode suggest-terms lists suggestions, and --accept writes the workspace codebook', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sovcode-suggest-'));
    writeFileSync(join(dir, 'codebook.yaml'), CODEBOOK);
    const text = QUOTES.filter((q) => q.frame === 'data')
      .map((q) => q.quote)
      .join('\n\n');
    writeFileSync(join(dir, 'notes.txt'), text);
    const annotations = QUOTES.filter((q) => q.frame === 'data').map((q, i) => {
      const at = text.indexOf(q.quote);
      return createAnnotation(
        text,
        at,
        at + q.quote.length,
        'data',
        'coder',
        '2026-12-01',
        `a${String(i).padStart(10, '0')}`,
      );
    });
    writeFileSync(
      join(dir, 'notes.txt.annotations.yaml'),
      serializeSidecar(
        { version: 1, source: 'notes.txt', sourceHash: textHash(text), codebook: 't', annotations },
        text,
      ),
    );
    const listed = sovcode('suggest-terms', dir);
    assert.equal(listed.code, 0, listed.err);
    assert.match(listed.out, /^data:\n/);
    assert.match(listed.out, /domestic servers {2}\(2 segments; e\.g\. /);
    const accepted = sovcode('suggest-terms', '--accept', 'domestic servers', '--frame', 'data', dir);
    assert.equal(accepted.code, 0, accepted.err);
    assert.match(readFileSync(join(dir, 'codebook.yaml'), 'utf8'), /# the first cue\n {6}- domestic servers\n/);
    assert.doesNotMatch(sovcode('suggest-terms', dir).out, /domestic servers/);
    assert.equal(sovcode('suggest-terms', '--accept', 'x y', dir).code, 2, '--accept needs --frame');
  });
});
