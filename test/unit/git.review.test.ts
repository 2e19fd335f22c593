import * as assert from 'node:assert/strict';
import { createAnnotation } from '../../src/core/annotations';
import type { Annotation } from '../../src/core/annotations';
import { diffAnnotations, splitConflict } from '../../src/core/git';
import { parseSidecar, serializeSidecar } from '../../src/core/sidecar';
import { textHash } from '../../src/core/text';
import { tempRepo, type TempRepo } from './gitRepo';

/** Our own text. */
const TEXT =
  [
    'The speaker rejected digital colonialism by foreign platforms.',
    'She asked for data kept at home and for an open AI Commons.',
    'Критики назвали это цифровым суверенитетом без гарантий.',
  ].join('\n') + '\n';

function code(text: string, quote: string, frame: string, coder: string, id: string): Annotation {
  const s = text.indexOf(quote);
  assert.ok(s >= 0, quote);
  return createAnnotation(text, s, s + quote.length, frame, coder, '2026-11-30', id);
}

const yamlOf = (list: Annotation[], text = TEXT): string =>
  serializeSidecar(
    { version: 1, source: 'talk.txt', sourceHash: textHash(text), codebook: 'sovereignty', annotations: list },
    text,
  );

describe('git: review (diff, show) and CI (validate --strict), agreement from revisions', function () {
  this.timeout(60000);
  const repos: TempRepo[] = [];
  after(() => repos.forEach((r) => r.remove()));
  const colonial = code(TEXT, 'digital colonialism', 'colonization', 'alice', 'a0000000001');
  const home = code(TEXT, 'data kept at home', 'data', 'alice', 'a0000000002');
  const commons = code(TEXT, 'AI Commons', 'governance', 'alice', 'a0000000003');
  const suverenitet = code(TEXT, 'цифровым суверенитетом', 'territory', 'bob', 'a0000000004');

  function committed(): TempRepo {
    const r = tempRepo(true);
    repos.push(r);
    r.write('talk.txt', TEXT);
    r.write('talk.txt.annotations.yaml', yamlOf([colonial, home, commons]));
    r.commitAll('first coding');
    return r;
  }

  it('diff lists added, removed, retagged, moved, memo and status changes per text, in text, JSON and Markdown', () => {
    const r = committed();
    const edited = `Opening line.\n${TEXT}`;
    r.write('talk.txt', edited);
    const moved = code(edited, 'digital colonialism', 'colonization', 'alice', colonial.id);
    r.write(
      'talk.txt.annotations.yaml',
      yamlOf(
        [
          { ...moved, memo: 'platform power' },
          {
            ...code(edited, 'data kept at home', 'data', 'alice', home.id),
            frame: 'territory',
            status: 'needs-review',
          },
          code(edited, 'цифровым суверенитетом', 'territory', 'bob', suverenitet.id),
        ],
        edited,
      ),
    );
    const text = r.sovcode('diff');
    assert.equal(text.code, 0, text.err);
    assert.equal(
      text.out,
      [
        'talk.txt',
        '  > moved 1:22 → [colonization] "digital colonialism" 2:22 (alice)',
        '  ~ memo [colonization] "digital colonialism" 2:22 (alice): "" → "platform power"',
        '  ~ retagged [data] → [territory] "data kept at home" 3:15 (alice)',
        '  > moved 2:15 → [territory] "data kept at home" 3:15 (alice)',
        '  ~ status [territory] "data kept at home" 3:15 (alice): (none) → needs-review',
        '  + [territory] "цифровым суверенитетом" 4:21 (bob)',
        '  - [governance] "AI Commons" 2:49 (alice)',
        '',
      ].join('\n'),
    );
    const json = JSON.parse(r.sovcode('diff', '--format', 'json').out) as Array<{
      text: string;
      changes: Array<{ kind: string }>;
    }>;
    assert.deepEqual(
      json[0]?.changes.map((c) => c.kind),
      ['moved', 'memo', 'retagged', 'moved', 'status', 'added', 'removed'],
    );
    const md = r.sovcode('diff', 'HEAD', '--format', 'markdown', 'talk.txt').out;
    assert.match(md, /^### Annotation changes: HEAD → working tree$/m);
    assert.match(md, /^\*\*talk\.txt\*\*: 2 moved, 1 memo, 1 retagged, 1 status, 1 added, 1 removed$/m);
    assert.match(md, /^```diff\n> moved/m);
  });

  it('diff between two revisions reads them without a checkout; plain git diff reads the same through show', () => {
    const r = committed();
    r.write('talk.txt.annotations.yaml', yamlOf([colonial, { ...home, frame: 'territory' }, commons]));
    r.commitAll('retag');
    r.write('talk.txt.annotations.yaml', 'not touched by a diff of two revisions\n');
    const d = r.sovcode('diff', 'HEAD~1', 'HEAD');
    assert.equal(d.out, 'talk.txt\n  ~ retagged [data] → [territory] "data kept at home" 2:15 (alice)\n');
    r.git('checkout', '--', 'talk.txt.annotations.yaml');
    const plain = r.git('diff', 'HEAD~1', 'HEAD');
    assert.match(plain, /^-\[data\] "data kept at home" 2:15 \(alice\) {2}a0000000002 {2}2026-11-30$/m);
    assert.match(plain, /^\+\[territory\] "data kept at home" 2:15 \(alice\) {2}a0000000002 {2}2026-11-30$/m);
    assert.equal(r.sovcode('diff', 'no-such-branch').code, 2);
  });

  it('validate --strict refuses unknown frames, orphans (unless --allow-orphans) and the same decision twice', () => {
    const r = committed();
    const orphan: Annotation = {
      ...code(TEXT, 'AI Commons', 'governance', 'bob', 'a0000000009'),
      quote: 'a phrase no longer there',
      status: 'orphaned',
    };
    r.write(
      'talk.txt.annotations.yaml',
      yamlOf([colonial, { ...home, frame: 'no-such-frame' }, { ...colonial, id: 'a0000000005' }, orphan]),
    );
    const plain = r.sovcode('validate', '.');
    assert.equal(plain.code, 0, plain.out);
    const strict = r.sovcode('validate', '--strict', '.');
    assert.equal(strict.code, 1);
    assert.match(strict.out, /error: annotation a0000000002: frame 'no-such-frame' is not in codebook 'sovereignty'/);
    assert.match(strict.out, /error: annotation a0000000009: orphaned/);
    assert.match(strict.out, /error: annotation a0000000005: the same decision as a0000000001/);
    const allowed = r.sovcode('validate', '--strict', '--allow-orphans', '.');
    assert.doesNotMatch(allowed.out, /error: annotation a0000000009/, 'an orphan is at most a warning then');
  });

  it('agreement --rev compares two coders on their own branches without merging', () => {
    const r = committed();
    r.write('talk.txt.annotations.yaml', yamlOf([]));
    r.commitAll('empty');
    r.git('branch', 'bob');
    r.write('talk.txt.annotations.yaml', yamlOf([colonial, home]));
    r.commitAll('alice codes');
    r.git('checkout', '-q', 'bob');
    r.write(
      'talk.txt.annotations.yaml',
      yamlOf([
        code(TEXT, 'digital colonialism', 'colonization', 'bob', 'a00000000b1'),
        code(TEXT, 'an open AI Commons', 'governance', 'bob', 'a00000000b2'),
      ]),
    );
    r.commitAll('bob codes');
    const report = r.sovcode('agreement', '--rev', 'main', '--rev', 'bob', '--format', 'json');
    assert.equal(report.code, 0, report.err);
    const parsed = JSON.parse(report.out) as {
      coders: string[];
      frames: Array<{ frame: string; items: number; percentAgreement: number }>;
    };
    assert.deepEqual(parsed.coders, ['alice', 'bob']);
    assert.equal(parsed.frames.find((f) => f.frame === 'colonization')?.percentAgreement, 1);
    assert.equal(r.sovcode('agreement', '--rev', 'main').code, 2, 'one revision is not a comparison');
  });

  it('diffAnnotations pairs by id: a retag that moves the block is one change; splitConflict keeps the base of diff3 markers', () => {
    const changes = diffAnnotations(
      { annotations: [colonial, home], text: TEXT },
      { annotations: [{ ...colonial, frame: 'values' }, home], text: TEXT },
    );
    assert.deepEqual(
      changes.map((c) => [c.kind, c.id, c.from, c.to]),
      [['retagged', colonial.id, 'colonization', 'values']],
    );
    const sides = splitConflict('a\n<<<<<<< ours\nb\n||||||| base\nc\n=======\nd\n>>>>>>> theirs\ne\n');
    assert.deepEqual(sides, { ours: 'a\nb\ne\n', base: 'a\nc\ne\n', theirs: 'a\nd\ne\n', hunks: 1 });
    assert.deepEqual(splitConflict('<<<<<<< ours\nb\n'), { error: 'a conflict hunk is not closed', line: 2 });
  });

  it('a conflict entry round-trips through serialize and parse, and a half-written one is refused at its line', () => {
    const pair = [
      { ...home, status: 'conflict' as const, conflictWith: 'a0000000007' },
      { ...home, id: 'a0000000007', frame: 'territory', status: 'conflict' as const, conflictWith: home.id },
    ];
    const yaml = yamlOf(pair);
    assert.match(yaml, /^ {4}status: conflict\n {4}conflictWith: a0000000007$/m);
    assert.deepEqual(parseSidecar(yaml, 'talk.txt.annotations.yaml').sidecar?.annotations, pair);
    const broken = parseSidecar(yaml.replace('    conflictWith: a0000000007\n', ''), 'talk.txt.annotations.yaml');
    assert.equal(broken.readOnly, true);
    assert.match(broken.problems[0]?.message ?? '', /'status: conflict' needs 'conflictWith'/);
  });
});
