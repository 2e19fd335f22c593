/**
 * A 2-D affine DOMMatrix for PDF.js in Node. PDF.js's legacy build fills `globalThis.DOMMatrix` from the
 * optional native package @napi-rs/canvas and evaluates `new DOMMatrix()` when its module loads; the packaged
 * extension ships no node_modules (the import worker is one bundle), so without this the worker failed with
 * "DOMMatrix is not defined" on every PDF — while every test run from the repository, where the native
 * package is installed, passed. Text extraction itself does not use it (only rendering, which we never do),
 * so the 2-D subset of the DOM Geometry spec that PDF.js's rendering code calls is enough, and it is exact.
 */

type Six = [number, number, number, number, number, number];

export class AffineMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;

  constructor(init?: ArrayLike<number> | { a: number; b: number; c: number; d: number; e: number; f: number }) {
    if (init === undefined) return;
    const m: Six =
      'a' in init
        ? [init.a, init.b, init.c, init.d, init.e, init.f]
        : [init[0] ?? 1, init[1] ?? 0, init[2] ?? 0, init[3] ?? 1, init[4] ?? 0, init[5] ?? 0];
    [this.a, this.b, this.c, this.d, this.e, this.f] = m;
  }

  get is2D(): boolean {
    return true;
  }

  /** this = this × other */
  multiplySelf(other: AffineMatrix): this {
    return this.set(product(this, other));
  }

  /** this = other × this */
  preMultiplySelf(other: AffineMatrix): this {
    return this.set(product(other, this));
  }

  translate(x = 0, y = 0): AffineMatrix {
    return new AffineMatrix(this).multiplySelf(new AffineMatrix([1, 0, 0, 1, x, y]));
  }

  scale(x = 1, y = x): AffineMatrix {
    return new AffineMatrix(this).multiplySelf(new AffineMatrix([x, 0, 0, y, 0, 0]));
  }

  invertSelf(): this {
    const det = this.a * this.d - this.b * this.c;
    if (det === 0) return this.set([NaN, NaN, NaN, NaN, NaN, NaN]);
    const { a, b, c, d, e, f } = this;
    return this.set([d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det]);
  }

  private set(m: Six): this {
    [this.a, this.b, this.c, this.d, this.e, this.f] = m;
    return this;
  }
}

function product(x: AffineMatrix, y: AffineMatrix): Six {
  return [
    x.a * y.a + x.c * y.b,
    x.b * y.a + x.d * y.b,
    x.a * y.c + x.c * y.d,
    x.b * y.c + x.d * y.d,
    x.a * y.e + x.c * y.f + x.e,
    x.b * y.e + x.d * y.f + x.f,
  ];
}

/** Installs AffineMatrix as `globalThis.DOMMatrix` where there is none (before PDF.js is loaded). */
export function ensureDomMatrix(): void {
  const scope = globalThis as { DOMMatrix?: unknown };
  scope.DOMMatrix ??= AffineMatrix;
}
