/**
 * The DOMMatrix that the import worker gives PDF.js in Node (src/core/import/domMatrix.ts), checked against
 * the native one of @napi-rs/canvas (installed here as PDF.js's optional dependency, absent from the packaged
 * extension) on seeded random matrices: products both ways, translate, scale and inverse agree.
 */
import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { AffineMatrix } from '../../src/core/import/domMatrix';

interface NativeMatrix {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
  multiplySelf(o: NativeMatrix): NativeMatrix;
  preMultiplySelf(o: NativeMatrix): NativeMatrix;
  translate(x: number, y: number): NativeMatrix;
  scale(x: number, y: number): NativeMatrix;
  invertSelf(): NativeMatrix;
}
type Native = new (init?: number[]) => NativeMatrix;

function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return (s / 2147483648) * 20 - 10;
  };
}

const six = (m: { a: number; b: number; c: number; d: number; e: number; f: number }): number[] =>
  [m.a, m.b, m.c, m.d, m.e, m.f].map((v) => Math.round(v * 1e6) / 1e6);

describe('import: the DOMMatrix given to PDF.js', () => {
  it('agrees with the native DOMMatrix of @napi-rs/canvas on 200 random cases', () => {
    const native = (createRequire(__filename)('@napi-rs/canvas') as { DOMMatrix: Native }).DOMMatrix;
    const next = seeded(7);
    for (let i = 0; i < 200; i++) {
      const x = Array.from({ length: 6 }, next);
      const y = Array.from({ length: 6 }, next);
      const [tx, ty, sx, sy] = [next(), next(), next(), next()];
      const cases: [string, number[], number[]][] = [
        [
          'multiplySelf',
          six(new AffineMatrix(x).multiplySelf(new AffineMatrix(y))),
          six(new native(x).multiplySelf(new native(y))),
        ],
        [
          'preMultiplySelf',
          six(new AffineMatrix(x).preMultiplySelf(new AffineMatrix(y))),
          six(new native(x).preMultiplySelf(new native(y))),
        ],
        [
          'translate+scale',
          six(new AffineMatrix(x).translate(tx, ty).scale(sx, sy)),
          six(new native(x).translate(tx, ty).scale(sx, sy)),
        ],
        ['invertSelf', six(new AffineMatrix(x).invertSelf()), six(new native(x).invertSelf())],
      ];
      for (const [op, ours, theirs] of cases) assert.deepEqual(ours, theirs, `${op} of case ${i}`);
    }
    assert.deepEqual(six(new AffineMatrix()), [1, 0, 0, 1, 0, 0], 'the identity by default');
  });
});
