/**
 * English word forms for cue terms written in their base form: -ize/-ise spelling (both ways, through
 * -ization/-isation, -izing/-ising, -ized/-ised), the verb forms of an -ize verb, and the plural of the last
 * word of a phrase (the head of an English noun phrase). Generated at compile time, like the Russian paradigms,
 * so that a match is always an exact word. Irregular plurals are left to the codebook (write them as terms).
 */

const SPELLING = /^(.{3,}i)([sz])(e|es|ed|ing|ation|ations|er|ers|ational)$/u;
const VERB = /^(.{3,}i[sz])e$/u;

export function isLatinWord(word: string): boolean {
  return /^[a-z][a-z']*$/u.test(word);
}

/** The word with -ise for -ize and back, when it has that suffix. */
function spellings(word: string): string[] {
  const m = SPELLING.exec(word);
  if (!m) return [word];
  return [word, m[1] + (m[2] === 's' ? 'z' : 's') + m[3]];
}

function plural(word: string): string {
  if (/(s|x|z|ch|sh)$/u.test(word)) return `${word}es`;
  if (/[^aeiou]y$/u.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/** The singular of a word written in the plural (spaces → space, policies → policy), or undefined. */
function singular(word: string): string | undefined {
  if (/[^aeiou]ies$/u.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is)$/u.test(word) || !word.endsWith('s')) return undefined;
  return word.slice(0, -1);
}

/** Every form of one word; `head`: the last word of the phrase, which also takes a plural. */
export function englishForms(word: string, head: boolean): string[] {
  const out = new Set<string>();
  const add = (w: string): void => {
    for (const s of spellings(w)) out.add(s);
  };
  // A head written in the plural is declined from its singular (borders → border, borders; not borderses).
  const base = head ? (singular(word) ?? word) : word;
  add(word);
  add(base);
  const verb = VERB.exec(base);
  if (verb) for (const ending of ['es', 'ed', 'ing']) add(verb[1] + ending);
  if (head) {
    for (const form of [...out]) if (!/(ed|ing)$/u.test(form) && singular(form) === undefined) out.add(plural(form));
  }
  return [...out];
}
