/**
 * Preloaded into a child `node` (`--require`) by the workspace benchmark: on exit it writes the process's peak
 * resident memory to stderr as `maxRSS <kB>` and its CPU time (user + system, start-up included) as
 * `cpuMs <ms>`, so the bench measures a real `sovcode` run from outside.
 */
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`\nmaxRSS ${u.maxRSS}\ncpuMs ${(u.userCPUTime + u.systemCPUTime) / 1000}\n`);
});
