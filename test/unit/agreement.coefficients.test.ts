/**
 * The multi-coder coefficients and their intervals, checked on generated matrices to 1e-9: Fleiss' kappa,
 * Conger's kappa, Brennan–Prediger and alpha against NLTK (pi(), multi_kappa(), S(), alpha(); Debian's
 * python3-nltk run with /usr/bin/python3), and Gwet's AC1 and every analytic standard error against an
 * independent transcription of irrCAC's matrix formulas (Gwet's R package; R is not on the machine), written
 * here in irrCAC's own terms (agree.mat, classif.mat, weights matrix, λ_ig) rather than as the source computes
 * them. Student's t quantiles are checked against R's qt; the bootstrap against its definition.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { agreementCoefficients, type RatingMatrix } from '../../src/core/agreement/statistics';
import { bootstrapAlpha } from '../../src/core/agreement/bootstrap';
import { binomialDraw, seededRandom, studentTQuantile } from '../../src/core/agreement/distributions';

const NLTK = `
import json, sys
from nltk.metrics.agreement import AnnotationTask
out = []
for matrix in json.load(sys.stdin):
    data = [(str(c), str(i), label) for i, row in enumerate(matrix) for c, label in enumerate(row)]
    t = AnnotationTask(data=data)
    out.append({'pi': t.pi(), 'multi_kappa': t.multi_kappa(), 'S': t.S(), 'alpha': t.alpha()})
print(json.dumps(out))
`;

interface NltkMulti {
  pi: number;
  multi_kappa: number;
  S: number;
  alpha: number;
}

function nltk(matrices: RatingMatrix[]): NltkMulti[] {
  const r = spawnSync('/usr/bin/python3', ['-c', NLTK], { input: JSON.stringify(matrices), encoding: 'utf8' });
  assert.equal(r.error, undefined, 'needs /usr/bin/python3 with NLTK (Debian package python3-nltk)');
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as NltkMulti[];
}

const close = (a: number | undefined, b: number | undefined, what: string): void => {
  assert.ok(
    a !== undefined && b !== undefined && Math.abs(a - b) < 1e-9,
    `${what}: ours ${String(a)}, reference ${String(b)}`,
  );
};

const LABELS = ['a', 'b', 'c', 'd'];

/** Random complete matrices of 2-5 coders and 2-4 labels, every label used and every coder varying. */
function matrices(runs: number, seed: number): string[][][] {
  const matrix = fc.integer({ min: 2, max: 5 }).chain((coders) =>
    fc.integer({ min: 2, max: 4 }).chain((labels) =>
      fc.array(fc.array(fc.constantFrom(...LABELS.slice(0, labels)), { minLength: coders, maxLength: coders }), {
        minLength: 3,
        maxLength: 40,
      }),
    ),
  );
  const usable = (m: string[][]): boolean => {
    const coders = m[0]?.length ?? 0;
    for (let c = 0; c < coders; c++) if (new Set(m.map((row) => row[c])).size < 2) return false;
    return new Set(m.flat()).size >= 2;
  };
  return fc.sample(matrix.filter(usable), { numRuns: runs, seed });
}

/** irrCAC's estimates transcribed in its matrix terms, unweighted (identity weights), N = Inf. */
function irrCAC(
  m: string[][],
): Record<'pa' | 'fleiss' | 'conger' | 'ac1' | 'bp' | 'alpha', { est: number; se: number }> {
  const categ = [...new Set(m.flat())].sort();
  const q = categ.length;
  const n = m.length;
  const r = m[0]?.length ?? 0;
  const W: number[][] = categ.map((_, k) => categ.map((__, l) => (k === l ? 1 : 0)));
  const agree = m.map((row) => categ.map((c) => row.filter((x) => x === c).length));
  const agreeW = agree.map((row) => categ.map((_, k) => row.reduce((s, x, l) => s + (W[k]?.[l] ?? 0) * x, 0)));
  const ri = agree.map((row) => row.reduce((s, x) => s + x, 0));
  const sumQ = agree.map((row, i) => row.reduce((s, x, k) => s + x * ((agreeW[i]?.[k] ?? 0) - 1), 0));
  const paI = sumQ.map((s, i) => s / ((ri[i] ?? 0) * ((ri[i] ?? 0) - 1)));
  const pa = paI.reduce((s, x) => s + x, 0) / n;
  const piVec = categ.map((_, k) => agree.reduce((s, row, i) => s + (row[k] ?? 0) / (ri[i] ?? 1), 0) / n);
  const tq = (xs: number[], est: number): number =>
    Math.sqrt(xs.reduce((s, x) => s + (x - est) ** 2, 0) / (n * (n - 1)));
  const corrected = (pe: number, peI: number[]): { est: number; se: number } => {
    const est = (pa - pe) / (1 - pe);
    const x = paI.map((p, i) => (p - pe) / (1 - pe) - (2 * (1 - est) * ((peI[i] ?? 0) - pe)) / (1 - pe));
    return { est, se: tq(x, est) };
  };
  // Fleiss
  const peF = categ.reduce(
    (s, _, k) => s + categ.reduce((t, __, l) => t + (W[k]?.[l] ?? 0) * (piVec[k] ?? 0) * (piVec[l] ?? 0), 0),
    0,
  );
  const piW = categ.map((_, k) =>
    categ.reduce((s, __, l) => s + (((W[k]?.[l] ?? 0) + (W[l]?.[k] ?? 0)) / 2) * (piVec[l] ?? 0), 0),
  );
  const peIF = agree.map((row, i) => row.reduce((s, x, k) => s + x * (piW[k] ?? 0), 0) / (ri[i] ?? 1));
  // AC1
  const sumW = W.flat().reduce((s, x) => s + x, 0);
  const peA = (sumW * piVec.reduce((s, p) => s + p * (1 - p), 0)) / (q * (q - 1));
  const peIA = agree.map(
    (row, i) => ((sumW / (q * (q - 1))) * row.reduce((s, x, k) => s + x * (1 - (piVec[k] ?? 0)), 0)) / (ri[i] ?? 1),
  );
  // BP
  const peB = sumW / (q * q);
  // Conger, with classif.mat and λ_ig in full
  const classif = Array.from({ length: r }, (_, g) => categ.map((c) => m.filter((row) => row[g] === c).length));
  const ng = classif.map((row) => row.reduce((s, x) => s + x, 0));
  const pgk = classif.map((row, g) => row.map((x) => x / (ng[g] ?? 1)));
  const pMean = categ.map((_, k) => pgk.reduce((s, row) => s + (row[k] ?? 0), 0) / r);
  const s2 = categ.map((_, k) =>
    categ.map(
      (__, l) =>
        (pgk.reduce((s, row) => s + (row[k] ?? 0) * (row[l] ?? 0), 0) - r * (pMean[k] ?? 0) * (pMean[l] ?? 0)) /
        (r - 1),
    ),
  );
  let peC = 0;
  categ.forEach((_, k) =>
    categ.forEach((__, l) => (peC += (W[k]?.[l] ?? 0) * ((pMean[k] ?? 0) * (pMean[l] ?? 0) - (s2[k]?.[l] ?? 0) / r))),
  );
  const lambda = m.map(() => new Array<number>(r).fill(0));
  categ.forEach((_, k) => {
    m.forEach((row, i) => {
      for (let g = 0; g < r; g++) {
        let lk = 0;
        categ.forEach((c, l) => {
          const delta = row[g] === c ? 1 : 0;
          const epsi = 1;
          lk += (W[k]?.[l] ?? 0) * (delta - (epsi - (ng[g] ?? 0) / n) * (pgk[g]?.[l] ?? 0));
        });
        lk *= n / (ng[g] ?? 1);
        const li = lambda[i];
        if (li) li[g] = (li[g] ?? 0) + lk * (r * (pMean[k] ?? 0) - (pgk[g]?.[k] ?? 0));
      }
    });
  });
  const peIC = lambda.map((row) => row.reduce((s, x) => s + x, 0) / (r * (r - 1)));
  // alpha (krippen.alpha.raw), complete data
  const eps = 1 / ri.reduce((s, x) => s + x, 0);
  const fleiss = corrected(peF, peIF);
  const alphaEst = ((1 - eps) * pa + eps - peF) / (1 - peF);
  return {
    pa: { est: pa, se: tq(paI, pa) },
    fleiss,
    conger: corrected(peC, peIC),
    ac1: corrected(peA, peIA),
    bp: {
      est: (pa - peB) / (1 - peB),
      se: tq(
        paI.map((p) => (p - peB) / (1 - peB)),
        (pa - peB) / (1 - peB),
      ),
    },
    alpha: { est: alphaEst, se: fleiss.se },
  };
}

describe('agreement: multi-coder coefficients against NLTK', () => {
  it('Fleiss = pi(), Conger = multi_kappa(), Brennan-Prediger = S(), alpha = alpha() on 200 random matrices', () => {
    const samples = matrices(200, 20261202);
    const refs = nltk(samples);
    samples.forEach((m, i) => {
      const ours = agreementCoefficients(m);
      const ref = refs[i];
      close(ours.fleissKappa, ref?.pi, `Fleiss of sample ${i}`);
      close(ours.congerKappa, ref?.multi_kappa, `Conger of sample ${i}`);
      close(ours.brennanPrediger, ref?.S, `BP of sample ${i}`);
      close(ours.krippendorffAlpha, ref?.alpha, `alpha of sample ${i}`);
    });
  });
});

describe('agreement: AC1 and standard errors against irrCAC formulas', () => {
  it('agrees with the transcription on 200 random matrices, estimates and standard errors', () => {
    const samples = matrices(200, 8);
    samples.forEach((m, i) => {
      const ours = agreementCoefficients(m);
      const ref = irrCAC(m);
      const iv = ours.intervals;
      close(iv.percentAgreement.value, ref.pa.est, `pa ${i}`);
      close(iv.percentAgreement.se, ref.pa.se, `pa se ${i}`);
      close(ours.fleissKappa, ref.fleiss.est, `Fleiss ${i}`);
      close(iv.fleissKappa.se, ref.fleiss.se, `Fleiss se ${i}`);
      close(ours.congerKappa, ref.conger.est, `Conger ${i}`);
      close(iv.congerKappa.se, ref.conger.se, `Conger se ${i}`);
      close(ours.gwetAC1, ref.ac1.est, `AC1 ${i}`);
      close(iv.gwetAC1.se, ref.ac1.se, `AC1 se ${i}`);
      close(ours.brennanPrediger, ref.bp.est, `BP ${i}`);
      close(iv.brennanPrediger.se, ref.bp.se, `BP se ${i}`);
      close(ours.krippendorffAlpha, ref.alpha.est, `alpha as irrCAC ${i}`);
      close(iv.krippendorffAlpha.se, ref.alpha.se, `alpha se ${i}`);
      const t = studentTQuantile(0.975, m.length - 1);
      close(iv.gwetAC1.low, ref.ac1.est - t * ref.ac1.se, `AC1 lower bound ${i}`);
      close(iv.gwetAC1.high, Math.min(1, ref.ac1.est + t * ref.ac1.se), `AC1 upper bound ${i}`);
    });
  });

  it('counts an item of weight w as w copies of it', () => {
    const m = [
      ['yes', 'no', 'yes'],
      ['no', 'no', 'no'],
      ['yes', 'yes', 'yes'],
      ['no', 'yes', 'no'],
    ];
    const weights = [3, 1, 2, 5];
    const copies = m.flatMap((row, i) => Array.from({ length: weights[i] ?? 0 }, () => row));
    const [a, b] = [agreementCoefficients(m, { weights }), agreementCoefficients(copies)];
    for (const key of [
      'percentAgreement',
      'cohenKappa',
      'krippendorffAlpha',
      'fleissKappa',
      'congerKappa',
      'gwetAC1',
      'brennanPrediger',
    ] as const)
      close(a[key], b[key], key);
    close(a.intervals.congerKappa.se, b.intervals.congerKappa.se, 'Conger se');
    close(a.intervals.gwetAC1.high, b.intervals.gwetAC1.high, 'AC1 upper bound');
    assert.equal(a.items, 11);
  });

  it('counts an unused category for AC1 and BP when told it is possible', () => {
    const allNo = [
      ['no', 'no'],
      ['no', 'no'],
      ['no', 'yes'],
    ];
    const c = agreementCoefficients(allNo, { categories: ['no', 'yes'] });
    close(c.brennanPrediger, (2 / 3 - 0.5) / 0.5, 'BP with q = 2');
    // π(no) = 5/6, pe = 2 · 5/6 · 1/6 = 5/18
    close(c.gwetAC1, (2 / 3 - 5 / 18) / (1 - 5 / 18), 'AC1 by hand');
  });
});

describe('agreement: distributions and bootstrap', () => {
  it("gives Student's t quantiles as R's qt does", () => {
    close(studentTQuantile(0.975, 1), 12.706204736174707, 'qt(0.975, 1)');
    close(studentTQuantile(0.975, 10), 2.2281388519649385, 'qt(0.975, 10)');
    close(studentTQuantile(0.975, 100), 1.9839715184496334, 'qt(0.975, 100)');
  });

  it('draws binomial counts with the right distribution', () => {
    const random = seededRandom(1);
    const n = 6;
    const p = 0.3;
    const draws = 60000;
    const seen = new Array<number>(n + 1).fill(0);
    for (let i = 0; i < draws; i++) {
      const k = binomialDraw(n, p, random);
      seen[k] = (seen[k] ?? 0) + 1;
    }
    const choose = (a: number, b: number): number => (b === 0 ? 1 : (choose(a, b - 1) * (a - b + 1)) / b);
    for (let k = 0; k <= n; k++) {
      const exact = choose(n, k) * p ** k * (1 - p) ** (n - k);
      assert.ok(Math.abs((seen[k] ?? 0) / draws - exact) < 0.01, `P(${k}) ${(seen[k] ?? 0) / draws} vs ${exact}`);
    }
    // a large n: mean and spread as the binomial's
    const big = Array.from({ length: 4000 }, () => binomialDraw(1_000_000, 0.1, random));
    const mean = big.reduce((s, x) => s + x, 0) / big.length;
    const sd = Math.sqrt(big.reduce((s, x) => s + (x - mean) ** 2, 0) / (big.length - 1));
    assert.ok(Math.abs(mean - 100000) < 30, `mean ${mean}`);
    assert.ok(Math.abs(sd / 300 - 1) < 0.05, `sd ${sd}`);
  });

  it('bootstraps alpha reproducibly from a fixed seed, around the observed value', () => {
    const m = matrices(1, 99)[0] ?? [];
    const c = agreementCoefficients(m);
    const b1 = c.intervals.krippendorffAlphaBootstrap;
    const b2 = agreementCoefficients(m).intervals.krippendorffAlphaBootstrap;
    assert.deepEqual(b1, b2, 'same data, same seed, same interval');
    assert.ok(b1 && c.krippendorffAlpha !== undefined);
    assert.ok(b1.low <= c.krippendorffAlpha + 1e-12 && c.krippendorffAlpha <= b1.high + 1e-12, JSON.stringify(b1));
    // α* = 1 − (B/M)/De with B ~ Binomial(M, Do): the spread of the resamples is sqrt(Do(1 − Do)/M)/De
    const wide = bootstrapAlpha(100, 0.3, 0.5, 4000);
    const narrow = bootstrapAlpha(10000, 0.3, 0.5, 4000);
    assert.ok(wide && narrow);
    const width = (x: { low: number; high: number }): number => x.high - x.low;
    const expected = (m2: number): number => (2 * 1.96 * Math.sqrt((0.3 * 0.7) / m2)) / 0.5;
    assert.ok(Math.abs(width(wide) / expected(100) - 1) < 0.15, `width ${width(wide)} vs ${expected(100)}`);
    assert.ok(Math.abs(width(narrow) / expected(10000) - 1) < 0.15, `width ${width(narrow)} vs ${expected(10000)}`);
    assert.equal(bootstrapAlpha(10, 0.2, 0), undefined, 'undefined where alpha is');
  });
});
