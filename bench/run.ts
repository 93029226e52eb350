// `npm run bench`: builds (for the bundle metafiles), starts the DNS test stack in its own
// process, and measures the engine, bulk use, memory and bundles in Node, then the extension in
// Chromium (bench/browser). Prints markdown tables and writes bench/results.json;
// `--update-docs` also rewrites the figures in docs/performance.md.
//   tsx --expose-gc --import ./bench/register-hooks.mjs bench/run.ts [--runs 9] [--baseline-runs 5]
//       [--browser-runs 5] [--only engine,diagnostics,bulk,memory,bundles,faults,message,browser,worker-memory,bulk-page] [--update-docs]
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
import { measureBrowser } from './browser/measure-browser';
import { measureBulk, measureEngineCeiling } from './bulk-throughput';
import { gzipOfInputs, measureBundles } from './bundle-sizes';
import { measureDiagnostics } from './diagnostics-latency';
import { measureEngine } from './engine-latency';
import { measureMemory } from './memory';
import { measureMessageVerify, messageVerifyTargets } from './message-verify';
import { allTables, type BenchResults } from './report-tables';
import { measureRetryAfter } from './retry-after';
import { measureResolverFaults } from './resolver-faults';
import { measureSpfCheck } from './spf-check-latency';
import { startStackProcess } from './stack-process';
import { evaluateTargets } from './targets';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '9' },
    'baseline-runs': { type: 'string', default: '5' },
    'browser-runs': { type: 'string', default: '5' },
    only: { type: 'string', default: 'engine,diagnostics,bulk,memory,bundles,faults,message,browser,worker-memory,bulk-page' },
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

const browserSections = { timings: sections.has('browser'), workerMemory: sections.has('worker-memory') };
if (['engine', 'diagnostics', 'bulk', 'memory', 'faults', 'browser', 'worker-memory', 'bulk-page'].some((section) => sections.has(section))) {
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
    if (browserSections.timings || browserSections.workerMemory) {
      // Last, so Chromium's processes never share the cores with the Node measurements.
      log(
        `in Chromium (${browserRuns} runs each): ${browserSections.timings ? 'popup and result page' : ''}${browserSections.workerMemory ? ', worker heap (about 4 minutes)' : ''}`,
      );
      results.browser = await measureBrowser(stack.info, browserRuns, browserSections, log);
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
results.targets = [
  ...evaluateTargets(results.engine ?? [], results.bundles ?? [], results.bulk ?? [], results.diagnostics ?? []),
  ...(results.browser ? browserTargets(results.browser) : []),
  ...(results.messageVerify ? messageVerifyTargets(results.messageVerify) : []),
];
const tables = allTables(results);
console.log(tables);
await writeFile(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
log('wrote bench/results.json');

if (values['update-docs']) {
  const docPath = join(root, 'docs/performance.md');
  const doc = await readFile(docPath, 'utf8');
  const start = '<!-- bench:results:start -->';
  const end = '<!-- bench:results:end -->';
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`docs/performance.md has no ${start} ... ${end} block`);
  await writeFile(docPath, `${doc.slice(0, from + start.length)}\n${tables}\n${doc.slice(to)}`);
  log('updated docs/performance.md');
}
