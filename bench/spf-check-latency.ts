// Issue #15: round trips of check_host() on a 3-level include tree (tree.spf-check.test, the
// match in the last leaf), fetching ahead and sequentially, at a simulated resolver round
// trip. Fresh client per run (no cache), warm connections, the fault server's `/delay/<rtt>`.
// Round trips are counted twice: by the engine (its critical path) and from the fault
// server's request log (criticalPathDepth), which knows nothing of the engine.
//   In `npm run bench` (section "diagnostics" or "spf-check"), or on its own:
//   npx tsx --import ./bench/register-hooks.mjs bench/spf-check-latency.ts [runs]
import { fileURLToPath } from 'node:url';
import { DohClient } from '../src/core/doh/doh-client';
import { customProvider } from '../src/core/doh/providers';
import { checkSpf, clientAsk } from '../src/core/mail/spf/check-host';
import { criticalPathDepth } from '../test/stack/fault-log';
import { readFaultLog } from '../test/stack/fault-log-client';
import type { StackInfo } from '../test/stack/stack-info';
import { createBenchFetch, type BenchFetch } from './bench-fetch';
import { faultDohUrl } from './engine-latency';
import { startStackProcess } from './stack-process';
import { median, round, sameOrRange } from './stats';

export const SPF_CHECK_CASES = [
  { name: '3-level include tree, match in the last leaf', ip: '203.0.113.70', sender: 'a@tree.spf-check.test' },
  { name: '3-level include tree, no match (fail)', ip: '192.0.2.99', sender: 'a@tree.spf-check.test' },
  { name: '11 lookups deep (permerror)', ip: '203.0.113.99', sender: 'a@spf-too-many.test' },
] as const;
const RTT_MS = 50;

export interface SpfCheckRow {
  case: string;
  prefetch: boolean;
  result: string;
  lookups: number;
  engineRoundTrips: string;
  logRoundTrips: string;
  requests: string;
  ms: number;
}

async function sample(stack: StackInfo, bench: BenchFetch, c: (typeof SPF_CHECK_CASES)[number], prefetch: boolean, run: number) {
  const tag = `spf-check-${prefetch ? 'ahead' : 'seq'}-${c.sender}-${c.ip}-${run}`;
  const client = new DohClient({ providers: [customProvider(faultDohUrl(stack, tag, RTT_MS))], fetch: bench.fetch });
  await bench.warm();
  const started = performance.now();
  // Without the "authorized senders" walk: this measures the check itself.
  const check = await checkSpf({ ip: c.ip, sender: c.sender }, { ask: clientAsk(client), prefetch, authorizedSenders: false });
  const ms = performance.now() - started;
  const log = await readFaultLog(stack, tag);
  return { check, ms, logDepth: criticalPathDepth(log), requests: log.length };
}

export async function measureSpfCheck(stack: StackInfo, bench: BenchFetch, runs: number, log: (line: string) => void): Promise<SpfCheckRow[]> {
  const rows: SpfCheckRow[] = [];
  for (const c of SPF_CHECK_CASES) {
    for (const prefetch of [false, true]) {
      const samples = [];
      for (let run = 0; run < runs; run++) samples.push(await sample(stack, bench, c, prefetch, run));
      const first = samples[0]!.check;
      rows.push({
        case: c.name,
        prefetch,
        result: first.result,
        lookups: first.lookups,
        engineRoundTrips: sameOrRange(samples.map((s) => s.check.roundTrips)),
        logRoundTrips: sameOrRange(samples.map((s) => s.logDepth)),
        requests: sameOrRange(samples.map((s) => s.requests)),
        ms: round(median(samples.map((s) => s.ms)), 0),
      });
    }
  }
  log(spfCheckTable(rows));
  return rows;
}

export function spfCheckTable(rows: SpfCheckRow[]): string {
  const lines = [
    `### check_host() at ${RTT_MS} ms RTT: fetching ahead vs sequential`,
    '',
    '| case | fetch ahead | result | lookups | round trips (engine) | round trips (server log) | requests | median ms |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of rows)
    lines.push(
      `| ${row.case} | ${row.prefetch ? 'yes' : 'no'} | ${row.result} | ${row.lookups} | ${row.engineRoundTrips} | ${row.logRoundTrips} | ${row.requests} | ${row.ms} |`,
    );
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const stack = await startStackProcess();
  const bench = createBenchFetch(stack.info);
  try {
    await measureSpfCheck(stack.info, bench, Number(process.argv[2] ?? 5), (line) => console.log(line));
  } finally {
    await bench.close();
    await stack.stop();
  }
}
