// Section 4: the 200 bulk-NNN.test domains through one client at 50 ms simulated round trip,
// for several caps on lookups in flight. The client's own cap on HTTP requests in flight
// (DohClient `maxInFlight`, 64) stays as shipped; its limiter records the peak, and the fault
// server's log gives the same figure from the other side of the wire.
import { DohClient } from '../src/core/doh/doh-client';
import { customProvider } from '../src/core/doh/providers';
import { bulkLookup, DEFAULT_MAX_LOOKUPS } from '../src/core/lookup/bulk-lookup';
import { parseQuery } from '../src/core/query';
import type { FetchLike } from '../src/core/doh/doh-request';
import { clearFaultLog, readFaultLog } from '../test/stack/fault-log-client';
import type { StackInfo } from '../test/stack/stack-info';
import type { BenchFetch } from './bench-fetch';
import { faultDohUrl } from './engine-latency';
import { peakInFlight } from './fault-log-stats';
import { median, round } from './stats';

export const BULK_RTT_MS = 50;
export const BULK_DOMAINS = Array.from({ length: 200 }, (_, i) => `bulk-${String(i + 1).padStart(3, '0')}.test`);
/** The caps compared; `Infinity` = every lookup at once (only the request cap applies). */
export const LOOKUP_CAPS = [8, 16, DEFAULT_MAX_LOOKUPS, 64, Number.POSITIVE_INFINITY] as const;

export interface BulkRow {
  maxLookups: number | 'none';
  isDefault: boolean;
  maxInFlight: number;
  seconds: number;
  domainsPerSecond: number;
  /** HTTP requests per second over the run: what a resolver's per-client rate limit sees. */
  requestsPerSecond: number;
  firstReportMs: number;
  requests: number;
  logRequests: number;
  limiterPeak: number;
  logPeak: number;
  failedLookups: number;
  /** TLS connections opened during the run. */
  newConnections: number;
  /** CPU time of this (client) process per lookup: the engine plus undici and TLS. */
  clientCpuMsPerLookup: number;
}

export interface CeilingRow {
  domainsPerSecond: number;
  cpuMsPerLookup: number;
}

export async function measureBulk(stack: StackInfo, bench: BenchFetch, log?: (line: string) => void): Promise<BulkRow[]> {
  const queries = BULK_DOMAINS.map((name) => parseQuery(name));
  const rows: BulkRow[] = [];
  for (const cap of LOOKUP_CAPS) {
    const tag = `bulk-${Number.isFinite(cap) ? cap : 'none'}`;
    const client = new DohClient({ providers: [customProvider(faultDohUrl(stack, tag, BULK_RTT_MS))], fetch: bench.fetch });
    const maxInFlight = 64; // the DohClient default, kept as shipped
    await bench.warm();
    let firstReportMs = Number.NaN;
    const connectionsBefore = bench.connections();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const reports = await bulkLookup(queries, client, {
      maxLookups: Number.isFinite(cap) ? cap : queries.length,
      onReport: () => {
        if (Number.isNaN(firstReportMs)) firstReportMs = performance.now() - started;
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const newConnections = bench.connections() - connectionsBefore;
    const entries = await readFaultLog(stack, tag);
    const requests = reports.reduce((sum, report) => sum + (report?.stats.requests ?? 0), 0);
    const failedLookups = reports.filter((report) => !report || report.status !== 'done' || report.errors.length > 0 || report.exchanges.length !== 1).length;
    const row: BulkRow = {
      maxLookups: Number.isFinite(cap) ? cap : 'none',
      isDefault: cap === DEFAULT_MAX_LOOKUPS,
      maxInFlight,
      seconds: round(seconds, 2),
      domainsPerSecond: round(queries.length / seconds, 0),
      requestsPerSecond: round(requests / seconds, 0),
      firstReportMs: round(firstReportMs, 0),
      requests,
      logRequests: entries.length,
      limiterPeak: client.limiter.peak,
      logPeak: peakInFlight(entries),
      failedLookups,
      newConnections,
      clientCpuMsPerLookup: round((cpu.user + cpu.system) / 1000 / queries.length, 2),
    };
    rows.push(row);
    log?.(`  lookups cap ${row.maxLookups}: ${row.domainsPerSecond} domains/s, ${row.requestsPerSecond} requests/s, peak ${row.limiterPeak} in flight`);
  }
  return rows;
}

/**
 * The engine's own ceiling: the same 200 lookups with every answer recorded once from the stack
 * and then replayed from memory (no network, no TLS, no server), median of 5 runs. Separates
 * what the plan costs from what the transport and this machine cost.
 */
export async function measureEngineCeiling(stack: StackInfo, bench: BenchFetch): Promise<CeilingRow> {
  const provider = customProvider(faultDohUrl(stack, 'bulk-record', 0));
  const recorded = new Map<string, Uint8Array<ArrayBuffer>>();
  const recording: FetchLike = async (url, init) => {
    const response = await bench.fetch(url, init);
    const body = new Uint8Array(await response.arrayBuffer());
    recorded.set(url, body);
    return new Response(body, { status: response.status, headers: response.headers });
  };
  const queries = BULK_DOMAINS.map((name) => parseQuery(name));
  await bench.warm();
  await bulkLookup(queries, new DohClient({ providers: [provider], fetch: recording }));
  await clearFaultLog(stack, 'bulk-record');
  const replay: FetchLike = async (url) => {
    const body = recorded.get(url);
    if (!body) throw new Error(`not recorded: ${url}`);
    return new Response(body, { status: 200, headers: { 'content-type': 'application/dns-message' } });
  };
  const rates: number[] = [];
  const cpus: number[] = [];
  for (let run = 0; run < 5; run++) {
    const client = new DohClient({ providers: [provider], fetch: replay });
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await bulkLookup(queries, client);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    rates.push(queries.length / seconds);
    cpus.push((cpu.user + cpu.system) / 1000 / queries.length);
  }
  return { domainsPerSecond: round(median(rates), 0), cpuMsPerLookup: round(median(cpus), 2) };
}
