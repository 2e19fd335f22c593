import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { blend, deltaE, parseHex, toHex, toLab, wcagContrast } from '../../src/core/colour/contrast';
import {
  chooseFill,
  measureFill,
  MIN_DELTA_E_TO_SELECTION,
  MIN_TEXT_CONTRAST,
  THEME_SURFACES,
} from '../../src/core/colour/fills';
import { parseCodebookBytes } from '../../src/core/codebook';

describe('colour contrast', () => {
  it('parses and writes hex colours with and without alpha', () => {
    assert.deepEqual(parseHex('#0a0'), { rgb: [0, 170, 0], alpha: 1 });
    assert.deepEqual(parseHex('#1565c033').rgb, [0x15, 0x65, 0xc0]);
    assert.equal(parseHex('#1565c033').alpha, 0x33 / 255);
    assert.equal(toHex([21, 101, 192]), '#1565c0');
    assert.equal(toHex([300, -4, 10.4], 0.2), '#ff000a33');
    assert.throws(() => parseHex('blue'), /'blue' is not a colour/);
  });

  it('gives the WCAG reference ratios', () => {
    assert.equal(wcagContrast([0, 0, 0], [255, 255, 255]), 21);
    assert.equal(wcagContrast([120, 120, 120], [120, 120, 120]), 1);
    // #767676 on white is the well-known AA limit, 4.54:1
    assert.ok(Math.abs(wcagContrast(parseHex('#767676').rgb, [255, 255, 255]) - 4.54) < 0.01);
  });

  it('computes CIELAB and CIE76 distances that match reference values', () => {
    const white = toLab([255, 255, 255]);
    assert.ok(Math.abs(white[0] - 100) < 0.01 && Math.abs(white[1]) < 0.02 && Math.abs(white[2]) < 0.02);
    const red = toLab([255, 0, 0]); // reference L*a*b* of sRGB red: 53.24, 80.09, 67.20
    assert.ok(Math.abs(red[0] - 53.24) < 0.05 && Math.abs(red[1] - 80.09) < 0.05 && Math.abs(red[2] - 67.2) < 0.05);
    assert.ok(Math.abs(deltaE([0, 0, 0], [255, 255, 255]) - 100) < 0.01);
    assert.equal(deltaE([10, 20, 30], [10, 20, 30]), 0);
  });

  it('blends a translucent colour over the background like the screen does', () => {
    assert.deepEqual(blend([255, 0, 0], 0.5, [0, 0, 255]), [127.5, 0, 127.5]);
    assert.deepEqual(blend([1, 2, 3], 0, [9, 9, 9]), [9, 9, 9]);
  });
});

describe('annotation fills against the selection', () => {
  const shipped = parseCodebookBytes(readFileSync('codebook/sovereignty.yaml'), 'codebook/sovereignty.yaml').codebook;
  const fixture = parseCodebookBytes(
    readFileSync('test/fixtures/workspace/codebook.yaml'),
    'test/fixtures/workspace/codebook.yaml',
  ).codebook;

  it('keeps every shipped and fixture frame colour apart from the selection in light, dark and high contrast', () => {
    assert.ok(shipped && fixture);
    for (const frame of [...shipped.frames, ...fixture.frames]) {
      for (const kind of ['light', 'dark'] as const) {
        const chosen = chooseFill(frame.color, kind);
        assert.ok(chosen.meetsThresholds, `${frame.id} ${frame.color} (${kind}): ${JSON.stringify(chosen.measures)}`);
        assert.equal(chosen.measures.length, THEME_SURFACES[kind].length);
        for (const m of chosen.measures) {
          assert.ok(m.deltaEToSelection >= MIN_DELTA_E_TO_SELECTION, `${frame.id} on ${m.theme}`);
          assert.ok(m.textContrast >= MIN_TEXT_CONTRAST, `${frame.id} text on ${m.theme}`);
        }
      }
    }
  });

  it('moves a blue fill that would look like the selection away from it', () => {
    // the fixture's blue at the old fixed opacity (22 % light, lightened at 28 % dark) came within ΔE 13-15
    for (const kind of ['light', 'dark'] as const) {
      const surface = THEME_SURFACES[kind][0];
      const tint = kind === 'light' ? parseHex('#1565c0').rgb : blend([255, 255, 255], 0.35, parseHex('#1565c0').rgb);
      const naive = measureFill(tint, kind === 'light' ? 0.22 : 0.28, surface);
      assert.ok(naive.deltaEToSelection < MIN_DELTA_E_TO_SELECTION, `${kind}: ${naive.deltaEToSelection}`);
      const chosen = chooseFill('#1565c0', kind);
      assert.ok(chosen.meetsThresholds, JSON.stringify(chosen.measures));
      assert.ok((chosen.measures[0]?.deltaEToSelection ?? 0) >= MIN_DELTA_E_TO_SELECTION);
    }
  });

  it('keeps a frame colour that already stands apart at the house default (22 % in light themes)', () => {
    const chosen = chooseFill('#c62828', 'light');
    assert.equal(chosen.solid, '#c62828');
    assert.equal(chosen.fill, '#c6282838');
  });

  it('says so when no candidate can meet every threshold', () => {
    const impossible = [{ theme: 'grey', background: '#808080', foreground: '#7f7f7f', selection: '#808080' }];
    const chosen = chooseFill('#808080', 'light', impossible);
    assert.equal(chosen.meetsThresholds, false);
    assert.equal(chosen.measures[0]?.theme, 'grey');
  });

  it('keeps the theme palette defaults of package.json apart from the selection too', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
      contributes: { colors: { id: string; defaults: Record<string, string> }[] };
    };
    const backgrounds = manifest.contributes.colors.filter((c) => /^sovereigntyCoder\.frame\d+Background$/.test(c.id));
    assert.equal(backgrounds.length, 12);
    const surfaceOf = {
      light: THEME_SURFACES.light[0],
      highContrastLight: THEME_SURFACES.light[1],
      dark: THEME_SURFACES.dark[0],
      highContrast: THEME_SURFACES.dark[1],
    };
    for (const c of backgrounds) {
      for (const [key, surface] of Object.entries(surfaceOf)) {
        const { rgb, alpha } = parseHex(c.defaults[key] ?? '');
        const m = measureFill(rgb, alpha, surface);
        assert.ok(
          m.deltaEToSelection >= MIN_DELTA_E_TO_SELECTION,
          `${c.id} ${key}: ΔE ${m.deltaEToSelection.toFixed(1)}`,
        );
        assert.ok(m.textContrast >= MIN_TEXT_CONTRAST, `${c.id} ${key}: contrast ${m.textContrast.toFixed(2)}`);
      }
    }
  });
});
