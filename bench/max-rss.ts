// Loaded into the benchmarked CLI process (node --import): reports its peak resident memory on
// exit, whichever way it exits, as a line the benchmark reads from stderr.
process.on('exit', () => {
  process.stderr.write(`[max-rss-kb] ${process.resourceUsage().maxRSS}\n`);
});
