// `npm run bench`: builds (for the bundle metafiles), starts the DNS test stack in its own
// process, and measures the engine, bulk use, memory and bundles in Node, then the extension in
// Chromium (bench/browser). Prints markdown tables and writes bench/results.json;
// `--update-docs` also rewrites the figures in docs/performance.md (issue #24's popup block in its
// own markers, the rest in the results block, each only when its sections ran).
//   tsx --expose-gc --import ./bench/register-hooks.mjs bench/run.ts [--runs 9] [--baseline-runs 5]
//       [--browser-runs 5] [--only engine,diagnostics,bulk,memory,bundles,faults,message,browser,popup,worker-memory,bulk-page]
//       [--before <git ref>|none] [--update-docs]
// `popup` (issue #24): the toolbar popup warm and cold at 0 and 50 ms RTT in the build `--before`
// names (default: main before the #24 work) and in this one, builds in turn run by run; the
// routing against the 80-line lookup; one cold click's trace. `browser` includes `popup`.
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { createBenchFetch } from './bench-fetch';
import { browserTargets } from './browser/browser-targets';
import { startBrowserBench } from './browser/browser-bench';
import { BULK_PAGE_SIZES, measureBulkPage } from './browser/bulk-page';
import { buildsUnderTest, DEFAULT_BEFORE_REF } from './browser/builds';
import { measureBrowser } from './browser/measure-browser';
import { measureBulk, measureEngineCeiling } from './bulk-throughput';
import { gzipOfInputs, measureBundles } from './bundle-sizes';
import { measureDiagnostics } from './diagnostics-latency';
import { measureEngine } from './engine-latency';
import { measureMemory } from './memory';
import { measureMessageVerify, messageVerifyTargets } from './message-verify';
import { allTables, popupBlock, type BenchResults } from './report-tables';
import { measureRetryAfter } from './retry-after';
import { measureResolverFaults } from './resolver-faults';
import { measureSpfCheck } from './spf-check-latency';
import { startStackProcess } from './stack-process';
import { evaluateTargets } from './targets';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Every section but `popup` (issue #24's before-and-after, in a block of its own): the "results" block of docs/performance.md holds them all. */
const ALL_SECTIONS = 'engine,diagnostics,bulk,memory,bundles,faults,message,browser,worker-memory,bulk-page';
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '9' },
    'baseline-runs': { type: 'string', default: '5' },
    'browser-runs': { type: 'string', default: '5' },
    only: { type: 'string', default: ALL_SECTIONS },
    before: { type: 'string', default: DEFAULT_BEFORE_REF },
    'update-docs': { type: 'boolean', default: false },
  },
});
const sections = new Set(values.only.split(','));
const engineRuns = Number(values.runs);
const baselineRuns = Number(values['baseline-runs']);
const browserRuns = Number(values['browser-runs']);
if (!(engineRuns >= 1 && baselineRuns >= 1 && browserRuns >= 1)) throw new RangeError('--runs, --baseline-runs and --browser-runs must be at least 1');
const log = (line: string) => process.stderr.write(`${line}\n`);

const results: BenchResults = {
  machine: {
    date: new Date().toISOString().slice(0, 10),
    cpus: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`,
    node: process.versions.node,
    loadAverage: { start: Number(loadavg()[0]!.toFixed(1)), end: 0 },
  },
  targets: [],
};

if (sections.has('bundles')) {
  log('bundles (dist/meta)');
  results.bundles = await measureBundles(root);
  // The pages still bundle tldts whole; the worker reads its list from psl-trie.json (issue 12).
  results.tldtsAloneGzipBytes = await gzipOfInputs(root, 'chromium-bulk', 'tldts');
  const suffixList = await readFile(join(root, 'dist/chromium/psl-trie.json'));
  results.suffixListFile = { bytes: suffixList.byteLength, gzipBytes: gzipSync(suffixList, { level: 9 }).byteLength };
}

// Issue #22: verifying a message once its keys are in (answers from memory: no stack needed).
if (sections.has('message')) {
  log(`explain a message: 1 MB with two signatures (${engineRuns} runs)`);
  Object.assign(results, { messageVerify: await measureMessageVerify(engineRuns, log), messageVerifyRuns: engineRuns });
}

const browserSections = {
  popup: sections.has('popup') || sections.has('browser'),
  timings: sections.has('browser'),
  workerMemory: sections.has('worker-memory'),
};
// Built before the stack starts: building takes the cores for a minute the first time.
const builds = browserSections.popup ? buildsUnderTest(values.before, log) : buildsUnderTest('none', log);
if (['engine', 'diagnostics', 'bulk', 'memory', 'faults', 'browser', 'popup', 'worker-memory', 'bulk-page'].some((section) => sections.has(section))) {
  log('starting the DNS test stack');
  const stack = await startStackProcess();
  const bench = createBenchFetch(stack.info);
  const stopAll = () => void bench.close().finally(() => stack.stop().finally(() => process.exit(130)));
  process.once('SIGINT', stopAll);
  try {
    if (sections.has('engine')) {
      log(`engine and sequential baseline (${engineRuns} / ${baselineRuns} runs each)`);
      results.engine = await measureEngine({ stack: stack.info, bench, engineRuns, baselineRuns, log });
    }
    if (sections.has('diagnostics')) {
      log(`mail diagnostics on (${baselineRuns} runs each)`);
      results.diagnostics = await measureDiagnostics(stack.info, bench, baselineRuns, log);
    }
    if (sections.has('diagnostics') || sections.has('spf-check')) await measureSpfCheck(stack.info, bench, baselineRuns, log);
    if (sections.has('bulk')) {
      log('bulk throughput');
      results.bulk = await measureBulk(stack.info, bench, log);
      Object.assign(results, { bulkList: await (await import('./bulk-list')).measureBulkList(stack.info, bench, log) });
      results.ceiling = await measureEngineCeiling(stack.info, bench);
      log('HTTP 429 and Retry-After');
      results.retry = await measureRetryAfter(stack.info, bench);
    }
    if (sections.has('faults')) Object.assign(results, { faults: await measureResolverFaults(stack.info, bench, baselineRuns, log) });
    if (sections.has('memory')) {
      log('memory (1,000 lookups, twice)');
      results.memory = await measureMemory(stack.info, bench);
    }
    if (browserSections.popup || browserSections.timings || browserSections.workerMemory) {
      // Last, so Chromium's processes never share the cores with the Node measurements.
      const parts = [
        browserSections.popup ? `toolbar popup in ${builds.map((b) => `${b.label} (${b.commit})`).join(' and ')}, the 80-line lookup, a cold click` : '',
        browserSections.timings ? 'result page, checks on and off' : '',
        browserSections.workerMemory ? 'worker heap (about 4 minutes)' : '',
      ];
      log(`in Chromium (${browserRuns} runs each): ${parts.filter(Boolean).join('; ')}`);
      results.browser = await measureBrowser(stack.info, builds, browserRuns, browserSections, log);
    }
    if (sections.has('bulk-page')) {
      log('bulk page in Chromium: 1,000 and 10,000 domains at 50 ms RTT (its own browser)');
      const browserBench = await startBrowserBench(stack.info);
      try {
        results.bulkPage = await measureBulkPage(browserBench, BULK_PAGE_SIZES, log);
      } finally {
        await browserBench.close();
      }
    }
  } finally {
    process.removeListener('SIGINT', stopAll);
    await bench.close();
    await stack.stop();
  }
}

results.machine.loadAverage.end = Number(loadavg()[0]!.toFixed(1));
/** The targets the figures in `r` can be held to. */
const targetsOf = (r: Partial<BenchResults>) => [
  ...evaluateTargets(r.engine ?? [], r.bundles ?? [], r.bulk ?? [], r.diagnostics ?? []),
  ...(r.browser ? browserTargets(r.browser) : []),
  ...(r.messageVerify ? messageVerifyTargets(r.messageVerify) : []),
];
results.targets = targetsOf(results);
const tables = allTables(results);
const popup = popupBlock(results);
console.log(popup ? `${tables}\n\n${popup}` : tables);
// A run of some sections leaves the others' figures in bench/results.json as they were (each
// section's figures say what they are; the machine line is this run's).
const everySection = ALL_SECTIONS.split(',').every((section) => sections.has(section));
const previous = everySection ? {} : (JSON.parse(await readFile(join(root, 'bench/results.json'), 'utf8').catch(() => '{}')) as Partial<BenchResults>);
const merged = { ...previous, ...results };
await writeFile(join(root, 'bench/results.json'), `${JSON.stringify({ ...merged, targets: targetsOf(merged) }, null, 2)}\n`);
log(everySection ? 'wrote bench/results.json' : `wrote this run's sections into bench/results.json, the others' figures kept`);

/** Replaces what stands between `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->`. */
function replaceBlock(doc: string, name: string, text: string): string {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`docs/performance.md has no ${start} ... ${end} block`);
  return `${doc.slice(0, from + start.length)}\n${text}\n${doc.slice(to)}`;
}

if (values['update-docs']) {
  const docPath = join(root, 'docs/performance.md');
  let doc = await readFile(docPath, 'utf8');
  // The results block holds every section under one "Measured" line: only a run of all of them
  // rewrites it (a run of one section had replaced the block with that section alone).
  if (everySection) doc = replaceBlock(doc, 'results', tables);
  else if ([...sections].some((section) => section !== 'popup'))
    log(
      `left the results block of docs/performance.md as it was: it holds every section, and this run measured ${[...sections].filter((section) => section !== 'popup').join(', ')} only (the figures are printed above)`,
    );
  if (popup) doc = replaceBlock(doc, 'popup', popup);
  await writeFile(docPath, doc);
  log('updated docs/performance.md');
}
