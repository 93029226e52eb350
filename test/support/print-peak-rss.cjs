// Preloaded into a child `node` (`--require`): prints its peak resident set size on exit, so
// tests can show that hostile input left memory bounded.
process.on('exit', () => {
  process.stderr.write(`\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
