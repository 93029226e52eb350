// Section "slow and broken resolvers" (issue 12): the time to the first MX row and to the end
// of the lookup (or to its error) when resolvers misbehave, for five-mx.test with the
// extension's settings (4 resolvers in the chain, 4 s per request). Healthy resolvers are the
// fault server at a 20 ms round trip; the faulty ones `/hang` or `/reset`. Each scenario runs on
// a fresh client (a cold worker), then once more on the same client ("next lookup"), then on a
// new client sharing only the resolver health ("after a worker restart": its store in the
// extension is storage.session). The file only uses engine APIs that predate issue 12, so the
// same file measures main for the before/after figures (run it with tsx on its own).
import { pathToFileURL } from 'node:url';
import { DohClient } from '../src/core/doh/doh-client';
import { customProvider } from '../src/core/doh/providers';
import { lookupMail } from '../src/core/lookup/lookup-mail';
import { parseQuery } from '../src/core/query';
import type { Report } from '../src/core/report';
import type { StackInfo } from '../test/stack/stack-info';
import { createBenchFetch, type BenchFetch } from './bench-fetch';
import { startStackProcess } from './stack-process';
import { median, round } from './stats';

export interface FaultRow {
  scenario: string;
  run: 'cold' | 'next lookup' | 'after a worker restart';
  firstMxMs: number | null;
  doneMs: number;
  outcome: string;
  requests: number;
  /** The first notice the report carried while running (issue 12 builds only), and when. */
  firstNotice: string | null;
}

const HEALTHY = 'delay/20';
const SCENARIOS: { scenario: string; chain: string[] }[] = [
  { scenario: 'every resolver healthy (20 ms)', chain: [HEALTHY, HEALTHY, HEALTHY, HEALTHY] },
  { scenario: 'first resolver hanging', chain: ['hang', HEALTHY, HEALTHY, HEALTHY] },
  { scenario: 'first resolver resetting connections', chain: ['reset', HEALTHY, HEALTHY, HEALTHY] },
  { scenario: 'every resolver hanging', chain: ['hang', 'hang', 'hang', 'hang'] },
];

async function timedLookup(client: DohClient): Promise<Omit<FaultRow, 'scenario' | 'run'>> {
  const started = performance.now();
  let firstMxMs: number | null = null;
  let firstNotice: string | null = null;
  const onUpdate = (report: Report) => {
    if (firstMxMs === null && report.exchanges.length > 0) firstMxMs = performance.now() - started;
    const notice = (report as { notices?: { message: string; atMs: number }[] }).notices?.[0];
    if (firstNotice === null && notice) firstNotice = `${notice.atMs} ms: ${notice.message}`;
  };
  const report = await lookupMail(parseQuery('five-mx.test'), client, { onUpdate });
  const doneMs = performance.now() - started;
  const outcome =
    report.mxStatus === 'error'
      ? `error: ${report.errors[0]?.message ?? '?'}`
      : `${report.exchanges.length} MX, ${report.exchanges.filter((e) => e.addresses.length > 0).length} with addresses`;
  return { firstMxMs: firstMxMs === null ? null : round(firstMxMs), doneMs: round(doneMs), outcome, requests: report.stats.requests, firstNotice };
}

export async function measureResolverFaults(
  stack: Pick<StackInfo, 'faultUrl'>,
  bench: BenchFetch,
  runs = 3,
  log: (line: string) => void = () => undefined,
  only?: string,
): Promise<FaultRow[]> {
  const rows: FaultRow[] = [];
  let tag = 0;
  for (const { scenario, chain } of SCENARIOS.filter((s) => !only || s.scenario.includes(only))) {
    const samples: Record<FaultRow['run'], Omit<FaultRow, 'scenario' | 'run'>[]> = { cold: [], 'next lookup': [], 'after a worker restart': [] };
    for (let run = 0; run < runs; run++) {
      await bench.warm(32);
      const providers = chain.map((modes, i) => ({ ...customProvider(`${stack.faultUrl}/tag/faults-${++tag}/${modes}/dns-query`), name: `resolver ${i + 1}` }));
      const first = new DohClient({ providers, fetch: bench.fetch, timeoutMs: 4_000 });
      samples.cold.push(await timedLookup(first));
      // The same client (a warm worker), its answers forgotten so the questions go out again.
      first.cache.clear();
      samples['next lookup'].push(await timedLookup(first));
      // A new client: a worker the browser stopped and started, with only what it stored.
      samples['after a worker restart'].push(await timedLookup(new DohClient({ ...healthOf(first), providers, fetch: bench.fetch, timeoutMs: 4_000 })));
    }
    for (const [run, list] of Object.entries(samples) as [FaultRow['run'], Omit<FaultRow, 'scenario' | 'run'>[]][]) {
      const firstMx = list.map((s) => s.firstMxMs).filter((v): v is number => v !== null);
      rows.push({
        scenario,
        run,
        firstMxMs: firstMx.length === list.length ? round(median(firstMx)) : null,
        doneMs: round(median(list.map((s) => s.doneMs))),
        outcome: list[0]!.outcome,
        requests: list[0]!.requests,
        firstNotice: list[0]!.firstNotice,
      });
    }
    log(`  ${scenario}: done`);
  }
  log(faultTable(rows));
  return rows;
}

/**
 * The health a restarted worker finds (issue 12 builds: the `health` object, which the worker
 * restores from storage.session); builds before it have none, so a new client knows nothing.
 */
function healthOf(client: DohClient): object {
  const health = (client as { health?: unknown }).health;
  return health ? { health } : {};
}

export function faultTable(rows: FaultRow[]): string {
  const lines = ['| scenario | run | first MX row | done / error | requests | outcome | first notice |', '|---|---|---:|---:|---:|---|---|'];
  for (const r of rows) {
    lines.push(
      `| ${r.scenario} | ${r.run} | ${r.firstMxMs === null ? '-' : `${r.firstMxMs} ms`} | ${r.doneMs} ms | ${r.requests} | ${r.outcome.replace(/\|/g, '/').slice(0, 160)} | ${r.firstNotice ?? '-'} |`,
    );
  }
  return lines.join('\n');
}

// On its own: `npx tsx --import ./bench/register-hooks.mjs bench/resolver-faults.ts [runs] [scenario words]`
// prints the table (and the rows as JSON on stdout).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const stack = await startStackProcess();
  const bench = createBenchFetch(stack.info);
  try {
    const rows = await measureResolverFaults(stack.info, bench, Number(process.argv[2] ?? 3), (line) => process.stderr.write(`${line}\n`), process.argv[3]);
    console.log(JSON.stringify(rows));
  } finally {
    await bench.close();
    await stack.stop();
  }
}
