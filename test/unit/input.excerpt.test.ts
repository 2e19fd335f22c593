/**
 * Messages never echo a file that is not ours (issue 12): before a file is recognised as a sidecar or a codebook
 * none of its values or keys is quoted, and afterwards only as a short excerpt with hidden characters made
 * visible (a terminal escape in a key cannot recolour or rewrite the user's terminal).
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCodebook } from '../../src/core/codebook';
import { excerpt, EXCERPT_MAX } from '../../src/core/input';
import { parseSidecar } from '../../src/core/sidecar';
import { FIXTURE_CODEBOOK, SAMPLE_SIDECAR } from './hostileInput';
import { sovcode } from './sovcodeRunner';

const SECRET = 'SECRET-4f1c9a-do-not-print';
const messages = (problems: readonly { message: string }[]): string => problems.map((p) => p.message).join('\n');

describe('messages quote files only as short, sanitised excerpts', () => {
  it('excerpt cuts long values by code points and makes hidden characters visible', () => {
    assert.equal(excerpt('网络主权 and 🐟'), '网络主权 and 🐟');
    assert.equal(excerpt('🐟'.repeat(50)), `${'🐟'.repeat(EXCERPT_MAX)}…`);
    assert.equal(excerpt('a\u001b[31mred\u202Eb\u0000c\uD800d\te'), 'a\\u001B[31mred\\u202Eb\\u0000c\\uD800d\\u0009e');
  });

  it('a file named like a sidecar whose version is text is refused without quoting it', () => {
    const r = parseSidecar(`version: "${SECRET}"\npassword: ${SECRET}\n`, 'creds.txt.annotations.yaml');
    assert.equal(r.sidecar, undefined);
    assert.match(messages(r.problems), /'version' is a string, where the number 1 is expected/);
    assert.ok(!messages(r.problems).includes('SECRET'), messages(r.problems));
  });

  it('a recognised sidecar quotes an unknown key only as a short excerpt, escapes included', () => {
    const key = `x\u001b]0;${SECRET.repeat(20)}`;
    const r = parseSidecar(
      SAMPLE_SIDECAR.replace(
        'codebook: sovereignty\n',
        `codebook: sovereignty\n"${key.replace('\u001b', '\\e')}": 1\n`,
      ),
      'sample.txt.annotations.yaml',
    );
    const m = messages(r.problems);
    assert.match(m, /unknown key 'x\\u001B\]0;SECRET/);
    assert.ok(!m.includes('\u001b'), 'no raw escape character');
    assert.ok(m.length < 200 && !m.includes(SECRET.repeat(2)), m);
  });

  it('a YAML file that is not a codebook gets one error naming none of its keys or values', () => {
    const r = parseCodebook(`${SECRET}: 1\napi_token: ${SECRET}\nnested:\n  ${SECRET}x: 2\n`, 'settings.yaml');
    assert.equal(r.codebook, undefined);
    assert.deepEqual(
      r.problems.map((p) => [p.line, p.column]),
      [[1, 1]],
    );
    assert.match(r.problems[0]?.message ?? '', /not a codebook: its top level has neither 'codebook:' nor 'frames:'/);
    assert.ok(!messages(r.problems).includes('SECRET') && !messages(r.problems).includes('api_token'));
  });

  it('a recognised codebook quotes long bad keys, ids and tags only as excerpts', () => {
    const long = SECRET.repeat(10);
    const withKey = parseCodebook(
      FIXTURE_CODEBOOK.replace('title: "Test', `${long}: 1\ntitle: "Test`),
      'codebook.yaml',
    );
    assert.match(messages(withKey.problems), /unknown key 'SECRET/);
    assert.ok(!messages(withKey.problems).includes(SECRET.repeat(2)), messages(withKey.problems));
    const withTag = parseCodebook(FIXTURE_CODEBOOK.replace('title: "Test', `title: !${long} "Test`), 'codebook.yaml');
    assert.match(messages(withTag.problems), /YAML tags \(!SECRET/);
    assert.ok(!messages(withTag.problems).includes(SECRET.repeat(2)), messages(withTag.problems));
  });

  it('sovcode validate of a foreign YAML file named codebook.yaml prints no content of it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sovcode-echo-'));
    writeFileSync(join(dir, 'codebook.yaml'), `aws_secret_access_key: ${SECRET}\nregion: ${SECRET}\n`);
    const r = sovcode('validate', dir);
    assert.equal(r.code, 1);
    assert.match(r.out, /codebook\.yaml:1:1: error: not a codebook/);
    assert.ok(!r.out.includes('SECRET') && !r.out.includes('aws_secret'), r.out);
  });
});
