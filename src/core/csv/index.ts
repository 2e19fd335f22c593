/** The RFC 4180 CSV writer every table of the core shares (exports, statistics, agreement, scan). */
export * from './csv';
