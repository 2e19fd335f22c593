import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CODEBOOK_MAX_BYTES, findFrame, framePath, matcherTerms, parseCodebook } from '../../src/core/codebook';
import type { Codebook } from '../../src/core/codebook';

const FIXTURES = path.join(__dirname, '../../../test/fixtures/codebooks');
const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

function load(text: string, file = 'test.yaml'): Codebook {
  const { codebook, problems } = parseCodebook(text, file);
  assert.deepEqual(problems, []);
  assert.ok(codebook);
  return codebook;
}

describe('codebook: loading a valid codebook', () => {
  const full = load(fixture('valid-full.yaml'), 'valid-full.yaml');

  it('reads the top level', () => {
    assert.equal(full.id, 'test.full-1');
    assert.equal(full.title, 'Test codebook: platform governance');
    assert.equal(full.version, '0.3');
    assert.deepEqual(full.languages, ['en', 'zh', 'ru', 'zh-Hans']);
    assert.equal(
      full.description,
      'Frames invented for the unit tests. They cover nesting, quoted and block text, flow and block lists, and terms in English, Chinese and Russian.',
    );
    assert.equal(full.file, 'valid-full.yaml');
  });

  it('reads every frame in file order with its fields and line', () => {
    assert.deepEqual(
      full.frames.map((f) => f.id),
      [
        'control',
        'control.borders',
        'control.filtering',
        'self-reliance',
        'self-reliance.cloud',
        'data',
        'threat',
        'threat.colonial',
        'threat.values',
        'cooperation',
        'race',
      ],
    );
    const borders = findFrame(full, 'control.borders');
    assert.ok(borders);
    assert.equal(borders.line, 18);
    assert.equal(borders.parent, 'control');
    assert.equal(borders.color, '#42a5f5');
    assert.equal(
      borders.definition,
      'Talk of lines, gates or walls drawn around a national network.\nTwo lines here, kept as written.\n',
    );
    assert.equal(borders.include, 'The text speaks of a boundary of a network or of data.');
    assert.equal(borders.exclude, 'Physical border security with no digital element.');
    assert.deepEqual(borders.examples, ['The ministry promised a firm line around the national net.', '一道数字边界']);
    const control = findFrame(full, 'control');
    assert.ok(control);
    assert.equal(control.parent, undefined);
    assert.equal(control.include, undefined);
    assert.deepEqual(control.terms, []);
    assert.deepEqual(control.examples, []);
    assert.equal(findFrame(full, 'race')?.color, '#555');
  });

  it('gives each term its frame, folded key and the position of its text', () => {
    const terms = full.frames.flatMap((f) => f.terms);
    assert.equal(terms.length, 38);
    const at = (raw: string): string => {
      const t = terms.find((x) => x.raw === raw);
      assert.ok(t, raw);
      return `${t.frameId} ${t.pattern.key} ${t.line}:${t.column}`;
    };
    assert.equal(at('digital border*'), 'control.borders digital border* 31:9');
    assert.equal(at('цифров* границ*'), 'control.borders цифров* границ* 34:9');
    assert.equal(
      at('content filter*'),
      'control.filtering content filter* 41:26',
      'double-quoted in a flow list: the text after the quote',
    );
    assert.equal(at('throttl*'), 'control.filtering throttl* 41:45', 'single-quoted');
    assert.equal(at('home-grown chip*'), 'self-reliance home grown chip* 48:9');
    assert.equal(at('data coloni*'), 'threat.colonial data coloni* 89:10');
    assert.equal(at('“traditional values”'), 'threat.values "traditional values" 100:9');
    assert.equal(at('AI arms race'), 'race ai arms race 121:9');
    assert.equal(at('ИИ-альянс*'), 'cooperation ии альянс* 113:9');
  });

  it('framePath gives the labels from the root', () => {
    assert.deepEqual(framePath(full, 'threat.colonial'), ['Threats from outside', 'Digital empire']);
    assert.deepEqual(framePath(full, 'data'), ['Data as a national asset']);
    assert.deepEqual(framePath(full, 'no-such-frame'), []);
  });

  it('matcherTerms lists every term once per frame, in file order', () => {
    const terms = matcherTerms(full);
    assert.equal(terms.length, 38);
    assert.deepEqual(terms[0], {
      frameId: 'control.borders',
      pattern: findFrame(full, 'control.borders')?.terms[0]?.pattern,
    });
    assert.deepEqual(
      terms.slice(-4).map((t) => t.pattern.key),
      ['compute race', 'ai arms race', '算力竞赛', 'гонк* вооружени*'],
    );
  });

  it('reads the same positions from CRLF line endings and a byte order mark', () => {
    const crlf = load(`\ufeff${fixture('valid-full.yaml').replace(/\n/g, '\r\n')}`);
    const lf = full.frames.flatMap((f) => f.terms.map((t) => `${t.line}:${t.column}`));
    assert.deepEqual(
      crlf.frames.flatMap((f) => f.terms.map((t) => `${t.line}:${t.column}`)),
      lf,
    );
    assert.equal(findFrame(crlf, 'control.borders')?.definition, findFrame(full, 'control.borders')?.definition);
  });

  it('loads a minimal codebook with only the required keys', () => {
    const cb = load(
      'codebook: m\ntitle: M\nframes:\n  - {id: a, label: A, color: "#abc", definition: D, terms: [x y]}\n',
    );
    assert.equal(cb.version, undefined);
    assert.equal(cb.description, undefined);
    assert.deepEqual(cb.languages, []);
    assert.deepEqual(
      matcherTerms(cb).map((t) => `${t.frameId}:${t.pattern.key}`),
      ['a:x y'],
    );
  });

  it('keeps a term written twice in one frame, warns, and gives it to the matcher once', () => {
    const { codebook, problems } = parseCodebook(
      'codebook: m\ntitle: M\nframes:\n  - id: a\n    label: A\n    color: "#abc"\n    definition: D\n    terms: [cyber sovereignty, Cyber-Sovereignty]\n',
      't.yaml',
    );
    assert.ok(codebook);
    assert.deepEqual(
      problems.map((p) => `${p.line}:${p.column} ${p.severity}`),
      ['8:32 warning'],
    );
    assert.equal(findFrame(codebook, 'a')?.terms.length, 2);
    assert.equal(matcherTerms(codebook).length, 1);
  });

  it('treats ids that are names of object properties as plain ids', () => {
    const cb = load(
      'codebook: c\ntitle: T\nframes:\n  - {id: constructor, label: C, color: "#000", definition: D, terms: [c1]}\n  - {id: tostring, parent: constructor, label: S, color: "#111", definition: D, terms: [c2]}\n',
    );
    assert.equal(findFrame(cb, 'constructor')?.label, 'C');
    assert.equal(findFrame(cb, 'hasOwnProperty'), undefined);
    assert.deepEqual(framePath(cb, 'tostring'), ['C', 'S']);
  });

  it('framePath stops at a cycle in a codebook built by hand', () => {
    const frame = (id: string, parent: string): Codebook['frames'][number] => ({
      id,
      parent,
      label: id.toUpperCase(),
      color: '#000',
      definition: 'd',
      examples: [],
      terms: [],
      line: 1,
    });
    const cb: Codebook = { id: 'x', title: 'X', languages: [], frames: [frame('a', 'b'), frame('b', 'a')], file: 'x' };
    assert.deepEqual(framePath(cb, 'a'), ['B', 'A']);
  });

  it('caps the size at 2 MiB', () => {
    assert.equal(CODEBOOK_MAX_BYTES, 2 * 1024 * 1024);
  });
});
