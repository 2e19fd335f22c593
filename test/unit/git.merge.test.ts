import * as assert from 'node:assert/strict';
import { createAnnotation } from '../../src/core/annotations';
import type { Annotation } from '../../src/core/annotations';
import { resolveConflict } from '../../src/core/git';
import { parseSidecar, serializeSidecar } from '../../src/core/sidecar';
import { textHash } from '../../src/core/text';
import { tempRepo, type TempRepo } from './gitRepo';

/** Our own text: several sentences, so that spans are far apart and the text can be edited at both ends. */
const TEXT =
  [
    'The envoy called for digital borders to shield the national network.',
    'A researcher warned that a sovereign internet would cut scholars off.',
    'Several delegations preferred an open AI Commons run by many states.',
    '代表们讨论了网络主权与数据本地化。',
    'Участники обсуждали технологический суверенитет и импортозамещение.',
    'The chair closed by promising a global AI compact within ten years.',
  ].join('\n') + '\n';

const FILE = 'talk.txt';
const SIDECAR = 'talk.txt.annotations.yaml';

function code(text: string, quote: string, frame: string, coder: string, id: string): Annotation {
  const s = text.indexOf(quote);
  assert.ok(s >= 0, quote);
  return createAnnotation(text, s, s + quote.length, frame, coder, '2026-11-30', id);
}

function yamlOf(list: Annotation[], text = TEXT): string {
  return serializeSidecar(
    { version: 1, source: FILE, sourceHash: textHash(text), codebook: 'sovereignty', annotations: list },
    text,
  );
}

function readMerged(repo: TempRepo): Annotation[] {
  const parsed = parseSidecar(repo.read(SIDECAR), SIDECAR);
  assert.deepEqual(
    parsed.problems.filter((p) => p.severity === 'error'),
    [],
  );
  return parsed.sidecar?.annotations ?? [];
}

/** main commits `base`; branch coder-b commits its side, main its own; then coder-b is merged into main. */
function twoCoders(
  repo: TempRepo,
  base: { text: string; sidecar?: string },
  ours: { text: string; sidecar: string },
  theirs: { text: string; sidecar: string },
): { code: number; out: string } {
  repo.write(FILE, base.text);
  if (base.sidecar !== undefined) repo.write(SIDECAR, base.sidecar);
  repo.commitAll('base');
  repo.git('checkout', '-q', '-b', 'coder-b');
  repo.write(FILE, theirs.text);
  repo.write(SIDECAR, theirs.sidecar);
  repo.commitAll('coder b');
  repo.git('checkout', '-q', 'main');
  repo.write(FILE, ours.text);
  repo.write(SIDECAR, ours.sidecar);
  repo.commitAll('coder a');
  return repo.tryGit('merge', '--no-edit', 'coder-b');
}

describe('git: merge driver on real repositories', function () {
  this.timeout(60000);
  const repos: TempRepo[] = [];
  const repo = (driver = true): TempRepo => {
    const r = tempRepo(driver);
    repos.push(r);
    return r;
  };
  after(() => repos.forEach((r) => r.remove()));

  const alice = code(TEXT, 'digital borders', 'territory', 'alice', 'a00000000a1');
  const bob = code(TEXT, 'sovereign internet', 'territory', 'bob', 'a00000000b1');
  const base = code(TEXT, 'AI Commons', 'governance', 'alice', 'a0000000001');

  it('git-setup writes the attributes line and the local config, and a second run changes nothing', () => {
    const r = repo();
    assert.match(r.read('.gitattributes'), /^\*\.annotations\.yaml merge=sovcode diff=sovcode$/m);
    assert.match(r.git('config', '--get', 'merge.sovcode.driver'), /merge-driver %O %A %B %P/);
    assert.match(r.git('config', '--get', 'diff.sovcode.textconv'), / show$/m);
    const again = r.sovcode('git-setup');
    assert.equal(again.code, 0);
    assert.match(again.out, /already set up/);
  });

  it('two coders who both create the sidecar of a fresh text merge cleanly with both sets', () => {
    const r = repo();
    const carol = code(TEXT, '网络主权', 'data', 'bob', 'a00000000b2');
    const m = twoCoders(
      r,
      { text: TEXT },
      { text: TEXT, sidecar: yamlOf([alice]) },
      { text: TEXT, sidecar: yamlOf([bob, carol]) },
    );
    assert.equal(m.code, 0, m.out);
    assert.equal(r.read(SIDECAR), yamlOf([alice, bob, carol]), 'exactly what the extension would write');
  });

  it('adds between the same two neighbours merge cleanly', () => {
    const r = repo();
    const one = code(TEXT, 'Several delegations', 'governance', 'alice', 'a00000000a2');
    const two = code(TEXT, 'many states', 'governance', 'bob', 'a00000000b3');
    const m = twoCoders(
      r,
      { text: TEXT, sidecar: yamlOf([alice, base]) },
      { text: TEXT, sidecar: yamlOf([alice, base, one]) },
      { text: TEXT, sidecar: yamlOf([alice, base, two]) },
    );
    assert.equal(m.code, 0, m.out);
    assert.equal(r.read(SIDECAR), yamlOf([alice, base, one, two]));
  });

  it('retag against retag keeps both versions as conflict entries, exits 1, is refused by validate --strict, and resolves', () => {
    const r = repo();
    const m = twoCoders(
      r,
      { text: TEXT, sidecar: yamlOf([base]) },
      { text: TEXT, sidecar: yamlOf([{ ...base, frame: 'ai-sovereignty' }]) },
      { text: TEXT, sidecar: yamlOf([{ ...base, frame: 'colonization' }]) },
    );
    assert.notEqual(m.code, 0, 'Git reports the conflict');
    assert.match(m.out, /1 conflict/);
    assert.match(r.git('status', '--porcelain'), /^UU talk\.txt\.annotations\.yaml$/m);
    const merged = readMerged(r);
    assert.equal(merged.length, 2);
    const [mine, theirs] = [merged.find((a) => a.id === base.id), merged.find((a) => a.id !== base.id)];
    assert.equal(mine?.frame, 'ai-sovereignty');
    assert.equal(theirs?.frame, 'colonization');
    assert.equal(mine?.status, 'conflict');
    assert.equal(mine?.conflictWith, theirs?.id);
    assert.equal(theirs?.conflictWith, base.id);
    const strict = r.sovcode('validate', '--strict', '.');
    assert.equal(strict.code, 1);
    assert.match(strict.out, /talk\.txt\.annotations\.yaml:\d+:1: error: annotation a0000000001: merge conflict with/);
    const kept = resolveConflict(merged, theirs?.id ?? '', 'this');
    assert.deepEqual(
      kept.map((a) => [a.frame, a.status]),
      [['colonization', undefined]],
    );
    r.write(SIDECAR, yamlOf(kept));
    const after = r.sovcode('validate', '--strict', '.');
    assert.equal(after.code, 0, after.out);
  });

  it('the text edited on both branches: every annotation is re-anchored on the merged text, none dropped', () => {
    const r = repo();
    const ours = `Opening remarks.\n${TEXT}`;
    const theirs = TEXT.replace('within ten years', 'within a decade');
    const late = code(TEXT, 'global AI compact', 'governance', 'bob', 'a00000000b4');
    const m = twoCoders(
      r,
      { text: TEXT, sidecar: yamlOf([alice, base]) },
      {
        text: ours,
        sidecar: yamlOf(
          [
            code(ours, 'digital borders', 'territory', 'alice', alice.id),
            code(ours, 'AI Commons', 'governance', 'alice', base.id),
          ],
          ours,
        ),
      },
      {
        text: theirs,
        sidecar: yamlOf([alice, base, code(theirs, 'global AI compact', 'governance', 'bob', late.id)], theirs),
      },
    );
    assert.equal(m.code, 0, m.out);
    const text = r.read(FILE);
    assert.equal(text, `Opening remarks.\n${theirs}`, 'Git merged the text itself');
    const sidecar = parseSidecar(r.read(SIDECAR), SIDECAR).sidecar;
    assert.equal(sidecar?.sourceHash, textHash(text), 'the sidecar belongs to the merged text');
    assert.deepEqual(
      sidecar?.annotations.map((a) => [a.id, text.slice(a.start, a.end) === a.quote, a.status]),
      [
        [alice.id, true, undefined],
        [base.id, true, undefined],
        [late.id, true, undefined],
      ],
    );
  });

  it('without the driver: sovcode resolve turns the conflict markers into the same merge', () => {
    const r = repo(false);
    const one = code(TEXT, 'many states', 'governance', 'alice', 'a00000000a2');
    const two = code(TEXT, '网络主权', 'data', 'bob', 'a00000000b3');
    const m = twoCoders(
      r,
      { text: TEXT, sidecar: yamlOf([base]) },
      { text: TEXT, sidecar: yamlOf([base, one]) },
      { text: TEXT, sidecar: yamlOf([base, two]) },
    );
    assert.notEqual(m.code, 0, 'Git alone conflicts on adds between the same neighbours');
    assert.match(r.read(SIDECAR), /^<<<<<<< /m);
    const resolved = r.sovcode('resolve', SIDECAR);
    assert.equal(resolved.code, 0, resolved.err);
    assert.equal(r.read(SIDECAR), yamlOf([base, one, two]));
  });

  it('resolve reads the sides from the markers alone when the index has no stages (a copied file)', () => {
    const r = repo(false);
    const one = code(TEXT, 'many states', 'governance', 'alice', 'a00000000a2');
    const two = code(TEXT, '网络主权', 'data', 'bob', 'a00000000b3');
    const m = twoCoders(
      r,
      { text: TEXT, sidecar: yamlOf([base]) },
      { text: TEXT, sidecar: yamlOf([base, one]) },
      { text: TEXT, sidecar: yamlOf([base, two]) },
    );
    assert.notEqual(m.code, 0);
    const conflicted = r.read(SIDECAR);
    r.git('merge', '--abort');
    r.write(FILE, TEXT);
    r.write(SIDECAR, conflicted);
    const resolved = r.sovcode('resolve', FILE);
    assert.equal(resolved.code, 0, resolved.err);
    assert.equal(r.read(SIDECAR), yamlOf([base, one, two]));
  });
});
