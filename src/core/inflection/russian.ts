/**
 * Russian noun phrases from their dictionary form: every case and number of an adjective run and its head noun
 * (информационная безопасность → информационной безопасности, информационную безопасность, …), generated at
 * compile time so that matching stays one automaton over exact words.
 *
 * Why generation and not a stemmer: a stem with `*` also finds unrelated words (государств* finds
 * государственный), while an exact paradigm finds only the forms of the word. The rules are the regular
 * declensions of the school grammar; where a rule depends on something the spelling does not show (stress,
 * animacy, the gender of a noun in -ь, a fleeting vowel) both outcomes are generated. The extra one is not a
 * Russian word, so it costs nothing in precision. Adjectives agree with the noun: the phrase is generated case
 * by case and number by number, not as every combination of forms. Words after the head noun are governed
 * (суверенитет данных, суверенитет в сфере ИИ) and stay as written.
 */

export type Gender = 'm' | 'f' | 'n' | 'pl';
/** Six cases: nominative, genitive, dative, accusative, instrumental, prepositional. */
export const CASES = 6;

/** Ending sets for 6 singular then 6 plural slots; '0' is the zero ending with a fleeting-vowel variant. */
type Paradigm = readonly (readonly string[])[];

const VELAR_SIBILANT = /[кгхжшщч]$/u;
const SIBILANT_TS = /[жшщчц]$/u;
const VOWELS = /[аеёиоуыэюя]/u;

const ADJ_HARD: Record<Gender, Paradigm> = {
  m: [['ый', 'ой'], ['ого'], ['ому'], ['ый', 'ой', 'ого'], ['ым'], ['ом']],
  f: [['ая'], ['ой'], ['ой'], ['ую'], ['ой', 'ою'], ['ой']],
  n: [['ое'], ['ого'], ['ому'], ['ое'], ['ым'], ['ом']],
  pl: [['ые'], ['ых'], ['ым'], ['ые', 'ых'], ['ыми'], ['ых']],
};
const ADJ_SOFT: Record<Gender, Paradigm> = {
  m: [['ий'], ['его'], ['ему'], ['ий', 'его'], ['им'], ['ем']],
  f: [['яя'], ['ей'], ['ей'], ['юю'], ['ей', 'ею'], ['ей']],
  n: [['ее'], ['его'], ['ему'], ['ее'], ['им'], ['ем']],
  pl: [['ие'], ['их'], ['им'], ['ие', 'их'], ['ими'], ['их']],
};

const NOUN_HARD_M: Paradigm = [
  [''],
  ['а'],
  ['у'],
  ['', 'а'],
  ['ом'],
  ['е'],
  ['ы'],
  ['ов'],
  ['ам'],
  ['ы', 'ов'],
  ['ами'],
  ['ах'],
];
const NOUN_J_M: Paradigm = [
  ['й'],
  ['я'],
  ['ю'],
  ['й', 'я'],
  ['ем'],
  ['е', 'и'],
  ['и'],
  ['ев'],
  ['ям'],
  ['и', 'ев'],
  ['ями'],
  ['ях'],
];
const NOUN_SOFT_M: Paradigm = [
  ['ь'],
  ['я'],
  ['ю'],
  ['ь', 'я'],
  ['ем'],
  ['е'],
  ['и'],
  ['ей'],
  ['ям', 'ам'],
  ['и', 'ей'],
  ['ями', 'ами'],
  ['ях', 'ах'],
];
const NOUN_SOFT_F: Paradigm = [
  ['ь'],
  ['и'],
  ['и'],
  ['ь'],
  ['ью'],
  ['и'],
  ['и'],
  ['ей'],
  ['ям', 'ам'],
  ['и'],
  ['ями', 'ами'],
  ['ях', 'ах'],
];
const NOUN_A_F: Paradigm = [
  ['а'],
  ['ы'],
  ['е'],
  ['у'],
  ['ой', 'ою'],
  ['е'],
  ['ы'],
  ['0'],
  ['ам'],
  ['ы', '0'],
  ['ами'],
  ['ах'],
];
const NOUN_JA_F: Paradigm = [
  ['я'],
  ['и'],
  ['е'],
  ['ю'],
  ['ей', 'ею'],
  ['е'],
  ['и'],
  ['ь', 'й', 'ей'],
  ['ям'],
  ['и'],
  ['ями'],
  ['ях'],
];
const NOUN_IJA_F: Paradigm = [
  ['ия'],
  ['ии'],
  ['ии'],
  ['ию'],
  ['ией', 'иею'],
  ['ии'],
  ['ии'],
  ['ий'],
  ['иям'],
  ['ии'],
  ['иями'],
  ['иях'],
];
const NOUN_O_N: Paradigm = [['о'], ['а'], ['у'], ['о'], ['ом'], ['е'], ['а'], ['0'], ['ам'], ['а'], ['ами'], ['ах']];
const NOUN_E_N: Paradigm = [
  ['е'],
  ['я', 'а'],
  ['ю', 'у'],
  ['е'],
  ['ем'],
  ['е'],
  ['я', 'а'],
  ['ей', '0'],
  ['ям', 'ам'],
  ['я', 'а'],
  ['ями', 'ами'],
  ['ях', 'ах'],
];
const NOUN_IE_N: Paradigm = [
  ['ие'],
  ['ия'],
  ['ию'],
  ['ие'],
  ['ием'],
  ['ии'],
  ['ия'],
  ['ий'],
  ['иям'],
  ['ия'],
  ['иями'],
  ['иях'],
];
/** A noun given in the plural (ценности, угрозы): its singular is not known, so every plural ending is tried. */
const NOUN_PLURAL: Paradigm = [
  [],
  [],
  [],
  [],
  [],
  [],
  ['ы', 'и'],
  ['0', 'ов', 'ев', 'ей', 'й'],
  ['ам', 'ям'],
  ['ы', 'и', '0', 'ов', 'ей'],
  ['ами', 'ями'],
  ['ах', 'ях'],
];

/** Prepositions, conjunctions and particles: never inflected, and they end the inflecting part of a phrase. */
const FUNCTION_WORDS = new Set(
  'в во на и или о об обо по для с со к ко от из за над под при про через между без не а но у до после против'.split(
    ' ',
  ),
);

export function isFunctionWord(word: string): boolean {
  return FUNCTION_WORDS.has(word);
}

export function isCyrillicWord(word: string): boolean {
  return /^[\u0430-\u044f\u0451]+$/u.test(word) && VOWELS.test(word);
}

export interface AdjectiveLemma {
  stem: string;
  gender: Gender;
  soft: boolean;
}

/** The word as an adjective in its dictionary form, or undefined. `last`: no word of the run follows it. */
export function adjectiveLemma(word: string, last: boolean): AdjectiveLemma | undefined {
  if ([...word].length < 4) return undefined;
  const ending = word.slice(-2);
  const stem = word.slice(0, -2);
  const velarOrSoft = /[кгхжшщчн]$/u.test(stem);
  switch (ending) {
    case 'ый':
      return { stem, gender: 'm', soft: false };
    case 'ой':
      return last ? undefined : { stem, gender: 'm', soft: false };
    case 'ий':
      return velarOrSoft ? { stem, gender: 'm', soft: stem.endsWith('н') } : undefined;
    case 'ая':
      return { stem, gender: 'f', soft: false };
    case 'яя':
      return { stem, gender: 'f', soft: true };
    case 'ое':
      return { stem, gender: 'n', soft: false };
    case 'ее':
      return { stem, gender: 'n', soft: stem.endsWith('н') };
    case 'ые':
      return { stem, gender: 'pl', soft: false };
    case 'ие':
      return velarOrSoft && !/[еа]ние$/u.test(word) ? { stem, gender: 'pl', soft: stem.endsWith('н') } : undefined;
    default:
      return undefined;
  }
}

/** Applies the spelling rules to one ending: и for ы after velars and sibilants, е for unstressed о after ж ш щ ч ц. */
function spelled(stem: string, ending: string): string[] {
  const e = VELAR_SIBILANT.test(stem) ? ending.replace(/^ы/u, 'и') : ending;
  if (SIBILANT_TS.test(stem) && /^о/u.test(e)) return [e, e.replace(/^о/u, 'е')];
  if (SIBILANT_TS.test(stem) && e === 'ой') return [e, 'ей'];
  return [e];
}

/** The forms of an adjective in one case, agreeing with a noun of `gender` in `plural` or singular. */
export function adjectiveForms(
  lemma: AdjectiveLemma,
  word: string,
  gender: Gender,
  plural: boolean,
  caseIndex: number,
): string[] {
  const table = lemma.soft ? ADJ_SOFT : ADJ_HARD;
  const g: Gender = plural ? 'pl' : gender;
  const out = new Set<string>();
  // The masculine nominative (and the inanimate accusative) is the dictionary form itself: -ый, -ий or -ой.
  const own = g === 'm' && (caseIndex === 0 || caseIndex === 3);
  if (own) out.add(word);
  const endings = own ? table.m[caseIndex].filter((e) => e.length === 3) : table[g][caseIndex];
  for (const ending of endings) for (const e of spelled(lemma.stem, ending)) out.add(lemma.stem + e);
  return [...out];
}

interface NounLemma {
  stem: string;
  paradigm: Paradigm;
}

/** The noun's declension from its ending; a noun in -ь takes its gender from the adjectives (both if none). */
function nounLemmas(word: string, gender: Gender | undefined): NounLemma[] {
  const cut = (n: number, paradigm: Paradigm): NounLemma[] => [{ stem: word.slice(0, word.length - n), paradigm }];
  if (gender === 'pl' || /[ыи]$/u.test(word)) return cut(1, NOUN_PLURAL);
  if (word.endsWith('ия')) return cut(2, NOUN_IJA_F);
  if (word.endsWith('ие')) return cut(2, NOUN_IE_N);
  if (word.endsWith('а')) return cut(1, NOUN_A_F);
  if (word.endsWith('я')) return cut(1, NOUN_JA_F);
  if (word.endsWith('о')) return cut(1, NOUN_O_N);
  if (word.endsWith('е')) return cut(1, NOUN_E_N);
  if (word.endsWith('й')) return cut(1, NOUN_J_M);
  if (word.endsWith('ь')) {
    const feminine = /(ость|есть|сть|знь|[жшщч]ь)$/u.test(word);
    if (gender === 'f' || (gender === undefined && feminine)) return cut(1, NOUN_SOFT_F);
    if (gender === 'm' || gender === 'n') return cut(1, NOUN_SOFT_M);
    return [...cut(1, NOUN_SOFT_F), ...cut(1, NOUN_SOFT_M)];
  }
  return cut(0, NOUN_HARD_M);
}

/** The noun's stem for the zero ending of the genitive plural, with a fleeting о or е between final consonants. */
function zeroEndings(stem: string): string[] {
  const out = [stem];
  const chars = [...stem];
  const a = chars[chars.length - 2];
  const b = chars[chars.length - 1];
  if (a !== undefined && b !== undefined && !VOWELS.test(a) && !VOWELS.test(b) && a !== 'ь' && a !== 'й') {
    const head = chars.slice(0, -1).join('');
    out.push(`${head}о${b}`, `${head}е${b}`);
  }
  return out;
}

/** A fleeting vowel in the lemma (рынок → рынка, боец → бойца): the oblique forms may drop it. */
function obliqueStems(stem: string, paradigm: Paradigm): string[] {
  if (paradigm !== NOUN_HARD_M) return [stem];
  const m = /^(.*[^аеёиоуыэюя])([ое])([кц])$/u.exec(stem);
  return m ? [stem, m[1] + m[3]] : [stem];
}

/** The forms of a noun in one slot (`caseIndex` 0–5, `plural`); empty when the lemma has no such number. */
export function nounForms(word: string, gender: Gender | undefined, plural: boolean, caseIndex: number): string[] {
  const out = new Set<string>();
  for (const lemma of nounLemmas(word, gender)) {
    const slot = lemma.paradigm[(plural ? CASES : 0) + caseIndex];
    const stems = caseIndex === 0 && !plural ? [lemma.stem] : obliqueStems(lemma.stem, lemma.paradigm);
    for (const stem of stems) {
      for (const ending of slot) {
        if (ending === '0') for (const z of zeroEndings(stem)) out.add(z);
        else for (const e of spelled(stem, ending)) out.add(stem + e);
      }
    }
    if (!plural && caseIndex === 0) out.add(word);
  }
  return [...out];
}

/** The numbers a phrase is declined in: a dictionary form in the plural (традиционные ценности) has no singular. */
export function numbersOf(gender: Gender | undefined, noun: string | undefined): boolean[] {
  if (gender === 'pl' || (noun !== undefined && /[ыи]$/u.test(noun))) return [true];
  return [false, true];
}
