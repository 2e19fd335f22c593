/**
 * Preloaded into a child `node` (`--require`) by the workspace benchmark: on exit it writes the process's peak
 * resident memory to stderr as `maxRSS <kB>`, so the bench measures a real `sovcode` run from outside.
 */
process.on('exit', () => {
  process.stderr.write(`\nmaxRSS ${process.resourceUsage().maxRSS}\n`);
});
