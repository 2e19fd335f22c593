/**
 * Colour arithmetic for telling annotation fills apart from the editor's selection: sRGB hex parsing, alpha
 * blending (what the eye sees where a translucent fill lies on the editor background), CIELAB distance
 * (CIE76 ΔE: about 2.3 is a just noticeable difference, above 20 two colours read as different colours) and
 * WCAG 2 contrast between text and what lies behind it (4.5:1 is the AA minimum for body text).
 */

export type Rgb = readonly [number, number, number];
export type Lab = readonly [number, number, number];

/** `#rgb`, `#rrggbb` or `#rrggbbaa` → the colour and its alpha (0..1). */
export function parseHex(hex: string): { rgb: Rgb; alpha: number } {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(hex);
  if (!m) throw new Error(`'${hex}' is not a colour of the form #rgb, #rrggbb or #rrggbbaa`);
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  const byte = (i: number): number => parseInt(h.slice(i, i + 2), 16);
  return { rgb: [byte(0), byte(2), byte(4)], alpha: h.length === 8 ? byte(6) / 255 : 1 };
}

/** `[r, g, b]` (and an alpha) → `#rrggbb` or `#rrggbbaa`, each channel rounded and clamped to 0..255. */
export function toHex(c: Rgb, alpha?: number): string {
  const channels = alpha === undefined ? [...c] : [...c, alpha * 255];
  return `#${channels
    .map((v) =>
      Math.max(0, Math.min(255, Math.round(v)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** `over` at opacity `alpha` on an opaque `under`: the colour the screen shows (source-over compositing). */
export function blend(over: Rgb, alpha: number, under: Rgb): Rgb {
  return [0, 1, 2].map((i) => over[i] * alpha + under[i] * (1 - alpha)) as unknown as Rgb;
}

/** Moves each channel `amount` (0..1) of the way to `target` (white lightens, black darkens). */
export function mix(c: Rgb, target: Rgb, amount: number): Rgb {
  return [0, 1, 2].map((i) => c[i] + (target[i] - c[i]) * amount) as unknown as Rgb;
}

function linear(channel: number): number {
  const v = channel / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2 relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance(c: Rgb): number {
  return 0.2126 * linear(c[0]) + 0.7152 * linear(c[1]) + 0.0722 * linear(c[2]);
}

/** WCAG 2 contrast ratio, 1 (none) to 21 (black on white). */
export function wcagContrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** sRGB → CIELAB under the D65 white point. */
export function toLab(c: Rgb): Lab {
  const [r, g, b] = c.map(linear);
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 colour difference: the Euclidean distance in CIELAB. */
export function deltaE(a: Rgb, b: Rgb): number {
  const [p, q] = [toLab(a), toLab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}
