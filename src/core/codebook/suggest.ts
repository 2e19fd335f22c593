/**
 * "Did you mean …?" for codebook keys and frame ids. A typo in a hand-written YAML file ("lable", "colour",
 * "defintion") is the most common mistake, so the message names the closest allowed word.
 */

/** Optimal string alignment distance: Levenshtein plus swaps of two neighbours ("lable" → "label" is 1). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const width = y.length + 1;
  // One flat row-major table: d[i * width + j] is the distance between x[0..i) and y[0..j).
  const d = new Array<number>((x.length + 1) * width).fill(0);
  for (let i = 0; i <= x.length; i++) d[i * width] = i;
  for (let j = 0; j <= y.length; j++) d[j] = j;
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(d[(i - 1) * width + j] + 1, d[i * width + j - 1] + 1, d[(i - 1) * width + j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, d[(i - 2) * width + j - 2] + 1);
      d[i * width + j] = best;
    }
  }
  return d[x.length * width + y.length];
}

/**
 * The candidate closest to `word` (ignoring case), or undefined when none is close enough to be a likely typo:
 * at most 1 edit for words of up to 3 letters, 2 for longer ones ("alfa" → "alpha"), so short words do not
 * match everything.
 */
export function closestName(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const allowed = [...w].length <= 3 ? 1 : 2;
  if (best === undefined || bestDistance > allowed) return undefined;
  return best;
}
