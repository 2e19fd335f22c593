/**
 * `sovcode stats`: frame frequencies (overall, per text or per document attribute), co-occurrence (overlap,
 * sentence or paragraph) and coverage of the coded documents, as text, CSV, JSON or an SVG picture: the same
 * report the statistics view draws (docs/statistics.md).
 */
import { filterSegments } from '../core/index';
import {
  COOCCURRENCE_MODES,
  cooccurrenceHeatmap,
  coverageBars,
  frequencyBars,
  standaloneSvg,
  statsCsv,
  statsJson,
  statsReport,
  statsText,
  type CooccurrenceMode,
  type GroupBy,
} from '../core/stats';
import { codedSegments } from '../core/documents';
import { loadAttributes } from './attributesFile';
import { CliError } from './errors';
import { readCodedDocuments } from './codedDocuments';

const FORMATS = ['text', 'csv', 'json', 'svg'] as const;

export interface StatsCommandOptions {
  codebook?: string;
  coders?: string;
  format?: string;
  by?: string;
  cooccurrence?: string;
  attributes?: string;
}

function groupBy(by: string | undefined, columns: readonly string[]): GroupBy | undefined {
  if (by === undefined) return undefined;
  if (by === 'text') return { kind: 'text' };
  if (!columns.includes(by)) {
    throw new CliError(
      `--by '${by}': use 'text' or a column of documents.csv${columns.length > 0 ? ` (${columns.join(', ')})` : ' (there is no documents.csv here; see --attributes)'}`,
    );
  }
  return { kind: 'attribute', name: by };
}

/** The statistics as text in the format asked for, with the files read (so that --output never overwrites one). */
export function statsOutput(
  paths: readonly string[],
  options: StatsCommandOptions,
): { text: string; inputs: string[] } {
  const format = options.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format))
    throw new CliError(`unknown --format '${format}' for stats: use ${FORMATS.join(', ')}`);
  const mode = options.cooccurrence ?? 'overlap';
  if (!(COOCCURRENCE_MODES as readonly string[]).includes(mode))
    throw new CliError(`unknown --cooccurrence '${mode}': use ${COOCCURRENCE_MODES.join(', ')}`);
  const { codebook, documents, inputs } = readCodedDocuments(paths, options.codebook, 'counted');
  const attributes = loadAttributes(options.attributes, paths);
  const coders = options.coders
    ?.split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const segments = filterSegments(codedSegments(codebook, documents), { coders });
  const report = statsReport(codebook, documents, segments, {
    by: groupBy(options.by, attributes?.columns ?? []),
    cooccurrence: mode as CooccurrenceMode,
    attributes,
  });
  const text =
    format === 'csv'
      ? statsCsv(report)
      : format === 'json'
        ? statsJson(report)
        : format === 'svg'
          ? standaloneSvg(picture(report, options.by !== undefined))
          : statsText(report);
  return { text, inputs };
}

/** One SVG of the three pictures stacked: frequencies, the heatmap, coverage. */
function picture(report: ReturnType<typeof statsReport>, grouped: boolean): string {
  const parts = [
    frequencyBars(report),
    ...(grouped ? report.frequencies.groups.map((_g, i) => frequencyBars(report, i)) : []),
    cooccurrenceHeatmap(report),
    coverageBars(report),
  ];
  const boxes = parts
    .map((svg) => /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg))
    .map((m) => ({ w: Number(m?.[1] ?? 0), h: Number(m?.[2] ?? 0) }));
  const width = Math.max(...boxes.map((b) => b.w));
  let y = 0;
  const placed = parts.map((svg, i) => {
    const at = y;
    y += (boxes[i]?.h ?? 0) + 20;
    return svg
      .replace(/^<svg /, `<svg x="0" y="${at}" width="${boxes[i]?.w ?? 0}" height="${boxes[i]?.h ?? 0}" `)
      .replace(/ width="100%" style="[^"]*"/, '');
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${y}" width="${width}" height="${y}">${placed.join('')}</svg>`;
}
