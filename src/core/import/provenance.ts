/**
 * The provenance record of an imported text: where it came from (the original's path relative to the text,
 * its size and SHA-256), what the original says about itself (title, author, date), how it was converted
 * (format, library and version, encoding and confidence, notes) and when. It is written as
 * `<text>.provenance.yaml` beside the text (docs/import.md) until the workspace has document attributes of its
 * own; the explorer, the status-bar hover and the exports read it from there.
 */
import { createHash } from 'node:crypto';
import { dirname, relative, sep } from 'node:path';
import { stringify } from 'yaml';
import { formatProblem } from '../input';
import { parseSafeYaml } from '../input';
import type { Conversion } from './convert';
import type { EncodingReport, TextMetadata } from './types';

export const PROVENANCE_SUFFIX = '.provenance.yaml';
const HEADER = '# Where this text came from: written by Sovereignty Coder when it was added (docs/import.md)';

export interface Provenance extends TextMetadata {
  original: { path: string; size: number; sha256: string };
  format: string;
  converter: string;
  sovereigntyCoder: string;
  imported: string;
  encoding?: EncodingReport;
  textSha256: string;
  notes?: string[];
}

export function provenancePathFor(textPath: string): string {
  return textPath + PROVENANCE_SUFFIX;
}

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function pickMetadata(m: TextMetadata): TextMetadata {
  const picked: TextMetadata = {};
  for (const key of ['title', 'author', 'date'] as const) if (m[key]) picked[key] = m[key];
  return picked;
}

/** The record for a conversion of `originalPath` written to `textPath`. */
export function provenanceOf(
  conversion: Conversion,
  originalPath: string,
  originalBytes: Uint8Array,
  textPath: string,
  toolVersion: string,
  now: Date,
): Provenance {
  const record: Provenance = {
    original: {
      path: relative(dirname(textPath), originalPath).split(sep).join('/'),
      size: originalBytes.byteLength,
      sha256: sha256(originalBytes),
    },
    ...pickMetadata(conversion.metadata),
    format: conversion.format,
    converter: conversion.converter,
    sovereigntyCoder: toolVersion,
    imported: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    textSha256: sha256(conversion.text),
  };
  if (conversion.encoding) record.encoding = conversion.encoding;
  if (conversion.notes.length) record.notes = conversion.notes;
  return record;
}

export function serializeProvenance(p: Provenance): string {
  return `${HEADER}\n${stringify(p, { lineWidth: 0 })}`;
}

/** A provenance file read back, or an Error naming the file and line of what is wrong with it. */
export function parseProvenance(yamlText: string, file: string): Provenance | Error {
  const parsed = parseSafeYaml(yamlText, file, { maxBytes: 1024 * 1024 });
  const first = parsed.problems[0];
  if (first || !parsed.doc) return new Error(first ? formatProblem(first) : `${file}: unreadable provenance record`);
  const data: unknown = parsed.doc.toJS();
  const original: unknown = typeof data === 'object' && data !== null && 'original' in data ? data.original : undefined;
  const complete =
    typeof original === 'object' &&
    original !== null &&
    'sha256' in original &&
    typeof original.sha256 === 'string' &&
    'format' in (data as object) &&
    'textSha256' in (data as object);
  return complete
    ? (data as Provenance)
    : new Error(`${file}:1:1: error: not a provenance record (original.sha256, format and textSha256 are required)`);
}

/** One line for a hover or tooltip: "From paper.pdf (PDF, pdfjs-dist 5.6.205), added 2026-12-02: Title — Author, date". */
export function provenanceSummary(p: Provenance): string {
  const about = [p.title, p.author, p.date].filter(Boolean).join(' — ');
  const encoding =
    p.encoding && p.encoding.source !== 'utf-8'
      ? `, ${p.encoding.encoding} ${Math.round(p.encoding.confidence * 100)}%`
      : '';
  return `From ${p.original.path} (${p.format}, ${p.converter}${encoding}), added ${p.imported.slice(0, 10)}${about ? `: ${about}` : ''}`;
}
