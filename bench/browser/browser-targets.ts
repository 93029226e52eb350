// The targets the in-browser figures are read against (docs/performance.md): the cached popup
// re-lookup, and the engine's first-MX target, which the popup is shown beside, not held to.
import type { TargetResult } from '../targets';
import type { BrowserResults } from './measure-browser';

const CACHED_LIMIT_MS = 50;
const RTT_MS = 50;
const FIRST_MX_LIMIT_MS = 1.2 * RTT_MS + 60;

export function browserTargets(results: BrowserResults): TargetResult[] {
  const targets: TargetResult[] = [];
  if (results.cached.length > 0) {
    const worstRequests = Math.max(...results.cached.map((row) => row.maxRequests));
    const lookups = results.cached.map((row) => `${row.median.lookupToDone} ms at ${row.rttMs} ms RTT`).join(', ');
    targets.push({
      target: 'toolbar popup: the same lookup again within TTL ("Looking up" shown → "Done" painted)',
      limit: `≤ ${CACHED_LIMIT_MS} ms, 0 requests`,
      measured: `${lookups}; ${worstRequests} requests (worst run, fault-server log)`,
      met: worstRequests === 0 && results.cached.every((row) => row.median.lookupToDone <= CACHED_LIMIT_MS),
    });
  }
  for (const start of ['warm', 'cold'] as const) {
    const row = results.fresh.find((r) => r.surface === 'toolbar popup' && r.start === start && r.rttMs === RTT_MS);
    if (!row) continue;
    const m = row.median;
    targets.push({
      target: `toolbar popup, worker ${start === 'warm' ? 'running' : 'stopped'}: key press → first MX row at ${RTT_MS} ms RTT`,
      limit: `engine target ≤ 1.2 × RTT + 60 ms = ${FIRST_MX_LIMIT_MS} ms`,
      measured: `${Math.round(m.firstRow)} ms (+${Math.round(m.firstRow - FIRST_MX_LIMIT_MS)}); "Looking up" shown → row ${Math.round(m.firstRow - m.lookupStarted)} ms`,
      met: m.firstRow <= FIRST_MX_LIMIT_MS,
    });
  }
  return targets;
}
