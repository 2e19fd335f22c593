import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { matcherTerms, parseCodebook } from '../../src/core/codebook';
import { Matcher } from '../../src/core/matcher';

const FIXTURES = path.join(__dirname, '../../../test/fixtures/codebooks');
const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

/** Problems as `line:column severity message`, the form asserted below. */
function problems(text: string): string[] {
  const result = parseCodebook(text, 'cb.yaml');
  for (const p of result.problems) assert.equal(p.file, 'cb.yaml');
  if (result.problems.some((p) => p.severity === 'error')) assert.equal(result.codebook, undefined);
  return result.problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.message}`);
}

/** Asserts the exact positions and severities, and that each message contains the given fragments. */
function expectProblems(text: string, expected: [string, ...string[]][]): void {
  const got = problems(text);
  assert.deepEqual(
    got.map((g) => g.split(' ').slice(0, 2).join(' ')),
    expected.map((e) => e[0]),
    got.join('\n'),
  );
  expected.forEach(([, ...fragments], i) => {
    for (const f of fragments) assert.ok(got[i]?.includes(f), `${got[i] ?? ''}\n  should contain: ${f}`);
  });
}

const HEAD = 'codebook: t\ntitle: T\nframes:\n';
/** A valid frame as a flow mapping on one line, so line numbers below are easy to read. */
const frame = (id: string, extra = '', terms = `[${id} cue]`): string =>
  `  - {id: ${id}, label: ${id.toUpperCase()}, color: "#123", definition: D, terms: ${terms}${extra}}\n`;

describe('codebook: validation with exact positions', () => {
  it('reports every shape problem in one pass (bad-shape.yaml)', () => {
    expectProblems(fixture('bad-shape.yaml'), [
      ['1:1 error', "missing the required key 'title'"],
      ['1:11 error', "'Bad Shape' is not a valid id", "e.g. 'bad-shape'"],
      [
        '2:1 error',
        "unknown key 'titel'",
        'allowed keys are codebook, title, version, languages, description, frames',
        "Did you mean 'title'?",
      ],
      ['3:10 error', "'version'", 'must be text, not the number 2026.11', '"2026.11"'],
      ['4:12 error', "'languages'", 'must be a list'],
      ['5:1 error', "unknown key 'terms'", 'belongs inside a frame'],
      ['7:5 error', "frame 'one' is missing the required key 'label'"],
      ['8:5 error', "unknown key 'lable' in frame 'one'", "Did you mean 'label'?"],
      ['9:5 error', "'color' in frame 'one' has no value", 'an unquoted # starts a YAML comment'],
      ['10:17 error', "'definition' in frame 'one' must be text, not a list"],
      ['11:15 error', "'examples' in frame 'one' must be a list"],
      ['14:9 error', "item 2 of 'terms'", 'not the number 1984', '"1984"'],
      ['15:9 error', "item 3 of 'terms'", 'not a mapping'],
      ['16:5 error', 'frame 2 must be a mapping'],
      ['17:5 error', "frame 'two' is missing the required key 'color'"],
      ['18:12 error', "'label' in frame 'two' is empty"],
      ['19:5 error', "unknown key 'colour'", "Did you mean 'color'?"],
    ]);
  });

  it('reports ids, duplicates, colours, parents and cycles (bad-frames.yaml)', () => {
    expectProblems(fixture('bad-frames.yaml'), [
      ['6:13 error', "'#12' is not a colour", '#rgb or #rrggbb'],
      ['9:9 error', "'Beta Frame' is not a valid id", "e.g. 'beta-frame'"],
      ['14:9 error', "duplicate frame id 'alpha'", 'line 4'],
      ['15:12 error', "duplicate label 'ALPHA'", 'line 4'],
      ['16:12 error', "'red' is not a colour"],
      ['20:13 error', "unknown parent 'alfa' in frame 'child'", "Did you mean 'alpha'?"],
      ['26:13 error', "parent cycle: 'loop-a' → 'loop-b' → 'loop-a'"],
      ['38:13 error', "frame 'selfish' cannot be its own parent"],
      ['43:5 warning', "frame 'empty' has no terms and no child frames"],
    ]);
  });

  it('reports term syntax at the offending character and terms shared by frames (bad-terms.yaml)', () => {
    expectProblems(fixture('bad-terms.yaml'), [
      ['9:19 error', "term 'sovereign (digital)' in frame 'one'", "'(' is not allowed"],
      ['12:11 error', "term 'a*'", 'at least 2 letters'],
      ['13:11 error', "term '主权*'", 'Chinese, Japanese and Thai'],
      ['14:9 warning', "term 'data locali*' appears twice in frame 'one'", 'line 11'],
      [
        '19:20 error',
        "term 'DATA  locali*' is under frame 'two' and also under frame 'one' at line 11",
        "the same term as 'data locali*'",
      ],
      ['24:13 error', "term '网络主权' is under frame 'three' and also under frame 'two' at line 19"],
    ]);
  });

  it('finds a long cycle once, at its first frame in the file', () => {
    const text =
      HEAD +
      frame('c', ', parent: a') +
      frame('a', ', parent: b') +
      frame('b', ', parent: c') +
      frame('d', ', parent: a');
    expectProblems(text, [['4:77 error', "parent cycle: 'c' → 'a' → 'b' → 'c'"]]);
  });

  it('a parent frame with children needs no terms; one without children is warned about', () => {
    expectProblems(HEAD + frame('group', '', '[]') + frame('child', ', parent: group') + frame('lonely', '', '[]'), [
      ['6:5 warning', "frame 'lonely' has no terms and no child frames"],
    ]);
  });

  it('reports missing top-level keys and an empty frame list', () => {
    expectProblems('codebook: t\nframes: []\n', [
      ['1:1 error', "missing the required key 'title'"],
      ['2:9 error', "'frames' is empty"],
    ]);
    expectProblems('title: T\ncodebook: t\n', [['1:1 error', "missing the required key 'frames'"]]);
    expectProblems('codebook: t\ntitle: T\nframes: {id: a}\n', [['3:9 error', "'frames' must be a list of frames"]]);
  });

  it('reports a document that is not a mapping, and an empty file', () => {
    expectProblems('- codebook: t\n', [['1:1 error', 'the codebook must be a mapping', 'not a list']]);
    expectProblems('', [['1:1 error', 'the codebook is empty']]);
    expectProblems('# only a comment\n', [['1:1 error', 'the codebook is empty']]);
  });

  it('checks language tags, and text values for blankness and type', () => {
    expectProblems(
      `codebook: t\ntitle: "  "\nlanguages: [en, "english language", 7]\ndescription: true\nframes:\n${frame('a')}`,
      [
        ['2:9 error', "'title' in the codebook is empty"],
        ['3:18 error', "'english language' is not a language tag"],
        ['3:37 error', "item 3 of 'languages'", 'not the number 7'],
        ['4:14 error', "'description' in the codebook must be text, not the value true"],
      ],
    );
  });

  it('checks optional frame fields and examples', () => {
    expectProblems(HEAD + frame('a', ', include: 1, exclude: [x], examples: [ok, {k: v}]'), [
      ['4:78 error', "'include' in frame 'a' must be text, not the number 1"],
      ['4:90 error', "'exclude' in frame 'a' must be text, not a list"],
      ['4:110 error', "item 2 of 'examples' in frame 'a' must be text, not a mapping"],
    ]);
  });

  it('labels count as duplicates when they differ only in case, spacing or hyphens', () => {
    const text = `${HEAD}  - {id: a, label: Data sovereignty, color: "#111", definition: D, terms: [a1]}\n  - {id: b, label: data-Sovereignty, color: "#222", definition: D, terms: [b1]}\n`;
    expectProblems(text, [
      ['5:20 error', "duplicate label 'data-Sovereignty'", "frame 'b' has the same label as frame 'a' at line 4"],
    ]);
  });

  it('falls back to the start of the term when its text is not verbatim in the file', () => {
    // An escape inside double quotes: the source does not hold the value as written, so no offset is added.
    expectProblems(`${HEAD}  - id: a\n    label: A\n    color: "#111"\n    definition: D\n    terms: ["x\\ty (z)"]\n`, [
      ['8:13 error', "'(' is not allowed"],
    ]);
  });

  it('reports the problems of the YAML reader, with their positions', () => {
    expectProblems('codebook: t\ntitle: T\ntitle: U\nframes: []\n', [['3:1 error', 'duplicate key']]);
    expectProblems('codebook: t\ntitle: [unclosed\n', [['3:1 error', 'YAML syntax error']]);
    expectProblems('codebook: t\n---\ntitle: T\n', [['2:1 error', 'several YAML documents']]);
    expectProblems('codebook: t\n<<<<<<< HEAD\ntitle: A\n=======\ntitle: B\n>>>>>>> other\n', [
      ['2:1 error', 'Git conflict marker'],
      ['4:1 error', 'Git conflict marker'],
      ['6:1 error', 'Git conflict marker'],
    ]);
  });
});

describe('codebook: terms that can never fire', () => {
  it('warns at a term that an earlier term of another frame always takes, and proves it with the matcher', () => {
    const text =
      HEAD +
      frame('a', '', '[sovereign internet*, data border]') +
      frame('b', '', '[sovereign internet, data borders, internet]');
    expectProblems(text, [
      [
        '5:61 warning',
        "term 'sovereign internet' in frame 'b' can never be a cue",
        "'sovereign internet*' of frame 'a' at line 4",
      ],
      ['5:81 warning', "term 'data borders' in frame 'b' can never be a cue", "'data border' of frame 'a' at line 4"],
    ]);
    const { codebook } = parseCodebook(text, 'cb.yaml');
    assert.ok(codebook);
    const found = Matcher.compile(matcherTerms(codebook)).find(
      'A sovereign internet, sovereign internets, data borders.',
    );
    assert.deepEqual(
      found.map((m) => m.frameId),
      ['a', 'a', 'a'],
      "frame b's 'sovereign internet' never wins, nor 'data borders': 'data border' finds its plural",
    );
  });

  it('does not warn when the narrower term comes first, or for a longer phrase', () => {
    expectProblems(
      HEAD +
        frame('a', '', '[sovereign internet]') +
        frame('b', '', '[sovereign internet*, sovereign internet governance]'),
      [],
    );
  });
});
