import * as assert from 'node:assert/strict';
import { createAnnotation } from '../../src/core/annotations';
import type { Annotation } from '../../src/core/annotations';
import { mergeSidecars } from '../../src/core/git';
import { parseSidecar, serializeSidecar } from '../../src/core/sidecar';
import type { Sidecar } from '../../src/core/sidecar';
import { textHash } from '../../src/core/text';
import { tempRepo, type TempRepo } from './gitRepo';

/** Our own text; every word is a possible span. */
const TEXT =
  [
    'Ministers argued over who governs the data that crosses their borders every day.',
    'One side wanted local servers, the other feared a fractured and slower network.',
    '专家认为数字主权需要本地的算力和开放的标准。',
    'Наблюдатели отметили, что цифровой суверенитет стал темой каждой встречи.',
  ].join('\n') + '\n';
const WORDS = [...TEXT.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
const FRAMES = ['territory', 'data', 'governance', 'colonization'];
const MEMOS = ['check the context', 'ironic use', 'quoted speaker'];
const RUNS = 200;
/** Every this many runs, the pair is also merged by real git through the configured driver. */
const REAL_GIT_EVERY = 20;

/** A small deterministic generator (mulberry32), so that a failing run can be replayed by its number. */
function random(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

type Op = 'keep' | 'remove' | 'retag' | 'memo';
interface Side {
  list: Annotation[];
  ops: Map<string, Op>;
}

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)];
}

function fresh(rnd: () => number, id: string, coder: string): Annotation {
  const w = pick(rnd, WORDS);
  return createAnnotation(TEXT, w.start, w.end, pick(rnd, FRAMES), coder, '2026-11-30', id);
}

function sideOf(rnd: () => number, base: readonly Annotation[], tag: string): Side {
  const ops = new Map<string, Op>();
  const list: Annotation[] = [];
  for (const a of base) {
    const op = pick(rnd, ['keep', 'keep', 'remove', 'retag', 'memo'] as const);
    ops.set(a.id, op);
    if (op === 'keep') list.push(a);
    if (op === 'retag')
      list.push({
        ...a,
        frame: pick(
          rnd,
          FRAMES.filter((f) => f !== a.frame),
        ),
      });
    if (op === 'memo') list.push({ ...a, memo: pick(rnd, MEMOS) });
  }
  const adds = Math.floor(rnd() * 4);
  for (let i = 0; i < adds; i++)
    list.push(fresh(rnd, `a${tag}${String(i).padStart(9, '0')}`, tag === 'x' ? 'alice' : 'bob'));
  return { list, ops };
}

const sidecar = (list: Annotation[]): Sidecar => ({
  version: 1,
  source: 'note.txt',
  sourceHash: textHash(TEXT),
  codebook: 'sovereignty',
  annotations: list,
});

/** What the merge must give, by set algebra over the two sides' operations: [id-or-pair, frame, memo] sorted. */
function expected(base: readonly Annotation[], a: Side, b: Side): { versions: string[]; conflicts: number } {
  const versions: string[] = [];
  let conflicts = 0;
  const byId = (s: Side): Map<string, Annotation> => new Map(s.list.map((x) => [x.id, x]));
  const [ma, mb] = [byId(a), byId(b)];
  const key = (x: Annotation): string => `${x.id}|${x.frame}|${x.memo ?? ''}`;
  for (const o of base) {
    const [opA, opB] = [a.ops.get(o.id), b.ops.get(o.id)];
    const [va, vb] = [ma.get(o.id), mb.get(o.id)];
    if (va === undefined || vb === undefined) {
      const other = va ?? vb;
      const otherOp = va === undefined ? opB : opA;
      if (other !== undefined && otherOp !== 'keep') versions.push(key(other));
      continue;
    }
    const frameClash = opA === 'retag' && opB === 'retag' && va.frame !== vb.frame;
    const memoClash = opA === 'memo' && opB === 'memo' && va.memo !== vb.memo;
    const merged = { ...o, frame: opA === 'retag' ? va.frame : vb.frame, memo: opA === 'memo' ? va.memo : vb.memo };
    if (frameClash || memoClash) {
      conflicts++;
      versions.push(`${o.id}|${va.frame}|${va.memo ?? ''}`, `other:${o.id}|${vb.frame}|${vb.memo ?? ''}`);
    } else versions.push(key(merged));
  }
  for (const s of [a, b]) for (const x of s.list) if (!base.some((o) => o.id === x.id)) versions.push(key(x));
  return { versions: versions.sort(), conflicts };
}

/** The merge result in the same shape: a conflict's other version is named by the id it points to. */
function actual(list: readonly Annotation[], base: readonly Annotation[]): string[] {
  const baseIds = new Set(base.map((o) => o.id));
  return list
    .map(
      (x) =>
        `${x.status === 'conflict' && !baseIds.has(x.id) ? `other:${x.conflictWith ?? ''}` : x.id}|${x.frame}|${x.memo ?? ''}`,
    )
    .sort();
}

function mergeWithGit(
  repo: TempRepo,
  base: Annotation[],
  a: Annotation[],
  b: Annotation[],
  run: number,
): { code: number; list: Annotation[] } {
  const write = (list: Annotation[], message: string): void => {
    repo.write('note.txt.annotations.yaml', serializeSidecar(sidecar(list), TEXT));
    repo.commitAll(message);
  };
  repo.git('checkout', '-q', '-B', `base-${run}`, 'start');
  write(base, 'base');
  repo.git('checkout', '-q', '-b', `b-${run}`);
  write(b, 'b');
  repo.git('checkout', '-q', '-b', `a-${run}`, `base-${run}`);
  write(a, 'a');
  const merge = repo.tryGit('merge', '--no-edit', `b-${run}`);
  const parsed = parseSidecar(repo.read('note.txt.annotations.yaml'), 'note.txt.annotations.yaml');
  assert.equal(parsed.readOnly, false, `run ${run}: ${JSON.stringify(parsed.problems)}`);
  if (merge.code !== 0) repo.git('merge', '--abort');
  return { code: merge.code, list: parsed.sidecar?.annotations ?? [] };
}

describe('git: merge property test (random pairs of branches)', function () {
  this.timeout(180000);
  let repo: TempRepo | undefined;
  after(() => repo?.remove());

  it(`${RUNS} random pairs: the merged set is the set-algebra expectation, nothing lost; every ${REAL_GIT_EVERY}th also through real git`, () => {
    repo = tempRepo(true);
    repo.write('note.txt', TEXT);
    repo.commitAll('text');
    repo.git('branch', 'start');
    const counts = { runs: 0, realGit: 0, conflictPairs: 0, cleanRuns: 0, annotations: 0 };
    for (let run = 0; run < RUNS; run++) {
      const rnd = random(run + 1);
      const base = Array.from({ length: 2 + Math.floor(rnd() * 8) }, (_, i) =>
        fresh(rnd, `a0${String(i).padStart(9, '0')}`, 'alice'),
      );
      const [a, b] = [sideOf(rnd, base, 'x'), sideOf(rnd, base, 'y')];
      const want = expected(base, a, b);
      const merged = mergeSidecars(sidecar(base), sidecar(a.list), sidecar(b.list), TEXT);
      assert.deepEqual(actual(merged.sidecar.annotations, base), want.versions, `run ${run}`);
      assert.equal(merged.conflicts, want.conflicts, `run ${run}`);
      const reread = parseSidecar(serializeSidecar(merged.sidecar, TEXT), 'note.txt.annotations.yaml');
      assert.deepEqual(
        reread.sidecar?.annotations,
        merged.sidecar.annotations,
        `run ${run}: the merged file round-trips`,
      );
      if (run % REAL_GIT_EVERY === 0) {
        const git = mergeWithGit(repo, base, a.list, b.list, run);
        assert.equal(git.code === 0, want.conflicts === 0, `run ${run}: exit code`);
        assert.deepEqual(git.list, merged.sidecar.annotations, `run ${run}: git gives the same merge`);
        counts.realGit++;
      }
      counts.runs++;
      counts.conflictPairs += want.conflicts;
      if (want.conflicts === 0) counts.cleanRuns++;
      counts.annotations += merged.sidecar.annotations.length;
    }
    console.log(`      merge property: ${JSON.stringify(counts)}`);
    assert.equal(counts.runs, RUNS);
    assert.ok(
      counts.conflictPairs > 0 && counts.cleanRuns > 0,
      'the random pairs cover both clean merges and conflicts',
    );
  });
});
