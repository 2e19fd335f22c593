/** Inflected forms of cue terms (Russian cases and numbers, English spellings and plurals), generated at compile time. */
export { inflectedForms, withInflectedForms } from './expand';
