/**
 * The shipped content: the sovereignty codebook, its copies in the sample and fixture workspaces, the sample
 * texts, and the fixture texts whose cues are listed at known places (expected-cues.json). These are data
 * files edited by hand, so the checks here are what a reviewer would otherwise have to re-check on every edit.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { matcherTerms, parseCodebook } from '../../src/core/codebook';
import type { Codebook } from '../../src/core/codebook';
import { inflectedForms } from '../../src/core/inflection';
import { Matcher } from '../../src/core/matcher';
import { parseSidecar, serializeSidecar } from '../../src/core/sidecar';
import { canonicalText, textHash } from '../../src/core/text';

const ROOT = path.join(__dirname, '../../..');
const read = (rel: string): string => fs.readFileSync(path.join(ROOT, rel), 'utf8');
const SHIPPED = 'codebook/sovereignty.yaml';

function load(rel: string): Codebook {
  const { codebook, problems } = parseCodebook(read(rel), rel);
  assert.deepEqual(
    problems.map((p) => `${p.line}:${p.column} ${p.message}`),
    [],
  );
  assert.ok(codebook);
  return codebook;
}

/** WCAG relative luminance of #rrggbb. */
function luminance(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}
const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

/** CIE L*a*b* of #rrggbb (D65), for a perceptual distance between two frame colours. */
function lab(hex: string): [number, number, number] {
  const lin = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const [r, g, b] = lin;
  const xyz = [
    (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
    0.2126 * r + 0.7152 * g + 0.0722 * b,
    (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
  ];
  const f = (t: number): number => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const [fx, fy, fz] = xyz.map(f) as [number, number, number];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}
function deltaE(a: string, b: string): number {
  const [l1, a1, b1] = lab(a);
  const [l2, a2, b2] = lab(b);
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}

const isHan = (s: string): boolean => /\p{Script=Han}/u.test(s);
const isCyrillic = (s: string): boolean => /\p{Script=Cyrillic}/u.test(s);

describe('Shipped codebook and sample content', () => {
  const codebook = load(SHIPPED);
  const parents = new Set(codebook.frames.flatMap((f) => (f.parent === undefined ? [] : [f.parent])));
  const leaves = codebook.frames.filter((f) => !parents.has(f.id));

  it('loads without a single problem, warnings included, and its copies are byte-for-byte the same', () => {
    assert.equal(codebook.id, 'sovereignty');
    assert.deepEqual(codebook.languages, ['en', 'zh', 'ru']);
    assert.equal(read('sample/codebook.yaml'), read(SHIPPED));
    assert.equal(read('test/fixtures/workspace/sovereignty.yaml'), read(SHIPPED));
  });

  it('has at least 11 leaf frames under 2-4 groups, each fully documented with cues in English, Chinese and Russian', () => {
    assert.ok(leaves.length >= 11, `only ${leaves.length} leaf frames`);
    assert.ok(parents.size >= 2 && parents.size <= 4, `${parents.size} group frames`);
    for (const f of codebook.frames) {
      assert.ok(f.include && f.exclude, `frame ${f.id} lacks include/exclude guidance`);
      assert.ok(f.examples.length >= 2, `frame ${f.id} has fewer than 2 examples`);
    }
    for (const f of leaves) {
      const raws = f.terms.map((t) => t.raw);
      assert.ok(raws.some(isHan), `frame ${f.id} has no Chinese cue`);
      assert.ok(raws.some(isCyrillic), `frame ${f.id} has no Russian cue`);
      assert.ok(
        raws.some((r) => /^[\p{Script=Latin}\d\s*'-]+$/u.test(r)),
        `frame ${f.id} has no English cue`,
      );
      assert.ok(f.terms.length >= 10, `frame ${f.id} has only ${f.terms.length} cues`);
    }
  });

  it('declines every Russian cue (a dictionary form that inflects, or a star), and never stars a Chinese character', () => {
    for (const t of codebook.frames.flatMap((f) => f.terms)) {
      const words = t.raw.split(/[\s-]+/).filter(isCyrillic);
      // Upper-case abbreviations (ИИ, БРИКС, ШОС) do not inflect; everything else takes its cases.
      const inflecting = words.filter((w) => w !== w.toUpperCase());
      if (inflecting.length > 0 && !t.raw.includes('*'))
        assert.ok(
          inflectedForms(t.pattern).length > 0,
          `Russian term '${t.raw}' (line ${t.line}) has no inflected forms`,
        );
      assert.ok(!/\p{Script=Han}\*/u.test(t.raw), `term '${t.raw}' stars a Chinese character`);
    }
  });

  it('uses colours readable in light and dark themes and distinct between leaf frames', () => {
    for (const f of codebook.frames) {
      assert.match(f.color, /^#[0-9a-f]{6}$/);
      assert.ok(contrast(f.color, '#ffffff') >= 3.5, `${f.id} ${f.color} is too pale on a light theme`);
      assert.ok(contrast(f.color, '#1e1e1e') >= 3.5, `${f.id} ${f.color} is too dark on a dark theme`);
    }
    for (const [i, a] of leaves.entries()) {
      for (const b of leaves.slice(i + 1))
        assert.ok(deltaE(a.color, b.color) >= 12, `${a.id} ${a.color} and ${b.id} ${b.color} look alike`);
    }
  });

  it('does not light up bare generic words of the discourse', () => {
    const matcher = Matcher.compile(matcherTerms(codebook));
    const generic = 'Not a cue: sovereignty alone, data alone, AI alone, security, internet, the state, technology.';
    assert.deepEqual(matcher.find(generic), []);
  });

  describe('sample workspace', () => {
    const matcher = Matcher.compile(matcherTerms(codebook));
    const texts = fs.readdirSync(path.join(ROOT, 'sample')).filter((f) => /\.(txt|md)$/.test(f) && f !== 'README.md');

    it('has 4-6 texts, one of them Markdown, and one pre-coded sidecar that anchors exactly and byte-round-trips', () => {
      assert.ok(texts.length >= 4 && texts.length <= 6, `${texts.length} texts`);
      assert.ok(texts.some((f) => f.endsWith('.md')));
      const sidecars = fs.readdirSync(path.join(ROOT, 'sample')).filter((f) => f.endsWith('.annotations.yaml'));
      assert.deepEqual(sidecars, ['speech-information-space.txt.annotations.yaml']);
      const yaml = read('sample/speech-information-space.txt.annotations.yaml');
      const { sidecar, problems } = parseSidecar(yaml, 'sample/speech-information-space.txt.annotations.yaml');
      assert.deepEqual(problems, []);
      assert.ok(sidecar && sidecar.annotations.length >= 5);
      const text = canonicalText(read('sample/speech-information-space.txt'));
      assert.equal(sidecar.sourceHash, textHash(text), 'regenerate with node scripts/precode-sample.mjs');
      for (const a of sidecar.annotations) {
        assert.equal(text.slice(a.start, a.end), a.quote);
        assert.ok(
          codebook.frames.some((f) => f.id === a.frame),
          a.frame,
        );
      }
      assert.equal(serializeSidecar(sidecar, text), yaml);
      assert.ok(fs.existsSync(path.join(ROOT, 'sample/README.md')));
    });

    it('has texts of 150-500 words, one mostly Russian and one mostly Chinese, each rich in cues of several frames', () => {
      const scripts: string[] = [];
      for (const f of texts) {
        const text = read(`sample/${f}`);
        const spacedWords = text.match(/[\p{Script=Latin}\p{Script=Cyrillic}\d]+/gu) ?? [];
        const han = text.match(/\p{Script=Han}/gu) ?? [];
        // About two Han characters make a Chinese word.
        const words = spacedWords.length + Math.round(han.length / 2);
        assert.ok(words >= 150 && words <= 500, `${f}: about ${words} words`);
        const cyr = spacedWords.filter((w) => isCyrillic(w)).length;
        if (han.length > text.length / 2) scripts.push('zh');
        else if (cyr > spacedWords.length / 2) scripts.push('ru');
        const matches = matcher.find(text);
        const frames = new Set(matches.map((m) => m.frameId));
        assert.ok(matches.length >= 15 && frames.size >= 5, `${f}: ${matches.length} cues of ${frames.size} frames`);
      }
      assert.ok(scripts.includes('zh') && scripts.includes('ru'), `scripts: ${scripts.join(', ')}`);
    });

    it('lights up every leaf frame somewhere in the sample', () => {
      const seen = new Set(texts.flatMap((f) => matcher.find(read(`sample/${f}`)).map((m) => m.frameId)));
      assert.deepEqual(
        leaves.map((f) => f.id).filter((id) => !seen.has(id)),
        [],
      );
    });
  });

  describe('fixture texts with cues at known places', () => {
    interface Cue {
      line: number;
      character: number;
      start: number;
      end: number;
      text: string;
      frame: string;
    }
    /** The text as VS Code shows it: without a byte order mark. */
    const textOf = (file: string): string => read(file).replace(/^\uFEFF/, '');

    function checkFolder(dir: string, codebookFile: string, expected: Record<string, Cue[]>): void {
      const matcher = Matcher.compile(matcherTerms(load(codebookFile)));
      for (const [file, cues] of Object.entries(expected)) {
        const text = textOf(`${dir}/${file}`);
        const lines = text.split(/\r\n|\r|\n/);
        for (const c of cues) {
          assert.equal(text.slice(c.start, c.end), c.text, `${file}: offsets of '${c.text}'`);
          assert.equal(
            (lines[c.line] ?? '').slice(c.character, c.character + 1),
            c.text.slice(0, 1),
            `${file}: line/character of '${c.text}'`,
          );
        }
        const found = matcher
          .find(text)
          .map((m) => ({ start: m.start, end: m.end, text: text.slice(m.start, m.end), frame: m.frameId }));
        assert.deepEqual(
          found,
          cues.map((c) => ({ start: c.start, end: c.end, text: c.text, frame: c.frame })),
          `${dir}/${file} with ${codebookFile}`,
        );
      }
    }

    it('finds exactly the listed cues in test/fixtures/texts (multilingual, CRLF, BOM, emoji, variants)', () => {
      const expected = JSON.parse(read('test/fixtures/texts/expected-cues.json')) as { files: Record<string, Cue[]> };
      assert.deepEqual(
        Object.keys(expected.files).sort(),
        fs
          .readdirSync(path.join(ROOT, 'test/fixtures/texts'))
          .filter((f) => f.endsWith('.txt'))
          .sort(),
      );
      checkFolder('test/fixtures/texts', SHIPPED, expected.files);
      assert.ok(
        read('test/fixtures/texts/crlf.txt').includes('techno-\r\nnationalism'),
        'crlf.txt lost its CRLF line endings',
      );
      assert.equal(read('test/fixtures/texts/bom.txt').charCodeAt(0), 0xfeff, 'bom.txt lost its byte order mark');
    });

    it('finds exactly the listed cues in the integration workspace, with its own codebook and with the shipped one', () => {
      const ws = 'test/fixtures/workspace';
      const expected = JSON.parse(read(`${ws}/expected-cues.json`)) as {
        codebooks: Record<string, Record<string, Cue[]>>;
      };
      assert.deepEqual(Object.keys(expected.codebooks).sort(), ['codebook.yaml', 'sovereignty.yaml']);
      for (const [cb, files] of Object.entries(expected.codebooks)) checkFolder(ws, `${ws}/${cb}`, files);
    });
  });
});
