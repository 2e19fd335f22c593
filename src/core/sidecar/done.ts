/**
 * The per-coder "done" marks of a text (`done:` in the sidecar, docs/sidecar-format.md): the coders who have
 * finished coding it, including those who found that nothing applies. Kept as a sorted list of distinct names
 * so that the same marks always give the same bytes, and merged three-way like a set, so that two coders who
 * each mark a text done on their own branches both stay marked after the merge.
 */

/** The marks in canonical form: distinct, sorted; undefined when there are none (the key is then not written). */
export function normalDone(done: readonly string[] | undefined): string[] | undefined {
  const list = [...new Set(done ?? [])].sort();
  return list.length === 0 ? undefined : list;
}

/** `done` with `coder` marked (true) or unmarked (false). */
export function withDone(done: readonly string[] | undefined, coder: string, marked: boolean): string[] | undefined {
  const rest = (done ?? []).filter((c) => c !== coder);
  return normalDone(marked ? [...rest, coder] : rest);
}

/**
 * Three-way merge of the marks: a coder marked on one side and not changed on the other is marked; a mark
 * removed on one side and not changed on the other is removed. A set has no clash: a mark changed on both sides
 * was changed the same way.
 */
export function mergeDone(
  base: readonly string[] | undefined,
  ours: readonly string[] | undefined,
  theirs: readonly string[] | undefined,
): string[] | undefined {
  const [b, o, t] = [new Set(base ?? []), new Set(ours ?? []), new Set(theirs ?? [])];
  const all = [...new Set([...b, ...o, ...t])];
  return normalDone(all.filter((c) => (o.has(c) === b.has(c) ? t.has(c) : o.has(c))));
}
