/**
 * Choosing an annotation's translucent fill so that it cannot be mistaken for the editor's selection. The fill
 * is the frame's colour (lightened for dark themes) at some opacity over the editor background; for each theme
 * kind we know the surfaces of the themes we check (Light Modern and Light High Contrast share the `light`
 * decoration options, Dark Modern and Dark High Contrast the `dark` ones) and pick, among a small grid of opacities and lightness shifts, the candidate
 * nearest the house default that keeps, on every surface of the kind: ΔE ≥ 20 to the selection colour, ΔE ≥ 8
 * to the background (visible at all) and WCAG contrast ≥ 4.5 for the text on it. When no candidate meets them
 * all (a frame colour that is itself the selection blue), the one farthest from the selection wins and the
 * report says so: colour is then not what tells frames apart, the border style and labels are.
 */
import { blend, deltaE, mix, parseHex, toHex, wcagContrast, type Rgb } from './contrast';

/** The editor colours a fill is drawn on and must stay apart from, for one theme. */
export interface ThemeSurface {
  theme: string;
  background: string;
  foreground: string;
  selection: string;
}

/** The values of the built-in themes (VS Code's theme-defaults and colour registry defaults). */
export const THEME_SURFACES: Readonly<Record<'light' | 'dark', readonly ThemeSurface[]>> = {
  light: [
    { theme: 'Light Modern', background: '#FFFFFF', foreground: '#3B3B3B', selection: '#ADD6FF' },
    { theme: 'Light High Contrast', background: '#FFFFFF', foreground: '#292929', selection: '#0F4A85' },
  ],
  dark: [
    { theme: 'Dark Modern', background: '#1F1F1F', foreground: '#CCCCCC', selection: '#264F78' },
    { theme: 'Dark High Contrast', background: '#000000', foreground: '#FFFFFF', selection: '#FFFFFF' },
  ],
};

export const MIN_DELTA_E_TO_SELECTION = 20;
export const MIN_DELTA_E_TO_BACKGROUND = 8;
export const MIN_TEXT_CONTRAST = 4.5;

export interface FillMeasure {
  theme: string;
  /** The fill as shown on this theme's background. */
  shown: string;
  deltaEToSelection: number;
  deltaEToBackground: number;
  textContrast: number;
}

export interface ChosenFill {
  /** `#rrggbbaa`: the tint at its opacity, for the decoration's backgroundColor. */
  fill: string;
  /** `#rrggbb`: the opaque tint, for borders, the overview ruler and swatches. */
  solid: string;
  measures: FillMeasure[];
  /** False when no candidate met every threshold on every surface. */
  meetsThresholds: boolean;
}

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];
const DEFAULT_ALPHA = { light: 0.22, dark: 0.28 };
const ALPHAS = [0.14, 0.18, 0.22, 0.26, 0.3, 0.34, 0.4];
/** Negative darkens (mix with black), positive lightens (mix with white). */
const SHIFTS = [0, -0.2, 0.2, -0.4, 0.4, -0.6, 0.6];

/** How a fill of `tint` at `alpha` measures on one surface. */
export function measureFill(tint: Rgb, alpha: number, surface: ThemeSurface): FillMeasure {
  const background = parseHex(surface.background).rgb;
  const shown = blend(tint, alpha, background);
  return {
    theme: surface.theme,
    shown: toHex(shown),
    deltaEToSelection: deltaE(shown, parseHex(surface.selection).rgb),
    deltaEToBackground: deltaE(shown, background),
    textContrast: wcagContrast(parseHex(surface.foreground).rgb, shown),
  };
}

function meets(m: FillMeasure): boolean {
  return (
    m.deltaEToSelection >= MIN_DELTA_E_TO_SELECTION &&
    m.deltaEToBackground >= MIN_DELTA_E_TO_BACKGROUND &&
    m.textContrast >= MIN_TEXT_CONTRAST
  );
}

/** The fill of a frame colour (`#rgb`/`#rrggbb`) for one theme kind; see the file comment for the rule. */
export function chooseFill(
  colour: string,
  kind: 'light' | 'dark',
  surfaces: readonly ThemeSurface[] = THEME_SURFACES[kind],
): ChosenFill {
  const base = kind === 'dark' ? mix(parseHex(colour).rgb, WHITE, 0.35) : parseHex(colour).rgb;
  type Candidate = { tint: Rgb; alpha: number; measures: FillMeasure[]; cost: number };
  const candidates: Candidate[] = [];
  for (const shift of SHIFTS) {
    const tint = shift === 0 ? base : mix(base, shift < 0 ? BLACK : WHITE, Math.abs(shift));
    for (const alpha of ALPHAS) {
      const measures = surfaces.map((s) => measureFill(tint, alpha, s));
      // nearest the house default: a colour shift costs more than an opacity step
      candidates.push({ tint, alpha, measures, cost: Math.abs(shift) * 2 + Math.abs(alpha - DEFAULT_ALPHA[kind]) });
    }
  }
  const passing = candidates.filter((c) => c.measures.every(meets)).sort((a, b) => a.cost - b.cost);
  const worst = (c: Candidate): number => Math.min(...c.measures.map((m) => m.deltaEToSelection));
  const chosen = passing[0] ?? [...candidates].sort((a, b) => worst(b) - worst(a))[0];
  return {
    fill: toHex(chosen.tint, chosen.alpha),
    solid: toHex(chosen.tint),
    measures: chosen.measures,
    meetsThresholds: passing.length > 0,
  };
}
