/** PDF.js ships no types for its parser module; it is only handed back to PDF.js, never called from here. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
