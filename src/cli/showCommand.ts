/**
 * `sovcode show FILE`: a sidecar as one line per coding decision, the textconv behind `git diff` of sidecars
 * (`git config diff.sovcode.textconv`, set by `sovcode git-setup`). Git hands over a temporary copy of the blob,
 * so the source text is not at hand: line and column are those the file records. Each line holds the whole
 * decision, so a retag or a memo edit shows as one changed line. A file that does not parse is printed as it is
 * (the diff still works) with the reason on stderr; the exit code is 0 either way, as Git expects of a textconv.
 */
import { changeLine } from '../core/git';
import { formatProblem } from '../core/input';
import { parseSidecar } from '../core/sidecar';
import { readTextFile } from './codebookFile';

/** The `line:` and `column:` recorded in each block, by annotation id. */
function recordedPlaces(yamlText: string): Map<string, { line: number; column: number }> {
  const places = new Map<string, { line: number; column: number }>();
  let id: string | undefined;
  let line: number | undefined;
  for (const l of yamlText.split('\n')) {
    const m = /^ {2}- id: "?([^"\s]+)"?$/.exec(l) ?? undefined;
    if (m) [id, line] = [m[1], undefined];
    const value = /^ {4}(line|column): (\d+)$/.exec(l);
    if (id === undefined || !value) continue;
    if (value[1] === 'line') line = Number(value[2]);
    else if (line !== undefined) places.set(id, { line, column: Number(value[2]) });
  }
  return places;
}

export function showFile(file: string, out: (s: string) => void, err: (s: string) => void): number {
  const text = readTextFile(file);
  const parsed = parseSidecar(text, file);
  const errors = parsed.problems.filter((p) => p.severity === 'error');
  if (parsed.sidecar === undefined || errors.length > 0) {
    for (const p of errors) err(`sovcode show: ${formatProblem(p)}\n`);
    out(text);
    return 0;
  }
  const s = parsed.sidecar;
  const places = recordedPlaces(text);
  const lines = [`source: ${s.source}  codebook: ${s.codebook}  ${s.sourceHash}`];
  for (const a of s.annotations) {
    const at = places.get(a.id);
    const line = changeLine({
      kind: 'added',
      id: a.id,
      frame: a.frame,
      quote: a.quote,
      coder: a.coder,
      place: { start: a.start, end: a.end, line: at?.line, column: at?.column },
    }).slice(2);
    const extra = [
      a.status === undefined
        ? ''
        : `status: ${a.status}${a.conflictWith === undefined ? '' : ` with ${a.conflictWith}`}`,
      a.memo === undefined ? '' : `memo: ${JSON.stringify(a.memo)}`,
    ];
    lines.push([line, a.id, a.created, ...extra].filter((x) => x !== '').join('  '));
  }
  out(`${lines.join('\n')}\n`);
  return 0;
}
