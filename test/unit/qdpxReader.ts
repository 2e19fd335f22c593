/**
 * The independent readers of a .qdpx for the tests: xmllint against the QDA-XML schema, and the Python reader
 * test/readers/read_qdpx.py, which re-finds every quote at its code-point positions.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const SCHEMAS = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'refi-qda');

export function xmllint(schema: string, file: string): void {
  const r = spawnSync('xmllint', ['--noout', '--schema', join(SCHEMAS, schema), file], { encoding: 'utf8' });
  assert.equal(r.error, undefined, 'xmllint is needed (Debian package libxml2-utils)');
  assert.equal(r.status, 0, r.stderr);
}

const READER = join(__dirname, '..', '..', '..', 'test', 'readers', 'read_qdpx.py');

interface ReadQdpx {
  names: string[];
  bom: boolean;
  users: string[];
  colors: string[];
  project_date: string;
  sources: { name: string; description: string; date: string; user: string }[];
  selections: { source: string; text: string; name: string; code: string; description: string; user: string }[];
  notes_on_sources: { source: string; content: string; start: number; end: number }[];
  notes_in_files: { name: string; content: string }[];
  notes: number;
}

/** The project through the independent Python reader (test/readers/read_qdpx.py), and xmllint over its project.qde. */
export function readQdpx(file: string): ReadQdpx {
  const qde = `${file}.qde`;
  const r = spawnSync('python3', [READER, file, qde], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  xmllint('Project.xsd', qde);
  return JSON.parse(r.stdout) as ReadQdpx;
}
