/** Frame statistics in one import: the report, its tables and its pictures. */
export { statsReport } from './report';
export type { StatsOptions, StatsReport } from './report';
export { NO_VALUE } from './frequencies';
export type { FrameFrequency, Frequencies, GroupBy } from './frequencies';
export { cooccurringSegments, isPlaced } from './cooccurrence';
export type { Cooccurrence } from './cooccurrence';
export { unionLength } from './coverage';
export type { Coverage, DocumentCoverage } from './coverage';
export { COOCCURRENCE_MODES, paragraphUnits } from './units';
export type { CooccurrenceMode } from './units';
export { STATS_CSV_COLUMNS, statsCsv, statsJson, statsText } from './tables';
export { cooccurrenceHeatmap, coverageBars, esc, frequencyBars, STANDALONE_SVG_STYLE, standaloneSvg } from './svg';
export type { FrameColumn } from './frameOrder';
