/**
 * The adjudication room: aligning two coders' spans (agreements left out; frames differ, boundaries differ, only
 * one coder), stable ids, how a disagreement stands in the consensus, decisions written as consensus annotations
 * with their provenance, idempotence, the decisions file's errors, and the plan over several texts.
 */
import * as assert from 'node:assert/strict';
import { createAnnotation, retaggedTo, type Annotation } from '../../src/core/annotations';
import {
  acceptAgreements,
  adjudicateCorpus,
  adjudicationOf,
  alignCoders,
  applyDecision,
  disagreementId,
  isDisagreementId,
  listingCsv,
  listingRows,
  planAdjudication,
  readDecisions,
  type Adjudicator,
} from '../../src/core/adjudication';
import type { CodedDocument } from '../../src/core/documents';

const TEXT =
  'The delegates spoke of cyber sovereignty at length.\nA second speaker raised data localization twice.\nThe chair closed on digital borders.\n';
const PAIR = { a: 'ann', b: 'ben' };
const WHO: Adjudicator = { by: 'lead', consensus: 'consensus', today: '2026-12-03' };

let n = 0;
/** An annotation of `coder` on `quote` (or on [from, to) of it), frame `frame`, with a fixed id. */
function tag(coder: string, frame: string, quote: string, text = TEXT, trim: [number, number] = [0, 0]): Annotation {
  const at = text.indexOf(quote);
  assert.ok(at >= 0, `fixture: '${quote}' is in the text`);
  n++;
  return createAnnotation(
    text,
    at + trim[0],
    at + quote.length - trim[1],
    frame,
    coder,
    '2026-12-01',
    `a${String(n).padStart(10, '0')}`,
  );
}

describe('adjudication: aligning two coders', () => {
  it('leaves agreements out and finds frames that differ, boundaries that differ and spans only one coder has', () => {
    const list = [
      tag('ann', 'territory', 'cyber sovereignty'),
      tag('ben', 'territory', 'cyber sovereignty'), // agreement
      tag('ann', 'data', 'data localization'),
      tag('ben', 'territory', 'data localization'), // frames differ
      tag('ann', 'territory', 'digital borders'),
      tag('ben', 'territory', 'digital borders', TEXT, [8, 0]), // boundaries differ ('borders')
      tag('ben', 'norms', 'The chair'), // only ben
      tag('ann', 'norms', 'delegates'), // only ann
    ];
    const { agreements, disagreements } = alignCoders(list, PAIR);
    assert.equal(agreements.length, 1);
    assert.equal(agreements[0].a.quote, 'cyber sovereignty');
    assert.deepEqual(
      disagreements.map((d) => [d.kind, TEXT.slice(d.start, d.end)]),
      [
        ['only-a', 'delegates'],
        ['frames-differ', 'data localization'],
        ['only-b', 'The chair'],
        ['boundaries-differ', 'digital borders'],
      ],
      'ordered by position',
    );
    for (const d of disagreements) assert.ok(isDisagreementId(d.id), d.id);
  });

  it('joins a chain of overlapping spans into one disagreement and keeps apart spans that only touch', () => {
    const text = 'sovereign internet and digital borders';
    const list = [
      tag('ann', 'territory', 'sovereign internet', text),
      tag('ben', 'territory', 'internet and digital', text),
      tag('ann', 'norms', 'digital borders', text),
      tag('ben', 'norms', 'sovereign', text), // inside ann's first span
    ];
    const { disagreements } = alignCoders(list, PAIR);
    assert.equal(disagreements.length, 1, 'one cluster');
    assert.equal(disagreements[0].kind, 'boundaries-differ', 'both used territory and norms, on other spans');
    assert.equal(disagreements[0].a.length, 2);
    assert.equal(disagreements[0].b.length, 2);
    const touching = alignCoders([tag('ann', 'x', 'sovereign', text), tag('ben', 'x', ' internet', text)], PAIR);
    assert.deepEqual(
      touching.disagreements.map((d) => d.kind),
      ['only-a', 'only-b'],
    );
  });

  it('aligns CJK and Cyrillic spans by UTF-16 offsets, an astral character included', () => {
    const text = '代表团强调网络主权和数据主权。𠀋 Цифровой суверенитет России.';
    const list = [
      tag('ann', 'norms', '网络主权', text),
      tag('ben', 'norms', '网络主权和数据主权', text),
      tag('ann', 'territory', '𠀋 Цифровой', text),
      tag('ben', 'territory', '𠀋 Цифровой', text),
      tag('ben', 'self-reliance', 'суверенитет России', text),
    ];
    const { agreements, disagreements } = alignCoders(list, PAIR);
    assert.equal(agreements.length, 1);
    assert.deepEqual(
      disagreements.map((d) => [d.kind, text.slice(d.start, d.end)]),
      [
        ['boundaries-differ', '网络主权和数据主权'],
        ['only-b', 'суверенитет России'],
      ],
    );
  });

  it('credits a retag to whoever chose the frame and ignores orphans', () => {
    const annSpan = tag('ann', 'territory', 'cyber sovereignty');
    const retagged = retaggedTo(tag('ann', 'territory', 'data localization'), 'data', { by: 'ben', on: '2026-12-02' });
    const orphan: Annotation = { ...tag('ben', 'territory', 'digital borders'), status: 'orphaned' };
    const { disagreements } = alignCoders([annSpan, retagged, orphan], PAIR);
    assert.deepEqual(
      disagreements.map((d) => [d.kind, d.b.map((x) => x.frame)]),
      [
        ['only-a', []],
        ['only-b', ['data']],
      ],
    );
  });

  it('gives ids that do not depend on offsets or on the order the coders are named in', () => {
    const a = tag('ann', 'data', 'data localization');
    const b = tag('ben', 'territory', 'data localization');
    const [d] = alignCoders([a, b], PAIR).disagreements;
    const [swapped] = alignCoders([a, b], { a: 'ben', b: 'ann' }).disagreements;
    const moved = [a, b].map((x) => ({ ...x, start: x.start + 5, end: x.end + 5 }));
    assert.equal(swapped.id, d.id);
    assert.equal(alignCoders(moved, PAIR).disagreements[0].id, d.id);
    assert.equal(d.id, disagreementId([b, a]));
    assert.notEqual(disagreementId([a]), d.id);
    assert.throws(() => alignCoders([a], { a: 'ann', b: 'ann' }), /named twice/);
  });
});

describe('adjudication: decisions into the consensus coder', () => {
  const framesDiffer = (): Annotation[] => [
    tag('ann', 'data', 'data localization'),
    tag('ben', 'territory', 'data localization'),
  ];

  it('accepts A: one consensus copy of A, with its provenance in the memo, and the disagreement resolved', () => {
    const list = framesDiffer();
    const [d] = adjudicationOf(list, PAIR, 'consensus').disagreements;
    assert.equal(d.resolution, undefined);
    const next = applyDecision(TEXT, list, d, 'accept-a', PAIR, WHO);
    const consensus = next.filter((x) => x.coder === 'consensus');
    assert.equal(consensus.length, 1);
    assert.equal(consensus[0].frame, 'data');
    assert.equal(consensus[0].quote, 'data localization');
    assert.equal(
      consensus[0].memo,
      `Adjudicated ${d.id} by lead on 2026-12-03: accept ann over ben (frames differ); from ann's coding.`,
    );
    assert.equal(adjudicationOf(next, PAIR, 'consensus').disagreements[0].resolution, 'accept-a');
    assert.equal(applyDecision(TEXT, next, d, 'accept-a', PAIR, WHO).length, next.length, 'twice adds nothing');
    assert.deepEqual(applyDecision(TEXT, next, d, 'accept-a', PAIR, WHO), next);
  });

  it('changes a decision: the earlier copies go, keep both writes both, neither leaves none', () => {
    const list = framesDiffer();
    const [d] = adjudicationOf(list, PAIR, 'consensus').disagreements;
    const a = applyDecision(TEXT, list, d, 'accept-a', PAIR, WHO);
    const both = applyDecision(TEXT, a, d, 'both', PAIR, WHO);
    assert.deepEqual(
      both.filter((x) => x.coder === 'consensus').map((x) => x.frame),
      ['data', 'territory'],
    );
    assert.equal(adjudicationOf(both, PAIR, 'consensus').disagreements[0].resolution, 'both');
    const none = applyDecision(TEXT, both, d, 'neither', PAIR, WHO);
    assert.equal(none.filter((x) => x.coder === 'consensus').length, 0);
    assert.equal(adjudicationOf(none, PAIR, 'consensus').disagreements[0].resolution, undefined);
    assert.equal(
      adjudicationOf(none, PAIR, 'consensus', { neither: new Set([d.id]) }).disagreements[0].resolution,
      'neither',
    );
    assert.equal(
      adjudicationOf(none, PAIR, 'consensus', { consensusDone: true }).disagreements[0].resolution,
      'neither',
    );
  });

  it('keeps a memo of the accepted coder below the provenance, and refuses a consensus that is one of the coders', () => {
    const list = [{ ...tag('ann', 'data', 'data localization'), memo: 'clear case' }];
    const [d] = adjudicationOf(list, PAIR, 'consensus').disagreements;
    const [copy] = applyDecision(TEXT, list, d, 'accept-a', PAIR, WHO).filter((x) => x.coder === 'consensus');
    assert.match(copy.memo ?? '', /\nann's memo: clear case$/);
    assert.throws(
      () => applyDecision(TEXT, list, d, 'accept-a', PAIR, { ...WHO, consensus: 'ann' }),
      /must not be one/,
    );
  });

  it('copies every agreement once ("accept all agreements"), and a second time adds nothing', () => {
    const list = [
      tag('ann', 'territory', 'cyber sovereignty'),
      tag('ben', 'territory', 'cyber sovereignty'),
      ...framesDiffer(),
    ];
    const first = acceptAgreements(TEXT, list, PAIR, WHO);
    assert.equal(first.added, 1);
    const [copy] = first.list.filter((x) => x.coder === 'consensus');
    assert.equal(copy.memo, 'Agreed by ann and ben; copied by lead on 2026-12-03.');
    const again = acceptAgreements(TEXT, first.list, PAIR, WHO);
    assert.equal(again.added, 0);
    assert.deepEqual(again.list, first.list);
    assert.equal(adjudicationOf(first.list, PAIR, 'consensus').disagreements[0].resolution, undefined, 'still open');
  });
});

describe('adjudication: the decisions file', () => {
  const id = 'd0123456789';

  it('reads the id and decision columns, a coder name as accept, and skips an empty decision', () => {
    const read = readDecisions(
      `id,decision,text\r\n${id},ben,a.txt\r\nd1111111111,,b.txt\r\nd2222222222,Neither,c.txt\r\n`,
      'decisions.csv',
      PAIR,
    );
    assert.deepEqual(read.problems, []);
    assert.deepEqual(
      [...read.decisions],
      [
        [id, { decision: 'accept-b', line: 2 }],
        ['d2222222222', { decision: 'neither', line: 4 }],
      ],
    );
  });

  it('names the file and line of a bad id, an unknown decision, a decision given twice, a missing column', () => {
    const read = readDecisions(
      `id,decision\n${id},accept-a\nxyz,both\n${id},accept-b\nd2222222222,maybe\n`,
      'dec.csv',
      PAIR,
    );
    assert.deepEqual(
      read.problems.map((p) => `${p.file}:${p.line}: ${p.message}`),
      [
        "dec.csv:3: 'xyz' is not a disagreement id (d followed by 10 letters and digits, as the listing gives)",
        `dec.csv:4: disagreement ${id} is decided twice: accept-a on line 2, accept-b here`,
        "dec.csv:5: disagreement d2222222222: unknown decision 'maybe' (use accept-a, accept-b, both, neither, ann or ben)",
      ],
    );
    assert.match(readDecisions('name,choice\n', 'x.csv', PAIR).problems[0].message, /no 'id' and 'decision' column/);
    assert.equal(readDecisions('id,decision\n"open,\n', 'y.csv', PAIR).problems[0].line, 2);
    assert.match(readDecisions('', 'z.csv', PAIR).problems[0].message, /empty decisions file/);
  });
});

describe('adjudication: over several texts', () => {
  const second = 'Второй текст: цифровой суверенитет и 数据主权.\n';
  const docs = (): CodedDocument[] => [
    {
      path: 'b.txt',
      text: second,
      annotations: [tag('ann', 'norms', 'цифровой суверенитет', second), tag('ben', 'norms', '数据主权', second)],
    },
    {
      path: 'a.txt',
      text: TEXT,
      annotations: [
        tag('ann', 'territory', 'cyber sovereignty'),
        tag('ben', 'territory', 'cyber sovereignty'),
        tag('ann', 'data', 'data localization'),
        tag('ben', 'territory', 'data localization'),
      ],
    },
    { path: 'c.txt', text: TEXT, annotations: [tag('ann', 'data', 'digital borders')] },
  ];

  it('lists texts in path order, leaves out a text only one coder coded, and its CSV is a decisions form', () => {
    const corpus = adjudicateCorpus(docs(), PAIR, 'consensus');
    assert.deepEqual(
      corpus.texts.map((t) => t.path),
      ['a.txt', 'b.txt'],
    );
    assert.deepEqual(corpus.codedByOneOnly, ['c.txt']);
    const rows = listingRows(corpus, docs());
    assert.deepEqual(
      rows.map((r) => [r.text, r.line, r.kind, r.status]),
      [
        ['a.txt', 2, 'frames-differ', 'open'],
        ['b.txt', 1, 'only-a', 'open'],
        ['b.txt', 1, 'only-b', 'open'],
      ],
    );
    const csv = listingCsv(rows, PAIR);
    const filled = csv.replace(`"${rows[0].id}",""`, `"${rows[0].id}","accept-b"`);
    assert.deepEqual([...readDecisions(filled, 'form.csv', PAIR).decisions.keys()], [rows[0].id]);
  });

  it('accept A: agreements and A copied, a done mark where all is decided; run twice, nothing more', () => {
    const documents = docs();
    const plan = planAdjudication(documents, PAIR, WHO, { accept: 'a' });
    assert.deepEqual(
      plan.texts.map((t) => [t.path, t.added, t.decided, t.agreementsCopied, t.open, t.markDone]),
      [
        ['a.txt', 2, 1, 1, 0, true],
        ['b.txt', 1, 2, 0, 0, true],
      ],
    );
    const after = documents.map((d) => {
      const t = plan.texts.find((x) => x.path === d.path);
      return t ? { ...d, annotations: t.annotations, done: ['consensus'] } : d;
    });
    const again = planAdjudication(after, PAIR, WHO, { accept: 'a' });
    assert.deepEqual(
      again.texts.map((t) => [t.added, t.removed, t.markDone]),
      [
        [0, 0, false],
        [0, 0, false],
      ],
    );
  });

  it('a decisions file decides named disagreements only, and reports an id that names none', () => {
    const documents = docs();
    const rows = listingRows(adjudicateCorpus(documents, PAIR, 'consensus'), documents);
    const decisions = new Map([
      [rows[0].id, { decision: 'accept-b' as const, line: 2 }],
      ['d9999999999', { decision: 'both' as const, line: 3 }],
    ]);
    const plan = planAdjudication(documents, PAIR, WHO, { decisions });
    const a = plan.texts.find((t) => t.path === 'a.txt');
    assert.deepEqual(
      a?.annotations.filter((x) => x.coder === 'consensus').map((x) => x.frame),
      ['territory'],
    );
    assert.equal(a?.markDone, false, 'the agreement is not copied yet');
    assert.deepEqual(plan.unknown, [{ id: 'd9999999999', line: 3 }]);
  });
});
