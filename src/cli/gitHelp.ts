/** The help texts of the Git commands of `sovcode` (docs/git.md has the whole story). */
export const DIFF_HELP = `Usage: sovcode diff [REV_A [REV_B]] [--format text|json|markdown] [PATH...]

Lists, per text, the coding decisions that changed from REV_A (default HEAD) to REV_B (default the working
tree): added (+), removed (-), retagged, moved (>), memo changed, status changed (~), e.g.
  + [colonization] "digital colonialism" 33:16 (second-coder)
Revisions (branch, tag, commit) are read with git, never checked out. PATH limits it to files or folders.
Exit codes: 0 listed (with or without changes), 2 a version could not be read or the command could not run.

Options:
  -f, --format FORMAT   text (default), json, or markdown (for a pull-request comment)
`;

export const SHOW_HELP = `Usage: sovcode show FILE

Prints a sidecar as one line per coding decision. Used as the textconv of plain git diff
(git config diff.sovcode.textconv, written by sovcode git-setup). Exit code 0.
`;

export const MERGE_DRIVER_HELP = `Usage: sovcode merge-driver %O %A %B %P

The Git merge driver for *.annotations.yaml (configured by sovcode git-setup): merges base (%O), ours (%A)
and theirs (%B) by annotation id and writes the result to %A. Two different changes of the same decision are
both kept, marked status: conflict with the other's id. When the text changed on both sides, every
annotation is re-anchored on the merged text.
Exit codes: 0 merged cleanly, 1 conflict entries remain (or a version did not parse: then merged line by line).
`;

export const RESOLVE_HELP = `Usage: sovcode resolve FILE...

For a sidecar that Git left with conflict markers (no merge driver set up): merges both sides by
annotation id, as the merge driver would, and re-anchors on the source in the working tree.
FILE is a sidecar or its text. Exit codes: 0 resolved, 1 conflict entries remain or a side did not parse,
2 the command could not run.
`;

export const GIT_SETUP_HELP = `Usage: sovcode git-setup

In the Git repository of the current folder: writes the local git config for the merge driver
(merge.sovcode.driver) and the diff textconv (diff.sovcode.textconv), and adds
  *.annotations.yaml merge=sovcode diff=sovcode
to .gitattributes when missing (commit it). Every clone runs this once. Exit code 0.
`;
