/**
 * Weeks of watching, simulated (issue #25): 200 watched names, checked every 15 minutes to 6
 * hours, for 30 days of a fake clock, through the real worker (src/background/service-worker.ts
 * and its watch code), the real lookup engine, the real IndexedDB store (over fake-indexeddb).
 * Only the edges are fakes: the clock (sim-clock.ts), the extension API (fake-browser.ts) and
 * the resolvers (fake-doh-server.ts, answering from zone-model.ts). Along the way: the chosen
 * resolver down a day, every resolver down a day, three hours of time-outs, the worker stopped
 * at random points (idle, and in the middle of checks), and the browser restarted twice.
 *
 * It prints its figures; `npm run soak` runs this file alone. SOAK_SEED=n runs another plan.
 */
import 'fake-indexeddb/auto';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { createFakeBrowser } from './fake-browser';
import { fakeDohFetch } from './fake-doh-server';
import { SimClock } from './sim-clock';
import { soakPlan } from './soak-plan';
import { bundleWorker } from './worker-bundle';
import { runSoak } from './soak-run';
import { formatFigures } from './soak-figures';
import { ZoneModel } from './zone-model';

/** A real GC between the heap readings: from --expose-gc, or switched on here. */
function exposedGc(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

/** The heap after a GC on day 30 may exceed day 1's by at most this (see the figures for what the stores hold). */
const HEAP_MARGIN_MB = 24;

const seed = Number(process.env.SOAK_SEED ?? 2025);
/** Fewer days only to try a change quickly (SOAK_DAYS=3); the soak itself is 30. */
const days = Number(process.env.SOAK_DAYS ?? 30);
const clock = new SimClock();

afterAll(() => clock.uninstall());

describe('weeks of watching, simulated', () => {
  it('logs and notifies every change once, never a failure, keeps its alarms, storage and memory bounded', { timeout: 3_600_000 }, async () => {
    const plan = soakPlan(seed, { days });
    const zone = new ZoneModel({ start: plan.start, days: plan.days, seed, quietAround: plan.outages.flatMap((o) => [o.from, o.to]) }, plan.intervals);
    const browser = createFakeBrowser();
    const worker = await bundleWorker();
    browser.storage.local.set({
      // The watch context asks MX, addresses, SPF and DMARC; the mail diagnostics and PTR are off
      // (the person's choice, as the options page offers it), so 200 names × 30 days stay quick.
      settings: { version: 1, diagnostics: false, ptr: false, asn: false, fallback: true, history: true, timeoutMs: 4_000 },
    });
    const doh = fakeDohFetch(zone, plan.outages, { 'psl-trie.json': worker.suffixTrie });
    clock.install(plan.start);

    const result = await runSoak({
      plan,
      zone,
      clock,
      browser,
      doh,
      gc: exposedGc(),
      startWorker: (edges) => worker.evaluate(edges),
    });

    console.log(formatFigures(result.figures, seed));
    expect(result.problems).toEqual([]);
    const f = result.figures;
    expect(f.days).toBe(days);
    expect(f.names).toBe(200);
    expect(f.changesLogged).toBe(f.changesExpected);
    expect(f.notifications).toBe(f.changesExpected);
    expect(f.checksFailed).toBeGreaterThan(0);
    expect(f.workerStopsMidCheck).toBeGreaterThan(0);
    expect(f.browserRestarts).toBe(plan.restarts.length);
    expect(f.toggle?.checksInside).toBe(0);
    expect(f.heapMb.day30 - f.heapMb.day1).toBeLessThan(HEAP_MARGIN_MB);
  });
});
