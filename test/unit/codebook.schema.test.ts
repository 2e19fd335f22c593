import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { parseCodebook } from '../../src/core/codebook';
import { COLOR_PATTERN, FRAME_KEYS, ID_PATTERN, LANGUAGE_PATTERN, ROOT_KEYS } from '../../src/core/codebook/shape';
import { parseTerm } from '../../src/core/codebook';

const ROOT = path.join(__dirname, '../../..');
const read = (p: string): string => fs.readFileSync(path.join(ROOT, p), 'utf8');

type Schema = {
  $ref?: string;
  type?: string;
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean;
  items?: Schema;
  minItems?: number;
  minLength?: number;
  pattern?: string;
  $defs?: Record<string, Schema>;
};

const schema = JSON.parse(read('codebook/codebook.schema.json')) as Schema & { $schema: string };
const defs = schema.$defs ?? {};

/**
 * The subset of JSON Schema that codebook.schema.json uses, enough to check that the schema and the validator
 * agree on the fixtures. Returns the instance paths that fail.
 */
function schemaErrors(value: unknown, s: Schema, at = ''): string[] {
  if (s.$ref !== undefined) {
    const target = defs[s.$ref.replace('#/$defs/', '')];
    assert.ok(target, s.$ref);
    return schemaErrors(value, target, at);
  }
  const errors: string[] = [];
  if (s.type === 'object') {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${at} type`];
    const obj = value as Record<string, unknown>;
    for (const k of s.required ?? []) if (!Object.hasOwn(obj, k)) errors.push(`${at} required ${k}`);
    for (const [k, v] of Object.entries(obj)) {
      const p = s.properties?.[k];
      if (p) errors.push(...schemaErrors(v, p, `${at}/${k}`));
      else if (s.additionalProperties === false) errors.push(`${at} additional ${k}`);
    }
  } else if (s.type === 'array') {
    if (!Array.isArray(value)) return [`${at} type`];
    if (s.minItems !== undefined && value.length < s.minItems) errors.push(`${at} minItems`);
    value.forEach((v, i) => errors.push(...(s.items ? schemaErrors(v, s.items, `${at}/${i}`) : [])));
  } else if (s.type === 'string') {
    if (typeof value !== 'string') return [`${at} type`];
    if (s.minLength !== undefined && value.length < s.minLength) errors.push(`${at} minLength`);
    if (s.pattern !== undefined && !new RegExp(s.pattern, 'u').test(value)) errors.push(`${at} pattern`);
  }
  return errors;
}

describe('codebook: JSON Schema agrees with the validator', () => {
  it('is draft 2020-12 and names the same keys, required keys and patterns', () => {
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.deepEqual(Object.keys(schema.properties ?? {}), [...ROOT_KEYS]);
    assert.deepEqual(Object.keys(defs['frame']?.properties ?? {}), [...FRAME_KEYS]);
    assert.deepEqual(schema.required, ['codebook', 'title', 'frames']);
    assert.deepEqual(defs['frame']?.required, ['id', 'label', 'color', 'definition']);
    assert.equal(defs['id']?.pattern, ID_PATTERN.source);
    assert.equal(defs['frame']?.properties?.['color']?.pattern, COLOR_PATTERN.source);
    assert.equal(schema.properties?.['languages']?.items?.pattern, LANGUAGE_PATTERN.source);
  });

  it('the validator requires exactly the keys the schema requires', () => {
    const frame = { id: 'a', label: 'A', color: '#000', definition: 'D', terms: ['x1'] };
    const top = { codebook: 'c', title: 'T', frames: [frame] };
    assert.equal(parseCodebook(JSON.stringify(top), 'c.yaml').problems.length, 0, 'JSON is YAML too');
    for (const key of schema.required ?? []) {
      const copy: Record<string, unknown> = { ...top };
      delete copy[key];
      assert.match(
        parseCodebook(JSON.stringify(copy), 'c.yaml').problems[0]?.message ?? '',
        new RegExp(`required key '${key}'`),
      );
    }
    for (const key of defs['frame']?.required ?? []) {
      const f: Record<string, unknown> = { ...frame };
      delete f[key];
      assert.match(
        parseCodebook(JSON.stringify({ ...top, frames: [f] }), 'c.yaml').problems[0]?.message ?? '',
        new RegExp(`required key '${key}'`),
      );
    }
  });

  it('accepts the valid codebooks and rejects the malformed one where the validator does', () => {
    for (const file of ['test/fixtures/codebooks/valid-full.yaml', 'codebook/sovereignty.yaml']) {
      assert.deepEqual(schemaErrors(parse(read(file)), schema), [], file);
    }
    assert.deepEqual(schemaErrors(parse(read('test/fixtures/codebooks/bad-shape.yaml')), schema), [
      ' required title',
      '/codebook pattern',
      ' additional titel',
      '/version type',
      '/languages type',
      ' additional terms',
      '/frames/0 required label',
      '/frames/0 additional lable',
      '/frames/0/color type',
      '/frames/0/definition type',
      '/frames/0/examples type',
      '/frames/0/terms/1 type',
      '/frames/0/terms/2 type',
      '/frames/1 type',
      '/frames/2 required color',
      '/frames/2/label minLength',
      '/frames/2/label pattern',
      '/frames/2 additional colour',
    ]);
  });

  it('refuses in terms every character that parseTerm refuses', () => {
    const term = defs['term'];
    assert.ok(term);
    for (const ch of '\\[](){}|^$+?') {
      const raw = `data ${ch} sovereignty`;
      assert.equal(parseTerm(raw).ok, false, raw);
      assert.deepEqual(schemaErrors(raw, term), [' pattern'], raw);
    }
    for (const raw of [
      'fluid territor*',
      '信息空间',
      'информационн* пространств*',
      '“traditional values”',
      'ИИ-альянс*',
    ]) {
      assert.equal(parseTerm(raw).ok, true, raw);
      assert.deepEqual(schemaErrors(raw, term), [], raw);
    }
    assert.deepEqual(schemaErrors('   ', term), [' pattern']);
  });
});
