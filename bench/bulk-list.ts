// Bulk lists (issue #13): 1,000 and 10,000 distinct domains (`userN@dN.bulk-wild.test`, a
// wildcard MX) at 50 ms simulated round trip, read from text by `extractEntries` and checked by
// `runBulk` on one DoH client with its shipped 64-request cap, exactly as `mxray --bulk` and the
// bulk page do; then the CLI itself on the 1,000-line file. Figures: domains/s, peak requests in
// flight (the client's limiter and the fault server's log), time to the first row, heap at the
// end after a full GC, and how long reading the list took.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractEntries, runBulk, summarise } from '../src/core/bulk';
import { AnswerCache } from '../src/core/doh/answer-cache';
import { DohClient } from '../src/core/doh/doh-client';
import { customProvider } from '../src/core/doh/providers';
import { lookupOptionsFrom } from '../src/shared/lookup-options-from';
import { DEFAULT_SETTINGS } from '../src/shared/settings';
import { readFaultLog } from '../test/stack/fault-log-client';
import type { StackInfo } from '../test/stack/stack-info';
import type { BenchFetch } from './bench-fetch';
import { faultDohUrl } from './engine-latency';
import { peakInFlight } from './fault-log-stats';
import { round } from './stats';

const RTT_MS = 50;
const SIZES = [1_000, 10_000];

export interface BulkListRow {
  where: 'engine' | 'cli';
  domains: number;
  parseMs: number;
  seconds: number;
  domainsPerSecond: number;
  firstRowMs: number;
  requests: number;
  limiterPeak?: number;
  logPeak: number;
  accepts: number;
  heapEndMb?: number;
}

/** What the bulk page's routing-only run asks. */
const BULK_LOOKUP = lookupOptionsFrom({ ...DEFAULT_SETTINGS, diagnostics: false }, 'bulk');
const listOf = (size: number) => Array.from({ length: size }, (_, i) => `user${i}@d${i}.bulk-wild.test`).join('\n');
const gc = () => (globalThis as { gc?: () => void }).gc?.();

export async function measureBulkList(stack: StackInfo, bench: BenchFetch, log?: (line: string) => void): Promise<BulkListRow[]> {
  const rows: BulkListRow[] = [];
  for (const size of SIZES) {
    const tag = `bulk-list-${size}`;
    const client = new DohClient({ providers: [customProvider(faultDohUrl(stack, tag, RTT_MS))], fetch: bench.fetch, cache: new AnswerCache() });
    await bench.warm();
    const parseStart = performance.now();
    const input = extractEntries(listOf(size));
    const parseMs = performance.now() - parseStart;
    let firstRowMs = Number.NaN;
    const started = performance.now();
    const results = await runBulk(input.domains, client, {
      lookup: BULK_LOOKUP,
      onResult: () => {
        if (Number.isNaN(firstRowMs)) firstRowMs = performance.now() - started;
      },
    });
    const seconds = (performance.now() - started) / 1000;
    gc();
    const heapEndMb = process.memoryUsage().heapUsed / 1024 / 1024;
    const entries = await readFaultLog(stack, tag);
    const row: BulkListRow = {
      where: 'engine',
      domains: size,
      parseMs: round(parseMs, 0),
      seconds: round(seconds, 2),
      domainsPerSecond: round(size / seconds, 0),
      firstRowMs: round(firstRowMs, 0),
      requests: entries.length,
      limiterPeak: client.limiter.peak,
      logPeak: peakInFlight(entries),
      accepts: summarise(results).counts.accepts,
      heapEndMb: round(heapEndMb, 1),
    };
    rows.push(row);
    log?.(
      `  engine, ${size} domains: ${row.domainsPerSecond} domains/s, first row ${row.firstRowMs} ms, peak ${row.limiterPeak} in flight (log ${row.logPeak}), heap ${row.heapEndMb} MB`,
    );
  }
  rows.push(await measureCli(stack, 1_000, log));
  return rows;
}

/** The built CLI in a child process, NDJSON to a pipe: time to the first line and to the end. */
async function measureCli(stack: StackInfo, size: number, log?: (line: string) => void): Promise<BulkListRow> {
  const dir = mkdtempSync(join(tmpdir(), 'mxray-bench-'));
  const path = join(dir, 'list.txt');
  writeFileSync(path, listOf(size));
  const tag = `bulk-list-cli-${size}`;
  const bin = fileURLToPath(new URL('../bin/mxray.js', import.meta.url));
  const started = performance.now();
  let firstRowMs = Number.NaN;
  let lines = 0;
  let accepts = 0;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [bin, '--resolver', faultDohUrl(stack, tag, RTT_MS), '--bulk', path, '--output', 'ndjson'], {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: stack.caPath },
    });
    let rest = '';
    child.stdout.on('data', (chunk: Buffer) => {
      if (Number.isNaN(firstRowMs)) firstRowMs = performance.now() - started;
      const parts = (rest + chunk.toString()).split('\n');
      rest = parts.pop()!;
      for (const line of parts) {
        lines++;
        if (line.includes('"verdict":"accepts"')) accepts++;
      }
    });
    child.on('error', reject);
    child.on('close', () => resolve());
  });
  const seconds = (performance.now() - started) / 1000;
  const entries = await readFaultLog(stack, tag);
  const row: BulkListRow = {
    where: 'cli',
    domains: size,
    parseMs: Number.NaN,
    seconds: round(seconds, 2),
    domainsPerSecond: round(size / seconds, 0),
    firstRowMs: round(firstRowMs, 0),
    requests: entries.length,
    logPeak: peakInFlight(entries),
    accepts,
  };
  log?.(
    `  CLI, ${size} domains (${lines} lines): ${row.domainsPerSecond} domains/s incl. start-up, first row ${row.firstRowMs} ms, peak ${row.logPeak} in flight`,
  );
  return row;
}
