/**
 * A sidecar the YAML parser cannot read, reported in a coder's words: the first cause at its line (a key
 * indented 3 spaces, a tab, an annotation's "- " out of place), the parser's cascade after it as a count, in
 * the reader and in `sovcode validate`; and the codebook's colour hint quotes the colour the user wrote.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCodebook } from '../../src/core/codebook';
import { parseSafeYaml } from '../../src/core/input';
import { parseSidecar } from '../../src/core/sidecar';
import { sovcode } from './sovcodeRunner';

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'sidecars');
const FILE = 'multilingual.txt.annotations.yaml';
const fixture = readFileSync(join(FIXTURES, FILE), 'utf8');

/** The fixture with line `n` (1-based) rewritten by `change`. */
function withLine(n: number, change: (line: string) => string): string {
  const lines = fixture.split('\n');
  lines[n - 1] = change(lines[n - 1] ?? '');
  return lines.join('\n');
}

const parserCount = (text: string): number => parseSafeYaml(text, FILE, { maxBytes: 1e8 }).problems.length;

describe('sidecar YAML errors in a coder’s words', () => {
  it('one key indented 3 spaces: one problem at its line, the cascade counted', () => {
    const text = withLine(10, (l) => l.replace(/^ {4}/, '   '));
    assert.ok(parserCount(text) > 3, 'the parser alone gives a cascade');
    const { problems, sidecar } = parseSidecar(text, FILE);
    assert.equal(sidecar, undefined, 'the file is refused, never half read');
    assert.equal(problems.length, 1, JSON.stringify(problems));
    assert.deepEqual([problems[0]?.line, problems[0]?.column], [10, 4]);
    assert.equal(
      problems[0]?.message,
      `line 10 is indented 3 spaces; the keys of an annotation take 4 (and ${parserCount(text) - 1} more after it, most likely caused by this one)`,
    );
  });

  it('names a tab, and an annotation started out of place', () => {
    const tab = parseSidecar(
      withLine(10, (l) => `\t${l.trimStart()}`),
      FILE,
    ).problems;
    assert.equal(tab.length, 1);
    assert.match(tab[0]?.message ?? '', /^line 10 is indented with a tab; YAML takes spaces only/);
    const item = fixture.split('\n').findIndex((l, i) => i > 10 && l.startsWith('  - id: ')) + 1;
    const dash = parseSidecar(
      withLine(item, (l) => ` ${l}`),
      FILE,
    ).problems;
    assert.equal(dash.length, 1, JSON.stringify(dash));
    assert.match(
      dash[0]?.message ?? '',
      new RegExp(`^line ${item} starts an annotation \\("- "\\) indented 3 spaces; each annotation starts at 2`),
    );
  });

  it('any other syntax error: the parser’s first, with the count', () => {
    const text = withLine(10, () => '    quote: "x" trailing');
    const problems = parseSidecar(text, FILE).problems;
    assert.equal(problems.length, 1);
    assert.match(problems[0]?.message ?? '', /^YAML syntax error: /);
    assert.equal(problems[0]?.line, 10);
    const n = parserCount(text) - 1;
    if (n > 0) assert.match(problems[0]?.message ?? '', new RegExp(`\\(and ${n} more after it`));
  });

  it('sovcode validate prints the one cause', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sovcode-yaml-'));
    writeFileSync(join(dir, 'multilingual.txt'), readFileSync(join(FIXTURES, 'multilingual.txt')));
    writeFileSync(
      join(dir, FILE),
      withLine(10, (l) => l.replace(/^ {4}/, '   ')),
    );
    const { code, out } = sovcode('validate', dir);
    assert.equal(code, 1);
    const lines = out.split('\n').filter((l) => l.includes(FILE));
    assert.equal(lines.length, 1, out);
    assert.match(
      lines[0] ?? '',
      /:10:4: error: line 10 is indented 3 spaces; the keys of an annotation take 4 \(and \d+ more after it/,
    );
  });

  it('the colour hint quotes the colour the user wrote, not another', () => {
    const book =
      'codebook: t\ntitle: T\nframes:\n  - id: one\n    label: One\n    color: #1565c0\n    definition: d\n    terms: [one]\n';
    const message = parseCodebook(book, 'book.yaml').problems.find((p) => p.message.includes("'color'"))?.message ?? '';
    assert.match(message, /write it in quotes, color: "#1565c0"/);
    assert.doesNotMatch(message, /2e7d32/);
    const empty = parseCodebook(book.replace('color: #1565c0', 'color:'), 'book.yaml').problems;
    assert.match(
      empty.find((p) => p.message.includes("'color'"))?.message ?? '',
      /write a colour in quotes, #rgb or #rrggbb/,
    );
  });
});
