/** The URI scheme of memo documents (memoEditor.ts), apart so that settings.ts can name it without a cycle. */
export const MEMO_SCHEME = 'sovereignty-memo';
