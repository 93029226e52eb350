// Issue #7's promise: with every mail diagnostic on (SPF tree, DMARC tree walk, ~30 DKIM
// selectors, MTA-STS, TLS-RPT, BIMI, blocklists), the first MX still arrives after one round
// trip. Same method as engine-latency.ts (fault server `/delay/<rtt>`, fresh client, warm
// connections); the MX request's own position is read from the server's log: it must be in the
// first burst (sent before any answer came back), whatever else is asked.
import { DohClient } from '../src/core/doh/doh-client';
import { customProvider } from '../src/core/doh/providers';
import { lookupMail } from '../src/core/lookup/lookup-mail';
import { parseQuery } from '../src/core/query';
import type { Report } from '../src/core/report';
import { criticalPathDepth } from '../test/stack/fault-log';
import { readFaultLog } from '../test/stack/fault-log-client';
import type { StackInfo } from '../test/stack/stack-info';
import type { BenchFetch } from './bench-fetch';
import { faultDohUrl } from './engine-latency';
import { median, round, sameOrRange } from './stats';

export const DIAGNOSTICS_RTTS_MS = [0, 50] as const;
export const DIAGNOSTICS_DOMAINS = ['five-mx.test', 'spf-tree.test', 'spf-too-many.test', 'sts.test', 'dkim.test'] as const;

interface Sample {
  firstMxMs: number;
  routingMs: number;
  completeMs: number;
  requests: number;
  mailRequests: number;
  mailRoundTrips: number;
  /** The MX request went out before any answer came back. */
  mxInFirstBurst: boolean;
  /** Requests sent before the first answer came back. */
  firstBurst: number;
  logDepth: number;
}

export interface DiagnosticsRow {
  rttMs: number;
  domain: string;
  runs: number;
  /** Medians, ms. Without diagnostics: the same lookup, same run order, for comparison. */
  firstMxMs: number;
  firstMxWithoutMs: number;
  routingMs: number;
  completeMs: number;
  requests: string;
  mailRequests: string;
  mailRoundTrips: string;
  firstBurst: string;
  mxInFirstBurst: boolean;
  logDepth: string;
}

function routingDone(report: Report): boolean {
  if (report.mxStatus === 'pending') return false;
  return report.exchanges.every(
    (e) => e.addressStatus.A !== 'pending' && e.addressStatus.AAAA !== 'pending' && e.addresses.every((a) => a.fcrdns !== 'pending'),
  );
}

async function sample(stack: StackInfo, bench: BenchFetch, domain: string, rttMs: number, run: number, diagnostics: boolean): Promise<Sample> {
  const tag = `diag-${diagnostics ? 'on' : 'off'}-${domain}-${rttMs}-${run}`;
  const client = new DohClient({ providers: [customProvider(faultDohUrl(stack, tag, rttMs))], fetch: bench.fetch });
  await bench.warm();
  let firstMxMs = Number.NaN;
  let routingMs = Number.NaN;
  const started = performance.now();
  const report = await lookupMail(parseQuery(domain), client, {
    ...(diagnostics ? { diagnostics: { blocklists: true, dkimSelectors: ['custom-sel'] } } : {}),
    onUpdate: (update) => {
      const now = performance.now() - started;
      if (Number.isNaN(firstMxMs) && update.exchanges.length > 0) firstMxMs = now;
      if (Number.isNaN(routingMs) && routingDone(update)) routingMs = now;
    },
  });
  const completeMs = performance.now() - started;
  if (Number.isNaN(routingMs)) routingMs = completeMs;
  const log = await readFaultLog(stack, tag);
  const firstAnswer = Math.min(...log.map((e) => e.endMs ?? Number.POSITIVE_INFINITY));
  const burst = log.filter((e) => e.startMs < firstAnswer);
  return {
    firstMxMs,
    routingMs,
    completeMs,
    requests: report.stats.requests,
    mailRequests: report.mail?.requests ?? 0,
    mailRoundTrips: report.mail?.roundTrips ?? 0,
    mxInFirstBurst: burst.some((e) => e.name === domain && e.type === 'MX'),
    firstBurst: burst.length,
    logDepth: criticalPathDepth(log),
  };
}

export async function measureDiagnostics(stack: StackInfo, bench: BenchFetch, runs: number, log?: (line: string) => void): Promise<DiagnosticsRow[]> {
  const rows: DiagnosticsRow[] = [];
  for (const rttMs of DIAGNOSTICS_RTTS_MS) {
    for (const domain of DIAGNOSTICS_DOMAINS) {
      const on: Sample[] = [];
      const off: Sample[] = [];
      for (let run = 0; run < runs; run++) {
        on.push(await sample(stack, bench, domain, rttMs, run, true));
        off.push(await sample(stack, bench, domain, rttMs, run, false));
      }
      const med = (samples: Sample[], pick: (s: Sample) => number) => round(median(samples.map(pick)));
      const row: DiagnosticsRow = {
        rttMs,
        domain,
        runs,
        firstMxMs: med(on, (s) => s.firstMxMs),
        firstMxWithoutMs: med(off, (s) => s.firstMxMs),
        routingMs: med(on, (s) => s.routingMs),
        completeMs: med(on, (s) => s.completeMs),
        requests: sameOrRange(on.map((s) => s.requests)),
        mailRequests: sameOrRange(on.map((s) => s.mailRequests)),
        mailRoundTrips: sameOrRange(on.map((s) => s.mailRoundTrips)),
        firstBurst: sameOrRange(on.map((s) => s.firstBurst)),
        mxInFirstBurst: on.every((s) => s.mxInFirstBurst),
        logDepth: sameOrRange(on.map((s) => s.logDepth)),
      };
      rows.push(row);
      log?.(
        `  rtt ${rttMs} ms ${domain}: first MX ${row.firstMxMs} ms (${row.firstMxWithoutMs} without diagnostics), routing ${row.routingMs} ms, all ${row.completeMs} ms, ${row.requests} requests`,
      );
    }
  }
  return rows;
}

export function diagnosticsTable(rows: DiagnosticsRow[]): string {
  const lines = [
    '### With every mail diagnostic on (blocklists and one extra DKIM selector included; median of runs)',
    '',
    '| RTT (ms) | domain | first MX (ms) | first MX, diagnostics off (ms) | routing complete (ms) | everything (ms) | requests (of which diagnostics) | diagnostics round trips | sent before the first answer | MX among them | log depth |',
    '|---:|---|---:|---:|---:|---:|---|---|---|---|---|',
  ];
  for (const row of rows) {
    lines.push(
      `| ${row.rttMs} | ${row.domain} | ${row.firstMxMs} | ${row.firstMxWithoutMs} | ${row.routingMs} | ${row.completeMs} | ${row.requests} (${row.mailRequests}) | ${row.mailRoundTrips} | ${row.firstBurst} | ${row.mxInFirstBurst ? 'yes' : 'NO'} | ${row.logDepth} |`,
    );
  }
  return lines.join('\n');
}
