/** The help text of `sovcode import` (kept apart from help.ts, which holds the other commands' texts). */
export const IMPORT_HELP = `Usage: sovcode import PROJECT.qdpx --into FOLDER
       sovcode import CODEBOOK.qdc [--into FOLDER]

Imports a REFI-QDA project (from QualCoder, ATLAS.ti, MAXQDA, NVivo or Sovereignty Coder) into FOLDER: its codes
as FOLDER/codebook.yaml (hierarchy, colours, descriptions), its text sources as texts with their dates, and each
text's codings as <text>.annotations.yaml (code-point positions converted to the sidecar's UTF-16 offsets).
A .qdc codebook becomes FOLDER/codebook.yaml (default: the current folder).
Every coding is placed or reported: what could not be placed (a coding outside its text, of a whole document,
of an audio, video, PDF or picture source, a memo that is not a coding) is printed and kept in
FOLDER/refi-qda-import-report.txt. Nothing is overwritten: if a file to be written exists, nothing is written.
A project exported by Sovereignty Coder imports as it was: exporting it again gives the same bytes.
See docs/export-refi-qda.md.
`;
