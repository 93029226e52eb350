// Issue 12, section 6: the routing report (MX, addresses, PTR, forward checks) must complete as
// fast with every mail check on as with them off, within one frame, at 0 and 50 ms RTT. The
// result page (popup.html?q=five-mx.test in a tab) from a warm worker, the settings switched in
// storage.local between runs (the worker hears the change as it hears the options page), the
// two interleaved run by run so a slow spell of the machine falls on both.
import { median, round } from '../stats';
import type { BrowserBench } from './browser-bench';
import { freshSample, type FreshSample } from './popup-latency';

export type Checks = 'checks off' | 'every check on';

/** The settings each side runs with: off has no diagnostics, blocklists or network (ASN) lookups. */
const SETTINGS: Record<Checks, { diagnostics: boolean; blocklists: boolean; asn: boolean }> = {
  'checks off': { diagnostics: false, blocklists: false, asn: false },
  'every check on': { diagnostics: true, blocklists: true, asn: true },
};

export interface RoutingRow {
  checks: Checks;
  rttMs: number;
  runs: number;
  /** Medians, ms from the navigation call. */
  firstRow: number;
  routingMessage: number;
  routing: number;
  done: number;
  requests: number;
  samples: Pick<FreshSample, 'firstRow' | 'routingMessage' | 'routing' | 'done' | 'requests'>[];
}

/** Switches the mail checks in storage.local, as the options page does (the worker hears the change). */
export async function useSettings(bench: BrowserBench, checks: Checks): Promise<void> {
  const patch = JSON.stringify(SETTINGS[checks]);
  await bench.worker.evaluate(
    `chrome.storage.local.get('settings').then((s) => chrome.storage.local.set({ settings: { ...(s.settings ?? {}), ...${patch} } }))`,
  );
  await bench.worker.detach();
}

export async function measureRoutingVsChecks(bench: BrowserBench, rttsMs: readonly number[], runs: number): Promise<RoutingRow[]> {
  const rows: RoutingRow[] = [];
  try {
    for (const rttMs of rttsMs) {
      bench.setRttMs(rttMs);
      const samples: Record<Checks, FreshSample[]> = { 'checks off': [], 'every check on': [] };
      for (let run = 0; run < runs; run++) {
        for (const checks of Object.keys(SETTINGS) as Checks[]) {
          await useSettings(bench, checks);
          samples[checks].push(await freshSample(bench, 'result page', 'warm'));
        }
      }
      for (const checks of Object.keys(SETTINGS) as Checks[]) {
        const of = (pick: (s: FreshSample) => number) => round(median(samples[checks].map(pick)));
        rows.push({
          checks,
          rttMs,
          runs,
          firstRow: of((s) => s.firstRow),
          routingMessage: of((s) => s.routingMessage),
          routing: of((s) => s.routing),
          done: of((s) => s.done),
          requests: of((s) => s.requests),
          samples: samples[checks].map(({ firstRow, routingMessage, routing, done, requests }) => ({ firstRow, routingMessage, routing, done, requests })),
        });
      }
    }
  } finally {
    await useDefaultSettings(bench);
  }
  return rows;
}

/** Back to the shipped defaults for what follows. */
export async function useDefaultSettings(bench: BrowserBench): Promise<void> {
  await bench.worker.evaluate(`chrome.storage.local.remove('settings')`);
  await bench.worker.detach();
}
