// Section 5: one long-lived client doing 1,000 lookups (the 200 bulk domains and the fixtures,
// round and round) at 0 ms round trip: Node's heap after a full GC at 200, 500 and 1,000 lookups,
// and the cache size. Two runs: the cache as shipped (5,000 entries, more than the ~1,800
// distinct questions here, so it only fills), and a cache capped at 1,000 entries, below the
// working set, so the LRU evicts on every lookup and the bound is what holds the heap.
import { AnswerCache } from '../src/core/doh/answer-cache';
import { DohClient } from '../src/core/doh/doh-client';
import { customProvider } from '../src/core/doh/providers';
import { bulkLookup } from '../src/core/lookup/bulk-lookup';
import { parseQuery } from '../src/core/query';
import { clearFaultLog } from '../test/stack/fault-log-client';
import type { StackInfo } from '../test/stack/stack-info';
import type { BenchFetch } from './bench-fetch';
import { BULK_DOMAINS } from './bulk-throughput';
import { faultDohUrl } from './engine-latency';
import { round } from './stats';

/** Every fixture with mail-related answers (test/zones/README.md), besides the bulk domains. */
export const FIXTURES = [
  'one-mx.test',
  'five-mx.test',
  'twenty-mx.test',
  'big-txt.test',
  'null-mx.test',
  'null-mx-mixed.test',
  'implicit.test',
  'nodata.test',
  'servfail.test',
  'does-not-exist.test',
  'cname-mx.test',
  'apex-cname.test',
  'ip-mx.test',
  'no-address-mx.test',
  'nxdomain-mx.test',
  'trailing-dot.test',
  'private-mx.test',
  'no-ptr.test',
  'bad-ptr.test',
  'v6only.test',
  'xss.test',
  'xn--bcher-kva.test',
  'long-ttl.test',
  'example.co.uk',
  'host25.test',
  'many-ptr.test',
  'user@one-mx.test',
  '192.0.2.25',
  '2001:db8::25',
];
export const MEMORY_LOOKUPS = 1_000;
const CHECKPOINTS = [0, 200, 500, 1_000];

export interface MemoryRun {
  cacheMaxEntries: number;
  points: { lookups: number; heapMB: number; cacheEntries: number; requests: number }[];
  /** Heap change from 500 to 1,000 lookups. */
  growthLastHalfMB: number;
  seconds: number;
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc (npm run bench does)');
  gc();
  gc();
}

function heapMB(): number {
  collectGarbage();
  return round(process.memoryUsage().heapUsed / 1024 / 1024, 2);
}

async function memoryRun(stack: StackInfo, bench: BenchFetch, cacheMaxEntries: number): Promise<MemoryRun> {
  const names = [...BULK_DOMAINS, ...FIXTURES];
  const queries = Array.from({ length: MEMORY_LOOKUPS }, (_, i) => parseQuery(names[i % names.length]!));
  const tag = `memory-${cacheMaxEntries}`;
  const cache = new AnswerCache(cacheMaxEntries);
  const client = new DohClient({ providers: [customProvider(faultDohUrl(stack, tag, 0))], fetch: bench.fetch, cache });
  await bench.warm();
  const points: MemoryRun['points'] = [];
  const started = performance.now();
  for (let i = 0; i < CHECKPOINTS.length; i++) {
    const from = CHECKPOINTS[i - 1] ?? 0;
    const to = CHECKPOINTS[i]!;
    // Reports are dropped as they finish, as a CLI printing them would.
    if (to > from) await bulkLookup(queries.slice(from, to), client);
    points.push({ lookups: to, heapMB: heapMB(), cacheEntries: cache.size, requests: client.stats.requests });
  }
  const seconds = (performance.now() - started) / 1000;
  await clearFaultLog(stack, tag);
  const at = (lookups: number) => points.find((p) => p.lookups === lookups)!.heapMB;
  return { cacheMaxEntries, points, growthLastHalfMB: round(at(1_000) - at(500), 2), seconds: round(seconds, 1) };
}

export async function measureMemory(stack: StackInfo, bench: BenchFetch): Promise<MemoryRun[]> {
  return [await memoryRun(stack, bench, 5_000), await memoryRun(stack, bench, 1_000)];
}
