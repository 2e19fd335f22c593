/**
 * Writer and reader agree on one size limit (SIDECAR_MAX_BYTES, docs/sidecar-format.md "Size"): a sidecar of
 * 100,000 annotations on a Chinese text, built here and over the full YAML reader's 32 MiB, is read back whole
 * by the fast reader; a sidecar over the limit is refused by the writer before anything is written.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAnnotation, type Annotation } from '../../src/core/annotations';
import {
  nodeFilePort,
  parseSidecar,
  serializeSidecar,
  SIDECAR_MAX_BYTES,
  SIDECAR_YAML_MAX_BYTES,
  writeSidecarSafely,
} from '../../src/core/sidecar';
import { textHash } from '../../src/core/text';
import { tempFolder } from './fileFixtures';

/** Sentences written for this test, varied so that contexts differ. */
const CLAUSES = [
  '各国代表讨论网络主权的原则',
  '数据本地化的要求日益增加',
  '会议强调信息空间的安全',
  '专家认为数字边界需要明确',
  '发言人提到技术自主的重要性',
];

function chineseText(sentences: number): string {
  const parts: string[] = [];
  for (let i = 0; i < sentences; i++) parts.push(`第${i}段：${CLAUSES[i % CLAUSES.length] ?? ''}。`);
  return parts.join('');
}

describe('sidecar size: one limit for writer and reader', function () {
  this.timeout(60000);

  it('reads back a 100,000-annotation sidecar on a Chinese text, over 32 MiB, whole', () => {
    const text = chineseText(100000);
    const annotations: Annotation[] = [];
    let at = 0;
    for (let i = 0; i < 100000; i++) {
      const start = text.indexOf('：', at) + 1;
      const end = text.indexOf('。', start);
      annotations.push(
        createAnnotation(text, start, end, 'territory', 'coder', '2026-12-01', `a${i.toString(36).padStart(10, '0')}`),
      );
      at = end;
    }
    const yaml = serializeSidecar(
      { version: 1, source: 'speeches.txt', sourceHash: textHash(text), codebook: 'sovereignty', annotations },
      text,
    );
    const bytes = Buffer.byteLength(yaml, 'utf8');
    assert.ok(bytes > SIDECAR_YAML_MAX_BYTES && bytes <= SIDECAR_MAX_BYTES, `${bytes} bytes`);
    const parsed = parseSidecar(yaml, '/w/speeches.txt.annotations.yaml');
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.sidecar?.annotations.length, 100000);
    assert.deepEqual(parsed.sidecar?.annotations[99999], annotations[99999]);
  });

  it('the writer refuses a sidecar over the limit before writing anything, and says so', async () => {
    const dir = tempFolder();
    const target = join(dir, 'big.txt.annotations.yaml');
    writeFileSync(target, 'version: 1\nannotations: []\n');
    const huge = `# ${'x'.repeat(SIDECAR_MAX_BYTES)}\n`;
    const r = await writeSidecarSafely(nodeFilePort, target, huge);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.reason, 'too-big');
    assert.match(
      r.message,
      new RegExp(
        `big\\.txt\\.annotations\\.yaml would be ${SIDECAR_MAX_BYTES + 3} bytes, over the limit of ${SIDECAR_MAX_BYTES} bytes .*nothing was written`,
      ),
    );
    assert.deepEqual(readdirSync(dir), ['big.txt.annotations.yaml'], 'no temp file');
    assert.ok(existsSync(target));
  });

  it('a non-canonical sidecar over 32 MiB is refused with a message that says why, not parsed for minutes', () => {
    const yaml = `version: 1\nsource: a.txt\nsourceHash: "x"\ncodebook: c\noffsets: utf16-lf\nannotations: []\n# ${'y'.repeat(SIDECAR_YAML_MAX_BYTES)}\n`;
    const r = parseSidecar(yaml, '/w/a.txt.annotations.yaml');
    assert.equal(r.sidecar, undefined);
    assert.match(
      r.problems[0]?.message ?? '',
      /only the exact form Sovereignty Coder writes is read, and this file differs from it/,
    );
  });
});
