/**
 * Reports at scale: after one insertion at the top of a text with a thousand annotations (and one sentence
 * deleted), validate and export report for each annotation the status the editor's re-anchoring gives
 * (reanchorAll, the call VS Code makes on open), and validate summarises the long list: a count per kind, the
 * first few with positions, every one with --verbose.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { reanchorAll } from '../../src/core/anchoring';
import { createAnnotation } from '../../src/core/annotations';
import { parseSidecar } from '../../src/core/sidecar';
import { SHOWN_PER_KIND } from '../../src/cli/problemList';
import { sidecarYaml, tempFolder } from './fileFixtures';
import { sovcode } from './sovcodeRunner';

const N = 1000;

describe('sovcode: reports at scale', function () {
  this.timeout(30000);
  let dir: string;
  let edited: string;
  let ids: string[];
  before(() => {
    dir = tempFolder();
    const text =
      Array.from({ length: N }, (_, i) => `Sentence ${i} names the topic number ${i * 7} plainly.`).join('\n') + '\n';
    const annotations = Array.from({ length: N }, (_, i) => {
      const quote = `topic number ${i * 7} `;
      const start = text.indexOf(quote);
      return createAnnotation(
        text,
        start,
        start + quote.length - 1,
        'territory',
        'coder',
        '2026-12-01',
        `a${String(i).padStart(10, '0')}`,
      );
    });
    ids = annotations.map((a) => a.id);
    writeFileSync(join(dir, 'long.txt.annotations.yaml'), sidecarYaml('long.txt', text, annotations));
    edited = `An opening line added later.\n${text.replace('Sentence 500 names the topic number 3500 plainly.\n', '')}`;
    writeFileSync(join(dir, 'long.txt'), edited);
  });

  /** What the editor shows for each annotation: reanchorAll over the text, as on opening it. */
  function editorStatuses(): Map<string, string> {
    const stored =
      parseSidecar(readFileSync(join(dir, 'long.txt.annotations.yaml'), 'utf8'), join(dir, 'long.txt.annotations.yaml'))
        .sidecar?.annotations ?? [];
    const checked = reanchorAll(stored, edited).annotations;
    return new Map(
      stored.map((a, i) => {
        const now = checked[i];
        const status =
          now?.status === 'orphaned' || now?.status === 'needs-review'
            ? now.status
            : now?.start !== a.start
              ? 'moved'
              : 'anchored';
        return [a.id, status];
      }),
    );
  }

  it('validate, export and the editor give each annotation the same status', () => {
    const validate = sovcode('validate', '--verbose', dir);
    const byValidate = new Map<string, string>();
    for (const m of validate.out.matchAll(
      /warning: annotation (a\d+): its quote (moved|is no longer in the text|is no longer at)/g,
    )) {
      byValidate.set(m[1], m[2] === 'moved' ? 'moved' : m[2] === 'is no longer at' ? 'needs-review' : 'orphaned');
    }
    const csv = parseCsv<Record<string, string>>(sovcode('export', dir).out, { columns: true });
    const byExport = new Map(csv.map((r) => [r['annotation_id'] ?? '', r['status'] ?? '']));
    const byEditor = editorStatuses();
    assert.equal(byEditor.size, N);
    assert.equal(csv.length, N);
    for (const id of ids) {
      assert.equal(byExport.get(id), byEditor.get(id), `export of ${id}`);
      assert.equal(byValidate.get(id) ?? 'anchored', byEditor.get(id), `validate of ${id}`);
    }
  });

  it('summarises a long list: counts per kind, the first few with positions, --verbose for all', () => {
    const short = sovcode('validate', dir).out.trimEnd().split('\n');
    const counts = new Map<string, number>();
    for (const status of editorStatuses().values()) counts.set(status, (counts.get(status) ?? 0) + 1);
    const kinds = [...counts]
      .filter(([k]) => k !== 'anchored')
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
    assert.equal(
      short[0],
      `${N} problems: 0 error(s), warnings: ${kinds} (the first ${SHOWN_PER_KIND} of each kind follow; --verbose lists all)`,
    );
    assert.equal(
      short.filter((l) => /:\d+:1: warning: annotation/.test(l)).length,
      [...counts].filter(([k]) => k !== 'anchored').reduce((sum, [, n]) => sum + Math.min(n, SHOWN_PER_KIND), 0),
    );
    assert.ok(short.includes(`… and ${N - 1 - SHOWN_PER_KIND} more 'moved' warning(s)`), short.join('\n'));
    assert.match(
      short[1] ?? '',
      /long\.txt\.annotations\.yaml:8:1: warning: annotation a0000000000: its quote moved to line 2, column 22 of the text \(50-64\)/,
    );
    const all = sovcode('validate', '--verbose', dir).out.trimEnd().split('\n');
    assert.equal(all.length, N);
  });
});
