/** Text from the user's files (codebook labels, memos, quotes) put into hover Markdown as plain characters. */

/** Escapes every character Markdown would read as markup, so a quote or memo shows as written. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}
