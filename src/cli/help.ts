/** The help texts of `sovcode` and each of its commands. */
import { ADJUDICATE_HELP } from './adjudicateCommand';
import { DONE_HELP } from './doneCommand';
import { IMPORT_HELP } from './importHelp';

import { MIN_POSITIVES } from '../core/assist/frameModel';
export const MAIN_HELP = `sovcode — Sovereignty Coder on the command line

Usage:
  sovcode scan [--codebook PATH] [--format jsonl|csv] [--jobs N] FILE...
  sovcode validate [--codebook PATH] [--strict [--allow-orphans]] [--verbose] [PATH...]
  sovcode export [--codebook PATH] [--format csv|qdpx|qdc] [--output FILE [--force]] [--verbose] [PATH...]
  sovcode add [--into FOLDER] [--encoding ENC] FILE...
  sovcode import PROJECT.qdpx --into FOLDER | CODEBOOK.qdc [--into FOLDER]
  sovcode agreement [--codebook PATH] [--coders A,B] [--unit UNIT] [--rev REV --rev REV...] [--format text|json|csv|html] [--output FILE [--force]] [PATH...]
  sovcode stats [--codebook PATH] [--by text|ATTRIBUTE] [--cooccurrence overlap|sentence|paragraph]
                [--coders A,B] [--attributes FILE] [--format text|csv|json|svg] [--output FILE [--force]] [PATH...]
  sovcode suggest-terms [--codebook PATH] [--frame ID] [--format text|json] [PATH...]
  sovcode suggest-terms --accept TERM --frame ID [--codebook PATH] [PATH]
  sovcode done --coder NAME [--undo] TEXT...
  sovcode adjudicate --coders A,B [--as NAME] [--accept A|B|both|agreements] [--decisions FILE] [--dry-run]
                     [--format text|json|csv] [PATH...]
  sovcode suggest [--codebook PATH] [--from FOLDER] [--coders A,B] [--threshold P] [--format text|json] FILE...
  sovcode suggest --evaluate [--codebook PATH] [--coders A,B] [--folds K] [--seed N] [--threshold P] [PATH...]
  sovcode rename-frame [--codebook PATH] OLD NEW [PATH...]
  sovcode rename-frame [--codebook PATH] OLD --into TARGET [PATH...]
  sovcode diff [REV_A [REV_B]] [--format text|json|markdown] [PATH...]
  sovcode show FILE
  sovcode merge-driver %O %A %B %P
  sovcode resolve FILE...
  sovcode git-setup
  sovcode --help | --version
  sovcode COMMAND --help

Commands:
  add        convert originals (PDF, DOCX, ODT, EPUB, HTML, text in any encoding) to texts to code, with provenance
  scan       print every codebook-term match in the files (JSON Lines, or CSV with --format csv)
  validate   check a codebook and annotation sidecar files; print file:line:column: problems
  agreement  inter-coder agreement per frame: percent agreement, kappas, AC1, alpha, with intervals; unitizing alpha
  stats      frame frequencies (per text or attribute), co-occurrence and coverage, as tables or SVG
  suggest-terms  frequent phrases of coded segments that no cue finds yet; --accept adds one to the codebook
  done       mark texts as coded by a coder (counted by agreement even where nothing applies)
  adjudicate list two coders' disagreements, or resolve them into a consensus coder (the gold standard)
  suggest    frames for uncoded sentences, learned offline from the team's coding; --evaluate cross-validates it
  rename-frame  rename a frame, or merge it into another, in the codebook and every annotation file
  export     coded segments as CSV (one row per annotation) or a REFI-QDA project (.qdpx); the codebook as .qdc
  import     a REFI-QDA project (.qdpx) into a folder of texts and annotation files; a .qdc into codebook.yaml
  diff       the coding decisions that changed between two revisions (default HEAD → working tree)
  show       a sidecar as one line per decision (the textconv for git diff)
  merge-driver  the Git merge driver: merges sidecars by annotation id (set up by git-setup)
  resolve    merge a sidecar that has Git conflict markers by annotation id
  git-setup  configure this repository's merge driver and diff textconv, add the .gitattributes line

Codebook: --codebook PATH; otherwise scan uses the shipped sovereignty codebook, and validate, export and
agreement use codebook.yaml in or above the annotation files' folder, else the shipped one.
`;

export const SCAN_HELP = `Usage: sovcode scan [--codebook PATH] [--format jsonl|csv] [--jobs N] FILE...

Prints one record per codebook-term match:
  {"file","start","end","line","column","term","frame"}
start/end are UTF-16 offsets over the text with LF line endings and no BOM (as in sidecar files);
line/column are 1-based, as in sovcode export and validate (column in UTF-16 units); term is the text as it appears in the file.

Options:
  -c, --codebook PATH   codebook YAML (default: the shipped sovereignty codebook)
  -f, --format FORMAT   jsonl (default) or csv (RFC 4180, with a header row)
  -j, --jobs N          scan the files in N threads (default: one per core, at most 8, when there are
                        several files and 4 MB or more in all); the output is the same in any case
`;

export const VALIDATE_HELP = `Usage: sovcode validate [--codebook PATH] [--verbose] [PATH...]

Checks codebooks (*.yaml that are not sidecars) and annotation sidecars (*.annotations.yaml).
A folder is searched for codebook.yaml and *.annotations.yaml files (node_modules and .git are skipped).
Without PATH: the current folder. Each real folder is searched once; symbolic links that leave the folder
named (or the current one), dangling links and loops are not followed and are listed as warnings.
Sidecar annotations are checked against their source text with the editor's re-anchoring (moved, needs-review,
orphaned), and temporary copies left by interrupted saves (older than 5 minutes) are listed.
Prints problems as file:line:column: severity: message; past 50, a count per kind and the first 5 of each.
Exit codes: 0 no error (warnings may be printed), 1 an error was found, 2 the command could not run.

Options:
  -c, --codebook PATH   codebook whose frame ids the sidecars must use (default: codebook.yaml in the
                        folder of each sidecar or above it, else the shipped codebook)
      --strict          for CI: merge conflict entries, frames not in the codebook, orphans and the same
                        decision twice (frame, span, coder) are errors
      --allow-orphans   with --strict: orphaned annotations are accepted
      --verbose         print every problem, however many
`;

export const EXPORT_HELP = `Usage: sovcode export [--codebook PATH] [--format csv|qdpx|qdc] [--output FILE [--force]] [--verbose] [PATH...]

Writes the coded segments of annotation files
  csv   as CSV (RFC 4180, UTF-8, a header row), one row per annotation, orphans included (docs/export-csv.md);
  qdpx  as a REFI-QDA project for ATLAS.ti, MAXQDA, NVivo, QualCoder (docs/export-refi-qda.md);
  qdc   writes the codebook alone as a REFI-QDA codebook (PATH: where to look for codebook.yaml).
The format follows the --output file's extension (.qdpx, .qdc) unless --format says otherwise; qdpx and qdc
need --output.
PATH is an annotation file (<text>.annotations.yaml), a text file (its annotation file is used) or a folder
(every annotation file below it); default: the current folder. Each annotation is checked against its text:
the status column says anchored, moved, needs-review, orphaned or source-missing.
An annotation file with an error is not exported in part: nothing is written and the problems are printed.

Options:
  -c, --codebook PATH   codebook for frame labels (default: codebook.yaml in or above the first annotation
                        file's folder, else the shipped sovereignty codebook)
  -o, --output FILE     write to FILE instead of standard output; refused when FILE is one of the files the
                        export reads, an annotation file, a codebook or a source text
      --force           write to such a FILE all the same
  -f, --format FORMAT   csv (default), qdpx or qdc
      --no-neutralize   CSV: write cells as they are, without the apostrophe before formula-like cells
                        (for R and pandas; the default is safe to open in a spreadsheet)
      --verbose         print every warning, however many
`;

export const ADD_HELP = `Usage: sovcode add [--into FOLDER] [--encoding ENC] FILE...

Converts each original into NAME.txt (UTF-8, LF, NFC, one paragraph per line) beside it or in FOLDER, and
records where it came from in NAME.txt.provenance.yaml (docs/import.md): the original's path, size and
SHA-256, its title, author and date where the format has them, the converter and its version, the date.
Formats: PDF (running headers, footers and page numbers removed; two columns read in order), DOCX, ODT, EPUB,
HTML (the article only), and plain text in any common encoding (detected; the encoding and its confidence
are reported, and an uncertain guess is refused until --encoding names one).
Adding a revised original over a text added before re-converts it and re-anchors its annotations: every
annotation is kept (moved with its quote, marked for review, or orphaned) and every move is printed.
A file that is not text (a scanned PDF without OCR, an encrypted PDF, a damaged archive) is refused with the
reason, and nothing is written for it. Exit code 1 when any file was refused.

Options:
      --into FOLDER     write the texts into FOLDER instead of beside their originals
      --encoding ENC    decode plain-text originals as ENC (gb18030, big5, windows-1251, koi8-r, …)
`;

export const SUGGEST_HELP = `Usage: sovcode suggest [--codebook PATH] [--from FOLDER] [--coders A,B] [--threshold P] [--format text|json] FILE...
       sovcode suggest --evaluate [--codebook PATH] [--coders A,B] [--folds K] [--seed N] [--threshold P] [--format text|json] [PATH...]

Frame suggestions for the sentences of FILE that no annotation touches, learned offline (nothing leaves the
machine) from the coded texts under --from (default: the current folder) and the codebook's own words: one
logistic regression per frame over character n-grams. A frame needs ${MIN_POSITIVES} coded sentences
before it is suggested. Nothing is written: a suggestion becomes an annotation only when a coder accepts it.
Method and figures: docs/assisted-coding.md.

With --evaluate: k-fold cross-validation over the coded texts of PATH (whole texts per fold when there are at
least K, else sentences), printing precision, recall and F1 per frame against each human coder, and Cohen's
kappa and Krippendorff's alpha between the suggester and each coder (the agreement report's code and unit).

Options:
  -c, --codebook PATH   the codebook (default: codebook.yaml in or above the texts' folder, else the shipped one)
      --from FOLDER     the coded corpus to learn from (default: .)
      --coders A,B      learn from (and evaluate against) these coders only; automatic coders never count
      --threshold P     suggest a frame at probability P or more (default 0.5)
      --folds K         cross-validation folds (default 5)
      --seed N          seed of the folds and of the training order (default 1)
  -f, --format FORMAT   text (default) or json
`;

export const AGREEMENT_HELP = `Usage: sovcode agreement [--codebook PATH] [--coders A,B] [--unit UNIT] [--format text|json|csv|html] [--output FILE [--force]] [PATH...]

Inter-coder agreement of the coders in annotation files (after their branches are merged, each file holds
every coder's annotations). Each unit (sentence by default) of a text that every compared coder has coded (an
annotation, or their done mark: see sovcode done) is an item; per frame, a coder applied it to a unit when one
of their annotations of that frame overlaps it. Prints per frame, per parent frame and pooled: percent
agreement, Cohen's kappa (Light's, the mean over coder pairs, for more than two), Fleiss' and Conger's kappa,
Gwet's AC1, Brennan-Prediger and Krippendorff's alpha (nominal), with 95% intervals (analytic as irrCAC, and
alpha's bootstrap) and alpha at every unit, checked against NLTK; and, whatever the unit, Krippendorff's
unitizing alphas over span boundaries in code points (per frame |uα and cuα, overall uα, |uα and Cuα, as
ATLAS.ti reports them, and the 1995/2004 uα). Method: docs/agreement.md.
PATH is an annotation file, a text or a folder, as for export; default: the current folder.

Options:
  -c, --codebook PATH   codebook for frame labels (default: as for export)
      --coders A,B      the coders to compare (default: every coder found)
      --unit UNIT       sentence (default), paragraph, document or character
      --rev REV         read the annotation files from a Git revision (branch, tag, commit), not the working
                        tree; give two or more (one per coder's branch): each text's annotations are the union
  -f, --format FORMAT   text (default), json (with the disagreements), csv, or html (a report with charts)
  -o, --output FILE     write to FILE instead of standard output (refused over an input, as for export)
      --force           write to such a FILE all the same
`;

export const STATS_HELP = `Usage: sovcode stats [--codebook PATH] [--by text|ATTRIBUTE] [--cooccurrence overlap|sentence|paragraph]
                    [--coders A,B] [--attributes FILE] [--format text|csv|json|svg] [--output FILE] [PATH...]

Frame statistics of the coded documents (method: docs/statistics.md):
  frequencies    coded segments per frame (every annotation counts, as a row of the CSV export), overall and,
                 with --by, per text or per value of a document attribute (a column of documents.csv);
  co-occurrence  per pair of frames: overlapping segments (overlap, default), or sentences / paragraphs that
                 both frames touch;
  coverage       share of characters coded, per text, per frame and overall.
PATH is an annotation file, a text or a folder, as for export; default: the current folder.

Options:
  -c, --codebook PATH     codebook for frame labels (default: as for export)
      --by NAME           text, or a column of documents.csv
      --cooccurrence MODE overlap (default), sentence or paragraph
      --coders A,B        count only these coders' annotations
      --attributes FILE   the document attributes (default: documents.csv beside codebook.yaml, else in PATH)
  -f, --format FORMAT     text (default), csv (long format: table, frame_id, …, value), json, or svg (the charts)
  -o, --output FILE       write to FILE instead of standard output (refused over an input, as for export)
      --force             write to such a FILE all the same
`;

export const SUGGEST_TERMS_HELP = `Usage: sovcode suggest-terms [--codebook PATH] [--frame ID] [--format text|json] [PATH...]
       sovcode suggest-terms --accept TERM --frame ID [--codebook PATH] [PATH]

Cue terms suggested from coding: the words and phrases (1-3 words; 2-6 characters in Chinese) that recur in at
least two segments coded with a frame and that no cue of the codebook finds yet, most frequent first, with
counts and an example. --accept adds TERM to frame ID in the workspace codebook (codebook.yaml, found as for
export, or --codebook), keeping every comment and line of the file; the shipped codebook is never written.
PATH is an annotation file, a text or a folder, as for export; default: the current folder.

Options:
  -c, --codebook PATH     the codebook (default: as for export)
      --frame ID          only this frame (with --accept: the frame to add to)
      --accept TERM       add TERM as a cue of --frame
  -f, --format FORMAT     text (default) or json
`;

export const RENAME_FRAME_HELP = `Usage: sovcode rename-frame [--codebook PATH] OLD NEW [PATH...]
       sovcode rename-frame [--codebook PATH] OLD --into TARGET [PATH...]

Renames frame OLD to NEW, or merges OLD into the existing frame TARGET, in the codebook and in every
annotation file below PATH (default: the current folder), as one change to review with git diff. A merge
removes OLD from the codebook, moves its cue terms to TARGET and gives its child frames TARGET as parent.
Everything is checked before anything is written: an annotation file with an error, an unknown frame or a
name already taken stops the rename, and nothing changes. Only the frame of each annotation changes.

Options:
  -c, --codebook PATH   the codebook to edit (default: codebook.yaml in the folder of PATH or above it)
`;

/** `sovcode COMMAND --help` prints the command's text from here; a command missing here has no help of its own. */
export const COMMAND_HELP: ReadonlyMap<string, string> = new Map([
  ['scan', SCAN_HELP],
  ['validate', VALIDATE_HELP],
  ['export', EXPORT_HELP],
  ['agreement', AGREEMENT_HELP],
  ['suggest', SUGGEST_HELP],
  ['stats', STATS_HELP],
  ['suggest-terms', SUGGEST_TERMS_HELP],
  ['rename-frame', RENAME_FRAME_HELP],
  ['add', ADD_HELP],
  ['done', DONE_HELP],
  ['adjudicate', ADJUDICATE_HELP],
  ['import', IMPORT_HELP],
]);
