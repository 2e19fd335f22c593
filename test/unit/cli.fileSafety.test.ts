/**
 * The file-system cases of issues 12 and 15 through `sovcode`, on real folders: links into and out of the
 * workspace, dangling links, FIFOs, /dev/zero, exports aimed at their own inputs, and stale temp files.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { ageFile, codedText, mkfifo, tempFolder } from './fileFixtures';
import { sovcode } from './sovcodeRunner';

/** Runs sovcode with the current folder set to `dir`, as a user in that workspace would. */
function inFolder(dir: string, ...args: string[]): ReturnType<typeof sovcode> {
  const before = process.cwd();
  process.chdir(dir);
  try {
    return sovcode(...args);
  } finally {
    process.chdir(before);
  }
}

const rows = (csv: string): Record<string, string>[] => parseCsv<Record<string, string>>(csv, { columns: true });

describe('sovcode: file safety', () => {
  let ws: string;
  let outside: string;
  beforeEach(() => {
    ws = tempFolder('sovcode-ws-');
    outside = tempFolder('sovcode-outside-');
    mkdirSync(join(ws, 'texts'));
    codedText(join(ws, 'texts'));
  });

  it('export . counts a folder linked inside the workspace once and names the skipped link', () => {
    symlinkSync(join(ws, 'texts'), join(ws, 'also-texts'));
    const r = inFolder(ws, 'export', '.');
    assert.equal(r.code, 0, r.err);
    assert.equal(rows(r.out).length, 3, r.out);
    assert.match(r.err, /also-texts:1:1: warning: is a symbolic link to the folder .*texts, which is walked already/);
  });

  it('agreement, validate and export go on past a dangling link and a link loop, naming each', () => {
    codedText(join(ws, 'texts'), 'two.txt', undefined, ['ana', 'boris']); // agreement needs two coders
    symlinkSync(join(ws, 'missing-folder'), join(ws, 'texts', 'dangling'));
    symlinkSync('loop-b', join(ws, 'loop-a'));
    symlinkSync('loop-a', join(ws, 'loop-b'));
    for (const command of ['agreement', 'validate', 'export']) {
      const r = inFolder(ws, command, command === 'agreement' ? '--coders=ana,boris' : '--verbose', '.');
      const printed = r.out + r.err;
      assert.doesNotMatch(printed, /\n\s+at /, `${command} printed a stack`);
      assert.match(
        printed,
        /dangling:1:1: warning: is a symbolic link to .*missing-folder, which does not exist/,
        command,
      );
      assert.match(printed, /loop-a:1:1: warning: is a symbolic link in a loop/, command);
    }
  });

  it('never reads or prints a sidecar or codebook linked to a file outside the workspace', () => {
    writeFileSync(join(outside, 'secret.yaml'), 'version: SECRET-LINE-1\nSECRET-KEY: x\n');
    writeFileSync(join(ws, 'texts', 'b.txt'), 'Some text.\n');
    symlinkSync(join(outside, 'secret.yaml'), join(ws, 'texts', 'b.txt.annotations.yaml'));
    symlinkSync(join(outside, 'secret.yaml'), join(ws, 'codebook.yaml'));
    for (const args of [
      ['validate', '.'],
      ['validate', join('texts', 'b.txt.annotations.yaml')],
      ['export', '.'],
      ['export', 'texts/b.txt'],
    ]) {
      const r = inFolder(ws, ...args);
      assert.doesNotMatch(r.out + r.err, /SECRET/, args.join(' '));
      assert.match(
        r.out + r.err,
        /is a symbolic link to .*secret\.yaml, outside .*: not (read|followed)/,
        args.join(' '),
      );
    }
  });

  it('a FIFO named like a sidecar and a sidecar linked to /dev/zero never hang validate or export', () => {
    mkfifo(join(ws, 'texts', 'pipe.txt.annotations.yaml'));
    const zero = join(ws, 'texts', 'zero.txt.annotations.yaml');
    symlinkSync('/dev/zero', zero);
    const validate = inFolder(ws, 'validate', '.');
    assert.match(validate.out, /pipe\.txt\.annotations\.yaml:1:1: warning: is a fifo, not a regular file: skipped/);
    assert.match(validate.out, /zero\.txt\.annotations\.yaml:1:1: warning: is a symbolic link to \/dev\/zero, outside/);
    const named = inFolder(ws, 'validate', join('texts', 'pipe.txt.annotations.yaml'));
    assert.match(named.out, /pipe\.txt\.annotations\.yaml:1:1: error: is a fifo, not a regular file: not read/);
    const exported = inFolder(ws, 'export', '.');
    assert.equal(exported.code, 0, exported.err);
    assert.equal(rows(exported.out).length, 3);
  });

  it('export and agreement refuse an --output that is a sidecar, a source text or a codebook, unless --force', () => {
    const sidecar = join(ws, 'texts', 'speech.txt.annotations.yaml');
    const before = readFileSync(sidecar, 'utf8');
    codedText(join(ws, 'texts'), 'two.txt', undefined, ['ana', 'boris']);
    writeFileSync(
      join(ws, 'codebook.yaml'),
      readFileSync(join(__dirname, '..', '..', '..', 'codebook', 'sovereignty.yaml')),
    );
    const cases: [string[], RegExp][] = [
      [
        ['export', '--output', 'texts/speech.txt.annotations.yaml', 'texts/speech.txt.annotations.yaml'],
        /it is one of the files this export reads/,
      ],
      [['export', '--output', 'texts/speech.txt', 'texts'], /it is one of the files this export reads/],
      [['export', '--output', 'codebook.yaml', 'texts'], /it is one of the files this export reads/],
      [['export', '--output', 'texts/other.txt.annotations.yaml', 'texts'], /it is an annotation file/],
      [
        ['agreement', '--output', 'texts/two.txt', '--coders=ana,boris', 'texts'],
        /it is one of the files this export reads/,
      ],
    ];
    for (const [args, why] of cases) {
      const r = inFolder(ws, ...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(
        r.err,
        new RegExp(
          `refusing to write ${args[2]?.replace(/[.]/g, '\\.') ?? ''}: ${why.source}.*nothing was written.*--force`,
        ),
      );
    }
    assert.equal(readFileSync(sidecar, 'utf8'), before);
    symlinkSync('texts/speech.txt', join(ws, 'link-to-text.csv'));
    assert.match(
      inFolder(ws, 'export', '--output', 'link-to-text.csv', 'texts').err,
      /the same file as texts\/speech\.txt/,
    );
    const forced = inFolder(ws, 'export', '--output', 'texts/speech.txt.annotations.yaml', '--force', 'texts');
    assert.equal(forced.code, 0, forced.err);
    assert.match(readFileSync(sidecar, 'utf8'), /^"document",/, '--force overwrote it, as asked');
  });

  it('validate and export report stale temp copies left by interrupted saves, young ones not', () => {
    const stale = join(ws, 'texts', '.speech.txt.annotations.yaml.0123456789ab.tmp');
    const young = join(ws, 'texts', '.speech.txt.annotations.yaml.ba9876543210.tmp');
    writeFileSync(stale, 'version: 1\n');
    writeFileSync(young, 'version: 1\n');
    ageFile(stale, 30);
    const validate = inFolder(ws, 'validate', '.');
    assert.match(
      validate.out,
      /\.speech\.txt\.annotations\.yaml\.0123456789ab\.tmp:1:1: warning: a temporary copy of speech\.txt\.annotations\.yaml left by an interrupted save 30 minute\(s\) ago; compare it with/,
    );
    assert.doesNotMatch(validate.out, /ba9876543210/);
    assert.equal(validate.code, 0);
    assert.match(inFolder(ws, 'export', '.').err, /0123456789ab\.tmp:1:1: warning: a temporary copy/);
    assert.equal(readFileSync(stale, 'utf8'), 'version: 1\n', 'reported, never deleted');
  });
});
