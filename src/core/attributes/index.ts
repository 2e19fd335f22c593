/** Document attributes in one import: the documents.csv reader and the table it gives. */
export { ATTRIBUTES_FILE, DocumentAttributes, isDateColumn, parseDocumentAttributes } from './documentAttributes';
export type { ParsedAttributes } from './documentAttributes';
export { CsvSyntaxError, readCsv } from './csvRead';
export type { CsvRow } from './csvRead';
