// `npm run fuzz`: 100,000 generated inputs through every parser MXray runs on untrusted data
// (issue #16, section 3), or `--runs N`. Prints, per parser, the inputs run, how many it refused
// with its own typed error, the time, the slowest input, and the heap after a GC, so that
// memory staying flat is seen, not assumed. Exits 1 on the first parser that fails.
import { parseArgs } from 'node:util';
import { fuzzTarget, PER_INPUT_BOUND_MS, TARGETS } from './targets';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '100000' }, seed: { type: 'string' } } });
const runs = Number(values.runs);
const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = () => {
  gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

console.log(
  `mxray fuzz: ${runs.toLocaleString('en')} inputs a parser, ${TARGETS.length} parsers, bound ${PER_INPUT_BOUND_MS} ms an input${gc ? '' : ' (run with --expose-gc for exact heap figures)'}`,
);
const startHeap = heapMb();
const started = performance.now();
let peakRss = process.memoryUsage().rss;
let total = 0;
const rows: string[] = [];
for (const target of TARGETS) {
  try {
    const result = fuzzTarget(target, runs, values.seed === undefined ? undefined : Number(values.seed));
    total += result.runs;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const row = `${result.name.padEnd(34)} ${result.runs.toLocaleString('en').padStart(9)} inputs  ${result.refused.toLocaleString('en').padStart(8)} refused  ${(result.ms / 1000).toFixed(1).padStart(6)} s  slowest ${result.slowestMs.toFixed(2).padStart(6)} ms  heap ${heapMb().toFixed(1)} MB`;
    rows.push(row);
    console.log(row);
  } catch (error) {
    console.error(`FAIL ${target.name}\n${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
const endHeap = heapMb();
/** Memory is flat when a million and more inputs leave the heap within this of where it started. */
const MAX_HEAP_GROWTH_MB = 32;
console.log(
  `\n${total.toLocaleString('en')} inputs in ${((performance.now() - started) / 1000).toFixed(1)} s; none threw anything but its own typed error, none over ${PER_INPUT_BOUND_MS} ms. ` +
    `Heap ${startHeap.toFixed(1)} MB before, ${endHeap.toFixed(1)} MB after; peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB.`,
);
if (gc && endHeap - startHeap > MAX_HEAP_GROWTH_MB) {
  console.error(`FAIL: the heap grew by ${(endHeap - startHeap).toFixed(1)} MB (bound ${MAX_HEAP_GROWTH_MB} MB)`);
  process.exit(1);
}
