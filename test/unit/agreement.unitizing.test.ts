/**
 * Krippendorff's unitizing alpha (src/core/agreement/unitizing/):
 *
 * - the 1995/2004 form against Krippendorff's published examples: Content Analysis (2nd ed., 2004), §12.4,
 *   p. 254 (two observers, categories c and k on the continuum 150–450), and "On the reliability of unitizing
 *   continuous data" (Sociological Methodology 25, 1995), p. 57 (four pairs of observers A–D on 24 positions).
 *   The data and the expected values are those of DKPro Agreement's tests of the same examples
 *   (Krippendorff2004Test, Krippendorff1995Test; Meyer et al. 2014), which cite the sources;
 * - the 2016 coincidence family (Krippendorff, Mathet, Bouvry & Widlöcher 2016) against an independent
 *   character-by-character re-implementation written here, on random span sets, to 1e-9; its reduction to
 *   ordinary nominal alpha when every unit is one character (alpha checked against NLTK elsewhere);
 * - edge cases: no spans, one coder with none, identical coders, disjoint coders.
 */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Codebook } from '../../src/core/codebook';
import { agreementHtml } from '../../src/core/agreement/html';
import { agreementReport } from '../../src/core/agreement/report';
import { nominalAlpha } from '../../src/core/agreement/statistics';
import { csvTable, textTable } from '../../src/core/agreement/tables';
import { coincidenceTables, disagreement } from '../../src/core/agreement/unitizing/coincidences';
import {
  combinedPartition,
  framePartition,
  type FrameSpan,
  type Segment,
  type UnitizingText,
} from '../../src/core/agreement/unitizing/continuum';
import { unitizingFigures } from '../../src/core/agreement/unitizing/family';
import { positionalDisagreement, segmentDifference } from '../../src/core/agreement/unitizing/positional';
import { seededRandom } from '../../src/core/agreement/distributions';
import { codebookOf, taggerFor } from './agreementFixtures';
import { sovcode } from './sovcodeRunner';

const span = (frame: string, start: number, end: number): FrameSpan => ({ frame, start, end });
const close = (actual: number | undefined, expected: number, tolerance: number, what: string): void => {
  assert.ok(actual !== undefined, `${what} is defined`);
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} ≠ ${expected} ± ${tolerance}`);
};

describe('unitizing alpha: Krippendorff (2004), Content Analysis, §12.4, p. 254', () => {
  // the continuum runs from 150 to 450; our offsets start at 0
  const o = 150;
  const i = [
    span('c', 225 - o, 295 - o),
    span('c', 370 - o, 400 - o),
    span('k', 180 - o, 240 - o),
    span('k', 300 - o, 350 - o),
  ];
  const j = [
    span('c', 220 - o, 300 - o),
    span('c', 355 - o, 375 - o),
    span('c', 400 - o, 420 - o),
    span('k', 180 - o, 240 - o),
    span('k', 300 - o, 350 - o),
  ];
  const of = (frame: string) =>
    positionalDisagreement([[framePartition(i, frame, 300), framePartition(j, frame, 300)]], 2);

  it("gives the book's differences δ² of pairs of segments", () => {
    const seg = (start: number, length: number, value: string | undefined): Segment => ({
      start,
      end: start + length,
      value,
    });
    assert.equal(segmentDifference(seg(225, 70, 'c'), seg(220, 80, 'c')), 50);
    assert.equal(segmentDifference(seg(370, 30, 'c'), seg(355, 20, 'c')), 850);
    assert.equal(segmentDifference(seg(400, 50, undefined), seg(400, 20, 'c')), 400);
    assert.equal(segmentDifference(seg(5, 6, 'X'), seg(4, 2, 'X')), 26);
    assert.equal(segmentDifference(seg(5, 6, 'X'), seg(6, 4, 'X')), 2);
    assert.equal(segmentDifference(seg(0, 1, undefined), seg(0, 2, undefined)), 0);
  });

  it('reproduces uD_o = 0.0144, uD_e = 0.0532 and uα = 0.7286 for category c', () => {
    const c = of('c');
    close(c.observed, 0.0144, 0.00005, 'uD_o(c)');
    close(c.expected, 0.0532, 0.00005, 'uD_e(c)');
    close(c.alpha, 0.7286, 0.00005, 'uα(c)');
  });

  it('reproduces uD_o = 0, uD_e = 0.0490 and uα = 1 for category k, and uα = 0.859 over both', () => {
    const k = of('k');
    assert.equal(k.observed, 0);
    close(k.expected, 0.049, 0.00005, 'uD_e(k)');
    assert.equal(k.alpha, 1);
    const figures = unitizingFigures([{ length: 300, spans: [i, j] }], ['c', 'k']);
    close(figures.overall.positional.alpha, 0.8591, 0.0005, 'uα over c and k');
    close(figures.frames[0]?.positional.alpha, 0.7286, 0.00005, 'uα(c) in the figures');
  });
});

describe('unitizing alpha: Krippendorff (1995), Sociological Methodology 25, p. 57', () => {
  /** The four examples, each (observer 1, observer 2) as [begin, length] units of one category on 0–24. */
  const EXAMPLES: Record<string, [number, number][][]> = {
    A: [
      [
        [2, 8],
        [14, 6],
      ],
      [
        [4, 4],
        [15, 2],
      ],
    ],
    B: [
      [[0, 18]],
      [
        [0, 2],
        [2, 1],
        [3, 1],
        [4, 1],
        [5, 1],
        [6, 3],
        [9, 1],
      ],
    ],
    C: [
      [
        [2, 6],
        [10, 2],
        [14, 4],
        [20, 2],
      ],
      [
        [0, 2],
        [4, 4],
        [10, 4],
        [16, 2],
        [20, 2],
      ],
    ],
    D: [
      [
        [0, 2],
        [2, 8],
        [10, 4],
        [14, 6],
        [20, 4],
      ],
      [
        [0, 4],
        [4, 4],
        [8, 7],
        [15, 2],
        [17, 7],
      ],
    ],
  };
  const study = (name: string, stretch: number) =>
    positionalDisagreement(
      [
        (EXAMPLES[name] ?? []).map((units) =>
          framePartition(
            units.map(([b, l]) => span(name, b * stretch, (b + l) * stretch)),
            name,
            24 * stretch,
          ),
        ),
      ],
      2,
    );

  it('reproduces the observed disagreements 0.03125, 2.26736, 0.02777 and 0.38715 exactly', () => {
    close(study('A', 1).observed, 0.03125, 0.000005, 'uD_o(A)');
    close(study('B', 1).observed, 2.26736, 0.000005, 'uD_o(B)');
    close(study('C', 1).observed, 0.02777, 0.00001, 'uD_o(C)');
    close(study('D', 1).observed, 0.38715, 0.000005, 'uD_o(D)');
    // the observed disagreement does not depend on the resolution of the continuum
    close(study('C', 1000).observed, 0.02777, 0.00001, 'uD_o(C) ×1000');
  });

  it("reproduces uα = 0.553, −0.926, 0.679 and 0.066 on a finely resolved continuum (within 0.02: 1995's D_e differs slightly)", () => {
    // The 1995 paper's expected disagreements come from a formula that differs slightly from the 2004 one
    // used here (DKPro's tests suspect a sign in (l_ik + l_hj + 1)); its values 0.0699, 1.1773, 0.0864,
    // 0.4145 are approached as the continuum is resolved more finely.
    const stretch = 50_000;
    close(study('A', stretch).expected, 0.0699, 0.005, 'uD_e(A)');
    close(study('B', stretch).expected, 1.17731, 0.005, 'uD_e(B)');
    close(study('C', stretch).expected, 0.08642, 0.005, 'uD_e(C)');
    close(study('D', stretch).expected, 0.41445, 0.005, 'uD_e(D)');
    close(study('A', stretch).alpha, 0.553, 0.02, 'uα(A)');
    close(study('B', stretch).alpha, -0.926, 0.02, 'uα(B)');
    close(study('C', stretch).alpha, 0.679, 0.02, 'uα(C)');
    close(study('D', stretch).alpha, 0.066, 0.02, 'uα(D)');
  });
});

// ---- an independent re-implementation, character by character -------------------------------------------

/** The frames covering character x for a coder, joined: the value of x ('' for a gap). */
function valueAt(spans: readonly FrameSpan[], x: number, frames?: readonly string[]): string {
  return [
    ...new Set(
      spans.filter((s) => s.start <= x && x < s.end && (!frames || frames.includes(s.frame))).map((s) => s.frame),
    ),
  ]
    .sort()
    .join('+');
}

/**
 * True when characters x < y of a coder lie in the same segment: same value, and no boundary in between. A
 * boundary at p is where one of the coder's spans starts or ends and no span of that frame runs across p.
 */
function sameSegment(spans: readonly FrameSpan[], x: number, y: number, frames?: readonly string[]): boolean {
  const mine = spans.filter((s) => s.end > s.start && (!frames || frames.includes(s.frame)));
  if (valueAt(mine, x) !== valueAt(mine, y)) return false;
  for (let p = x + 1; p <= y; p++)
    for (const s of mine)
      if ((s.start === p || s.end === p) && !mine.some((t) => t.frame === s.frame && t.start < p && p < t.end))
        return false;
  return true;
}

interface Brute {
  alpha: number | undefined;
}

/**
 * α from l_ck and e_ck computed over characters: l_ck counts each character's ordered pairs of different coders;
 * the self-pairs are the pairs of characters in one unit (weighted, for the coding table) or a gap character
 * with itself. `group` merges values; `codingOnly` leaves gaps out.
 */
function bruteAlpha(
  texts: readonly UnitizingText[],
  frames: readonly string[] | undefined,
  group: (v: string) => string,
  codingOnly: boolean,
): Brute {
  const observed = new Map<string, number>();
  const marginal = new Map<string, number>();
  let self = 0;
  const selfBy = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, v: number): void => {
    map.set(key, (map.get(key) ?? 0) + v);
  };
  for (const t of texts) {
    const m = t.spans.length;
    const values = t.spans.map((s) => Array.from({ length: t.length }, (_, x) => valueAt(s, x, frames)));
    const weight = (i: number, x: number): number => {
      if (!codingOnly) return 1;
      if (values[i]?.[x] === '') return 0;
      return values.filter((v, j) => j !== i && v[x] !== '').length / (m - 1);
    };
    for (let x = 0; x < t.length; x++)
      for (let i = 0; i < m; i++)
        for (let j = 0; j < m; j++) {
          const [c, k] = [values[i]?.[x] ?? '', values[j]?.[x] ?? ''];
          if (i === j || (codingOnly && (c === '' || k === ''))) continue;
          add(observed, `${c}|${k}`, 1 / (m - 1));
          add(marginal, c, 1 / (m - 1));
        }
    for (let i = 0; i < m; i++)
      for (let x = 0; x < t.length; x++)
        for (let y = 0; y < t.length; y++) {
          const c = values[i]?.[x] ?? '';
          if (codingOnly && c === '') continue;
          const together =
            c === '' ? x === y : x === y || sameSegment(t.spans[i] ?? [], Math.min(x, y), Math.max(x, y), frames);
          if (!together) continue;
          const w = weight(i, x) * weight(i, y);
          self += w;
          add(selfBy, c, w);
        }
  }
  const total = [...marginal.values()].reduce((a, b) => a + b, 0);
  let dO = 0;
  let dE = 0;
  for (const [c, nc] of marginal)
    for (const [k, nk] of marginal) {
      if (group(c) === group(k)) continue;
      dO += observed.get(`${c}|${k}`) ?? 0;
      dE += (total * (nc * nk - (c === k ? (selfBy.get(c) ?? 0) : 0))) / (total * total - self);
    }
  return { alpha: dE > 1e-12 ? 1 - dO / dE : undefined };
}

function randomTexts(random: () => number, coders: number, frames: readonly string[]): UnitizingText[] {
  const texts = 1 + Math.floor(random() * 2);
  return Array.from({ length: texts }, () => {
    const length = 8 + Math.floor(random() * 25);
    return {
      length,
      spans: Array.from({ length: coders }, () =>
        Array.from({ length: Math.floor(random() * 5) }, () => {
          const start = Math.floor(random() * length);
          const end = Math.min(length, start + 1 + Math.floor(random() * 8));
          return span(frames[Math.floor(random() * frames.length)] ?? 'a', start, end);
        }),
      ),
    };
  });
}

function same(actual: number | undefined, expected: number | undefined, what: string): void {
  if (expected === undefined || actual === undefined) assert.equal(actual, expected, what);
  else assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: ${actual} vs ${expected}`);
}

describe('unitizing alpha: the 2016 family against a character-by-character re-implementation', () => {
  it('agrees to 1e-9 on 300 random span sets of 2–4 coders, 1–3 frames and 1–2 texts', () => {
    const random = seededRandom(20161201);
    const identity = (v: string): string => v;
    for (let n = 0; n < 300; n++) {
      const coders = 2 + Math.floor(random() * 3);
      const frames = ['a', 'b', 'c'].slice(0, 1 + Math.floor(random() * 3));
      const texts = randomTexts(random, coders, frames);
      const f = unitizingFigures(texts, frames);
      const what = `case ${n} (${JSON.stringify(texts)})`;
      same(f.overall.alpha.alpha, bruteAlpha(texts, undefined, identity, false).alpha, `uα, ${what}`);
      same(f.overall.binary.alpha, bruteAlpha(texts, undefined, (v) => String(v !== ''), false).alpha, `|uα, ${what}`);
      same(f.overall.coding.alpha, bruteAlpha(texts, undefined, identity, true).alpha, `Cuα, ${what}`);
      for (const fr of f.frames) {
        same(fr.binary.alpha, bruteAlpha(texts, [fr.frame], identity, false).alpha, `|uα(${fr.frame}), ${what}`);
        const hasFrame = (v: string): string => String(v.split('+').includes(fr.frame));
        same(fr.coding.alpha, bruteAlpha(texts, undefined, hasFrame, true).alpha, `cuα(${fr.frame}), ${what}`);
      }
    }
  });

  it('the 1995/2004 form agrees with its formula evaluated over every pair of segments and gaps', () => {
    const random = seededRandom(19950101);
    for (let n = 0; n < 200; n++) {
      const coders = 2 + Math.floor(random() * 3);
      const texts = randomTexts(random, coders, ['a']);
      const partitions = texts.map((t) => t.spans.map((s) => framePartition(s, 'a', t.length)));
      const L = texts.reduce((s, t) => s + t.length, 0);
      let sum = 0;
      for (const p of partitions)
        for (let i = 0; i < coders; i++)
          for (let j = 0; j < coders; j++)
            if (i !== j)
              for (const g of p[i] ?? [])
                for (const h of p[j] ?? []) {
                  const [bg, lg, bh, lh] = [g.start, g.end - g.start, h.start, h.end - h.start];
                  if (g.value && h.value && -lg < bg - bh && bg - bh < lh)
                    sum += (bg - bh) ** 2 + (bg + lg - bh - lh) ** 2;
                  else if (g.value && !h.value && lh - lg >= bg - bh && bg - bh >= 0) sum += lg ** 2;
                  else if (!g.value && h.value && lg - lh >= bh - bg && bh - bg >= 0) sum += lh ** 2;
                }
      const all = partitions.flat(2);
      const units = all.filter((s) => s.value).map((s) => s.end - s.start);
      const gaps = all.filter((s) => !s.value).map((s) => s.end - s.start);
      let numerator = 0;
      for (const l of units) {
        numerator += ((units.length - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3;
        for (const g of gaps) if (g >= l) numerator += l * l * (g - l + 1);
      }
      const denominator = coders * L * (coders * L - 1) - units.reduce((s, l) => s + l * (l - 1), 0);
      const dO = sum / (coders * (coders - 1) * L * L);
      const dE = ((2 / L) * numerator) / denominator;
      const ours = positionalDisagreement(partitions, coders);
      same(ours.observed, dO, `uD_o, case ${n}`);
      same(ours.expected, dE, `uD_e, case ${n}`);
    }
  });

  it('equals nominal alpha over the characters when every unit is one character long', () => {
    const random = seededRandom(7);
    for (let n = 0; n < 100; n++) {
      const coders = 2 + Math.floor(random() * 3);
      const length = 5 + Math.floor(random() * 30);
      const marks = Array.from({ length: coders }, () =>
        Array.from({ length }, () => (random() < 0.3 ? ['a', 'b'][Math.floor(random() * 2)] : undefined)),
      );
      const spans = marks.map((row) => row.flatMap((v, x) => (v ? [span(v, x, x + 1)] : [])));
      const ratings = Array.from({ length }, (_, x) => marks.map((row) => row[x] ?? 'gap'));
      const f = unitizingFigures([{ length, spans }], ['a', 'b']);
      same(
        f.overall.alpha.alpha,
        nominalAlpha(
          ratings,
          ratings.map(() => 1),
        ),
        `uα vs nominal alpha, case ${n}`,
      );
    }
  });
});

describe('unitizing alpha: edge cases', () => {
  it('is undefined when no coder has a span', () => {
    const f = unitizingFigures([{ length: 20, spans: [[], []] }], ['a']);
    assert.equal(f.overall.alpha.alpha, undefined);
    assert.equal(f.overall.binary.alpha, undefined);
    assert.equal(f.overall.coding.alpha, undefined);
    assert.equal(f.frames[0]?.positional.alpha, undefined);
  });

  it('is at most 0 when one coder has no span and the other has some', () => {
    for (const [start, end] of [
      [3, 4],
      [3, 9],
      [0, 20],
    ] as const) {
      const f = unitizingFigures([{ length: 20, spans: [[], [span('a', start, end)]] }], ['a']);
      const what = `span [${start}, ${end})`;
      assert.ok((f.frames[0]?.binary.alpha ?? 1) <= 1e-12, `|uα ${what}: ${f.frames[0]?.binary.alpha}`);
      assert.ok((f.overall.alpha.alpha ?? 1) <= 1e-12, `uα ${what}`);
      assert.ok((f.frames[0]?.positional.alpha ?? 1) <= 1e-12, `uα 2004 ${what}`);
      // the closed form of the coincidence form for one unit of length l against none, over L characters
      const [L, l] = [20, end - start];
      const closedForm = 1 - (4 * L * L - 2 * L + l - l * l) / (2 * L * (2 * L - l));
      same(f.frames[0]?.binary.alpha, closedForm, `closed form ${what}`);
    }
  });

  it('is 1 for identical coders, also where one coder applies two frames to one stretch', () => {
    const spans = [span('a', 2, 9), span('b', 5, 14), span('a', 20, 25), span('a', 24, 30)];
    const f = unitizingFigures(
      [
        { length: 40, spans: [spans, [...spans].reverse(), spans] },
        { length: 12, spans: [[span('b', 0, 12)], [span('b', 0, 12)], [span('b', 0, 12)]] },
      ],
      ['a', 'b'],
    );
    assert.equal(f.overall.alpha.alpha, 1);
    assert.equal(f.overall.binary.alpha, 1);
    assert.equal(f.overall.coding.alpha, 1);
    assert.equal(f.overall.positional.alpha, 1);
    for (const fr of f.frames) {
      assert.equal(fr.binary.alpha, 1, fr.frame);
      assert.equal(fr.coding.alpha, 1, fr.frame);
      assert.equal(fr.positional.alpha, 1, fr.frame);
    }
    // overlapping spans of one coder and frame are merged: 'a' covers [20, 30) once
    assert.deepEqual(f.frames[0]?.coded, [17, 17, 17]);
    assert.equal(f.continuum, 52);
  });

  it('is at most 0 for coders whose spans are disjoint', () => {
    const f = unitizingFigures([{ length: 30, spans: [[span('a', 0, 10)], [span('a', 15, 25)]] }], ['a']);
    assert.ok((f.overall.alpha.alpha ?? 1) < 0);
    assert.ok((f.frames[0]?.binary.alpha ?? 1) < 0);
    assert.ok((f.frames[0]?.positional.alpha ?? 1) < 0);
  });

  it('keeps abutting spans as two units and merges overlapping ones', () => {
    assert.deepEqual(
      framePartition([span('a', 0, 5), span('a', 5, 10), span('a', 12, 16), span('a', 14, 18)], 'a', 20).map((s) => [
        s.start,
        s.end,
        s.value,
      ]),
      [
        [0, 5, 'a'],
        [5, 10, 'a'],
        [10, 12, undefined],
        [12, 18, 'a'],
        [18, 20, undefined],
      ],
    );
    assert.deepEqual(
      combinedPartition([span('a', 0, 10), span('b', 4, 6)], 12).map((s) => [
        s.start,
        s.end,
        s.value?.replace('\u0000', '+'),
      ]),
      [
        [0, 4, 'a'],
        [4, 6, 'a+b'],
        [6, 10, 'a'],
        [10, 12, undefined],
      ],
    );
  });

  it('sums coincidences over texts: two texts give the figures of their tables added', () => {
    const one = [[framePartition([span('a', 1, 4)], 'a', 10), framePartition([span('a', 2, 6)], 'a', 10)]];
    const two = [[framePartition([span('a', 0, 3)], 'a', 5), framePartition([], 'a', 5)]];
    const both = disagreement(coincidenceTables([...one, ...two]).full);
    const a = coincidenceTables(one).full;
    const b = coincidenceTables(two).full;
    // the pooled observed disagreement is the length-weighted mean of the texts'
    const total = (t: typeof a): number =>
      [...t.observed.values()].reduce((s, row) => s + [...row.values()].reduce((x, v) => x + v, 0), 0);
    const pooled = (disagreement(a).observed * total(a) + disagreement(b).observed * total(b)) / (total(a) + total(b));
    assert.ok(Math.abs(both.observed - pooled) < 1e-12);
  });
});

const CODEBOOK = `codebook: unitizing-test
title: Unitizing test
frames:
  - id: territory
    label: Territory
    color: "#1b5e20"
    definition: Space as territory.
  - id: data
    label: Data
    color: "#6a1b9a"
    definition: Data as a resource.
`;

// an emoji and a CJK character outside the BMP are two UTF-16 units each and one code point
const TEXT = 'Our 🌐 border is drawn in code. 𠀀 Data stays home, our data. The end.\n';
const tag = taggerFor(TEXT, 'z');
const codebook = (): Codebook => codebookOf(CODEBOOK);

describe('unitizing alpha in the agreement report', () => {
  const annotations = [
    tag('ann', 'territory', '🌐 border is drawn'),
    tag('bo', 'territory', 'border is drawn in code'),
    tag('ann', 'data', 'Data stays home'),
    tag('bo', 'data', 'Data stays home, our data'),
    tag('bo', 'territory', 'The end'),
  ];
  const docs = [{ path: 't.txt', text: TEXT, annotations }];
  /** The same figures straight from the family, with offsets counted in code points by hand. */
  const points = (utf16: number): number => [...TEXT.slice(0, utf16)].length;
  const expected = unitizingFigures(
    [
      {
        length: [...TEXT].length,
        spans: ['ann', 'bo'].map((c) =>
          annotations.filter((a) => a.coder === c).map((a) => span(a.frame, points(a.start), points(a.end))),
        ),
      },
    ],
    ['territory', 'data'],
  );

  it('computes the family over the code points of the texts that count, whatever the unit', () => {
    for (const unit of ['sentence', 'character'] as const) {
      const r = agreementReport(codebook(), docs, undefined, { unit });
      assert.equal(r.unitizing.continuum, [...TEXT].length);
      assert.ok(r.unitizing.continuum < TEXT.length, 'code points, not UTF-16 units');
      assert.deepEqual(r.unitizing, expected);
    }
    const territory = expected.frames[0];
    assert.deepEqual(territory?.coded, [
      [...'🌐 border is drawn'].length,
      'border is drawn in code'.length + 'The end'.length,
    ]);
    assert.ok((territory?.binary.alpha ?? 1) < 1 && (territory?.binary.alpha ?? -1) > 0);
  });

  it('shows the figures in the text table, the CSV (appended columns) and the HTML page', () => {
    const r = agreementReport(codebook(), docs);
    const text = textTable(r);
    assert.match(text, /Unitizing \(span boundaries\): Krippendorff's alpha over 69 code points of 1 text\(s\)/);
    const fixed = (x: number | undefined): string => (x === undefined ? 'n/a' : x.toFixed(3));
    const o = expected.overall;
    assert.ok(
      text.includes(
        `all frames: uα ${fixed(o.alpha.alpha)}, |uα ${fixed(o.binary.alpha)}, Cuα ${fixed(o.coding.alpha)}, uα 2004 ${fixed(o.positional.alpha)}`,
      ),
      text,
    );
    const csv = csvTable(r);
    const header = csv.split(/\r?\n/)[0] ?? '';
    assert.ok(
      header.endsWith('"unitizing_u_alpha","unitizing_binary_u_alpha","unitizing_cu_alpha","unitizing_u_alpha_2004"'),
      header,
    );
    assert.ok(header.startsWith('"frame_id","frame_label","units"'), 'the first columns keep their places');
    const rows = parseCsv<Record<string, string>>(csv, { columns: true });
    const row = (id: string): Record<string, string> | undefined => rows.find((x) => x['frame_id'] === id);
    const data = expected.frames[1];
    assert.equal(Number(row('data')?.['unitizing_binary_u_alpha']), data?.binary.alpha);
    assert.equal(Number(row('data')?.['unitizing_u_alpha_2004']), data?.positional.alpha);
    assert.equal(Number(row('(all)')?.['unitizing_u_alpha']), o.alpha.alpha);
    assert.equal(Number(row('(all)')?.['unitizing_cu_alpha']), o.coding.alpha);
    const html = agreementHtml(r, 'test', '2026-12-03');
    assert.match(html, /<h2>Unitizing \(span boundaries\)<\/h2>/);
    assert.ok(html.includes(`<th scope="row">All frames</th><td></td><td>${fixed(o.alpha.alpha)}</td>`), 'overall row');
  });

  it('is in the JSON of sovcode agreement for the sample', () => {
    const sample = join(__dirname, '..', '..', '..', 'sample');
    const json = JSON.parse(sovcode('agreement', '--format', 'json', sample).out) as {
      frames: { frame: string }[];
      unitizing: { continuum: number; frames: { frame: string }[]; overall: { alpha: { alpha: number } } };
    };
    assert.deepEqual(
      json.unitizing.frames.map((f) => f.frame),
      json.frames.map((f) => f.frame),
    );
    assert.ok(json.unitizing.continuum > 0);
    assert.equal(typeof json.unitizing.overall.alpha.alpha, 'number');
  });
});
